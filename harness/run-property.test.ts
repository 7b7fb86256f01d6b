import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evaluator } from './evaluator.js';
import { createOracleEvaluator } from '../evaluators/oracle.js';
import { loadCatalogue } from '../generators/catalogue.js';
import { PROFILES } from '../generators/profiles.js';
import { evaluate as oracleVerdict } from '../oracle/index.js';
import type { Case, Verdict } from '../oracle/types.js';
import { differential } from '../specs/properties/differential.js';
import { boundaryAllowAll } from '../specs/properties/metamorphic/boundary-allow-all.js';
import { statementOrder } from '../specs/properties/metamorphic/order.js';
import { mutantEvaluator } from '../testing/mutants/catch.js';
import { MUTANTS } from '../testing/mutants/index.js';
import { propertyReplay } from './replay.js';
import { runProperty } from './run-property.js';

const fake = (answer: (c: Case, i: number) => Verdict | 'crash', unsupported: Evaluator['unsupportedFeatures'] = []): Evaluator => {
  let n = 0;
  return {
    spec: 'module:./fake.js',
    name: 'fake',
    unsupportedFeatures: unsupported,
    async evaluate(cases) {
      return cases.map((c) => {
        const a = answer(c, n++);
        return a === 'crash' ? { kind: 'errored', message: 'boom' } : { kind: 'verdict', verdict: a };
      });
    },
    async close() {},
  };
};

describe('runProperty', async () => {
  const catalogue = await loadCatalogue();
  const settings = PROFILES.default!;

  it('passes the oracle against itself and counts every input', async () => {
    const run = await runProperty(differential, createOracleEvaluator(), { seed: 1, runs: 40, settings, catalogue });
    expect(run.failure).toBeUndefined();
    expect(run.counts).toMatchObject({ agree: 40, diverge: 0, errored: 0 });
  });

  it('shrinks a divergence into a Failure with a replay command that reproduces it', async () => {
    const ev = fake(() => ({ decision: 'allowed' }));
    const run = await runProperty(differential, ev, { seed: 7, runs: 100, settings, catalogue });
    const f = run.failure!;
    expect(f).toBeDefined();
    expect(run.counts.diverge).toBe(1);
    expect(f.origin).toMatchObject({ kind: 'property', property: 'differential', profile: 'default', seed: 7 });
    expect(f.replay).toMatch(/^npx iam-conformance run --evaluator module:\.\/fake\.js --seed 7 --path \S+ --property differential$/);
    expect(f.actual).toEqual({ kind: 'verdict', verdict: { decision: 'allowed' } });
    expect('decision' in f.expected && f.expected.decision).not.toBe('allowed');
    // An evaluator that allows everything diverges on a case without any policy: minimised to that.
    expect(f.case.policies).toEqual([]);
    expect(f.oracleTrace).toBeDefined();
    const path = f.origin.kind === 'property' ? f.origin.path : undefined;
    const again = await runProperty(differential, ev, { seed: 7, runs: 100, path, settings, catalogue });
    expect(again.failure?.case).toEqual(f.case);
  });

  it('minimises the counterexample: no policy, statement, condition or context entry the divergence does not need', async () => {
    // Wrong only where a Deny applies: it answers allowed instead.
    const ev = fake((c) => {
      const v = oracleVerdict(c);
      return 'decision' in v && v.decision === 'explicitDeny' ? { decision: 'allowed' } : v;
    });
    const run = await runProperty(differential, ev, { seed: 7, runs: 200, settings, catalogue });
    const c = run.failure!.case;
    expect(c.policies).toHaveLength(1);
    const statements = (c.policies[0] as { Statement: unknown }).Statement;
    expect(Array.isArray(statements) ? statements : [statements]).toHaveLength(1);
    expect(c.permissionsBoundaries ?? []).toEqual([]);
    expect(JSON.stringify(c.policies)).not.toContain('Condition');
    expect(c.request.context).toEqual([]);
    expect(run.failure!.expected).toMatchObject({ decision: 'explicitDeny' });
    expect(run.failure!.actual).toEqual({ kind: 'verdict', verdict: { decision: 'allowed' } });
  });

  it('minimises a metamorphic failure with the property’s own check, and the --path replay shows the same case', async () => {
    // first-match-wins: the first applicable statement decides, so reordering statements changes answers.
    const ev = mutantEvaluator(MUTANTS.find((m) => m.name === 'first-match-wins')!);
    const options = { seed: 5, runs: 100, settings, catalogue };
    const run = await runProperty(statementOrder, ev, options);
    const f = run.failure!;
    expect(f.related).toBeDefined();
    // fast-check's own shrunk counterexample, found by the same search.
    const search = await fc.check(
      fc.asyncProperty(statementOrder.arbitrary(settings, catalogue), async (t) => (await statementOrder.check(ev, t)) === null),
      { seed: options.seed, numRuns: options.runs, maxSkipsPerRun: 1000 },
    );
    const shrunk = statementOrder.cases(search.counterexample![0])[0]!;
    const size = (c: Case) => JSON.stringify(c).length;
    expect(size(f.case)).toBeLessThan(size(shrunk));
    // Still the property's failure: the transformed case of the minimised one is answered otherwise.
    const [before, after] = await ev.evaluate([f.case, f.related!.case]);
    expect(before).toEqual(f.actual);
    expect(after).toEqual(f.related!.actual);
    expect(before).not.toEqual(after);
    const path = f.origin.kind === 'property' ? f.origin.path : undefined;
    const again = await runProperty(statementOrder, ev, { ...options, path });
    expect(again.failure?.case).toEqual(f.case);
    expect(again.failure?.related?.case).toEqual(f.related!.case);
  });

  it('reports an evaluator that fails to answer as errored, never as a pass', async () => {
    const run = await runProperty(differential, fake(() => 'crash'), { seed: 3, runs: 20, settings, catalogue });
    expect(run.counts.errored).toBe(1);
    expect(run.failure?.actual).toEqual({ kind: 'errored', message: 'boom' });
  });

  it('gives metamorphic failures the transformed case as related', async () => {
    const ev = fake((_c, i) => ({ decision: i % 2 ? 'allowed' : 'implicitDeny' }));
    const run = await runProperty(statementOrder, ev, { seed: 3, runs: 20, settings, catalogue });
    expect(run.failure?.related?.description).toMatch(/reordered/);
  });

  it('skips inputs with unsupported features, counted apart', async () => {
    // Generated with the default profile, not with the features excluded: the runner must skip them.
    const oracle = createOracleEvaluator();
    const ev: Evaluator = { ...oracle, unsupportedFeatures: ['explicit-deny', 'permissions-boundary'] };
    const run = await runProperty(differential, ev, { seed: 3, runs: 30, settings, catalogue });
    expect(run.failure).toBeUndefined();
    expect(run.counts.skipped).toBeGreaterThan(0);
    // fast-check draws new inputs in place of skipped ones: `runs` counts the inputs actually checked.
    expect(run.counts.agree).toBe(30);
  });

  it('skips a property up front, with the reason, when every input needs an unsupported feature', async () => {
    const oracle = createOracleEvaluator();
    const noBoundaries: Evaluator = { ...oracle, unsupportedFeatures: ['permissions-boundary'] };
    const declared = await runProperty(boundaryAllowAll, noBoundaries, { seed: 3, runs: 300, settings, catalogue });
    expect(declared.skipReason).toBe('every input uses permissions-boundary, which the evaluator does not support');
    expect(declared.counts).toMatchObject({ agree: 0, skipped: 300 });
    // Found by sampling: every differential input under a profile that always adds a Deny.
    const noDeny: Evaluator = { ...oracle, unsupportedFeatures: ['explicit-deny'] };
    const sampled = await runProperty(differential, noDeny, { seed: 3, runs: 30, settings: { ...settings, denyPercent: 100 }, catalogue });
    expect(sampled.skipReason).toMatch(/^each of 50 sampled inputs uses explicit-deny/);
  });

  it('quotes evaluator specs that need it and names non-default profiles', () => {
    expect(propertyReplay('cmd:python3 eval.py', 'differential', 'operators', 5, '1:2')).toBe(
      "npx iam-conformance run --evaluator 'cmd:python3 eval.py' --seed 5 --path 1:2 --property differential --profile operators",
    );
  });
});
