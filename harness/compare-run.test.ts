import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBaselineEvaluator } from '../evaluators/baseline.js';
import { createModuleEvaluator } from '../evaluators/module.js';
import { createOracleEvaluator } from '../evaluators/oracle.js';
import { loadCatalogue, type Catalogue } from '../generators/catalogue.js';
import { evaluate as oracle } from '../oracle/index.js';
import { defaultPlan } from '../specs/properties/defaults.js';
import { PROPERTIES } from '../specs/properties/index.js';
import { answerOf } from './compare.js';
import { compareRun, type ComparedEvaluator } from './compare-run.js';
import { buildCorpus, itemRow, oracleJudged, type Corpus, type CorpusItem } from './corpus.js';
import { ExpectationSet, NO_EXPECTATIONS } from './expectations.js';
import { packageRoot } from './package-root.js';
import { scoreOf } from './score.js';
import { loadVectorFiles } from './vector-file.js';

const root = packageRoot();
let catalogue: Catalogue;
let corpus: Corpus;
let columns: ComparedEvaluator[];

const corpusFor = async (seed: number, runs: number): Promise<Corpus> =>
  buildCorpus({
    vectors: await loadVectorFiles([join(root, 'specs', 'vectors')]),
    regressions: [],
    plan: defaultPlan(PROPERTIES),
    seed,
    runs,
    catalogue,
  });

/** Whether a constant `decision` is right on an oracle-judged item, worked out without the compare engine. */
function constantIsRight(item: CorpusItem, decision: string): boolean {
  if (item.source !== 'properties') return answerOf(item.expected) === decision;
  if (item.kind === 'validation') return false;
  // A differential input of several cases (a service call and its iam:PassRole) needs every one right.
  return item.cases.every((c) => answerOf(oracle(c)) === decision);
}

beforeAll(async () => {
  catalogue = await loadCatalogue();
  corpus = await corpusFor(7, 4);
  const denyBlind = await createModuleEvaluator(join(root, 'testing', 'mutants', 'deny-blind.ts'));
  // Every divergence of deny-blind (explicitDeny answered as allowed) recorded as one family.
  const recorded = new ExpectationSet([
    { id: 'deny-blind-family', description: 'ignores Deny', match: {}, expected: 'explicitDeny', actual: 'allowed', citation: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html', feature: 'action-wildcard', status: 'evaluator-bug' },
  ]);
  columns = await compareRun({
    corpus,
    entrants: [
      { evaluator: createOracleEvaluator(), role: 'oracle', expectations: NO_EXPECTATIONS() },
      { evaluator: createBaselineEvaluator('allowed'), role: 'baseline', expectations: NO_EXPECTATIONS() },
      { evaluator: createBaselineEvaluator('implicitDeny'), role: 'baseline', expectations: NO_EXPECTATIONS() },
      { evaluator: denyBlind, role: 'tested', expectations: NO_EXPECTATIONS() },
      { evaluator: { ...denyBlind, name: 'deny-blind-recorded' }, role: 'tested', expectations: recorded },
      { evaluator: { ...createOracleEvaluator(), name: 'no-ip', unsupportedFeatures: ['condition-ip'] }, role: 'tested', expectations: NO_EXPECTATIONS() },
    ],
  });
  await denyBlind.close();
});

const column = (name: string): ComparedEvaluator => columns.find((c) => c.name === name) as ComparedEvaluator;

describe('compareRun', () => {
  it('asks every evaluator exactly the same cases', () => {
    const asked = corpus.items.reduce((n, item) => n + item.cases.length, 0);
    // (An evaluator that declares a feature unsupported is not asked those cases: see below.)
    expect(new Set(columns.filter((c) => c.unsupportedFeatures.length === 0).map((c) => c.cases))).toEqual(new Set([asked]));
    for (const c of columns) expect(c.outcomes).toHaveLength(corpus.items.length);
  });

  it('scores the oracle 100% on the required cases, headline and every row', () => {
    const o = column('oracle');
    expect(scoreOf(corpus.items, o.outcomes, oracleJudged).share).toBe(1);
    for (const row of new Set(corpus.items.map(itemRow))) {
      expect(scoreOf(corpus.items, o.outcomes, (item) => itemRow(item) === row).share, row).toBe(1);
    }
  });

  it('scores each baseline exactly the share of required right answers that are its decision', () => {
    for (const decision of ['allowed', 'implicitDeny'] as const) {
      const judged = corpus.items.filter((item) => oracleJudged(item) && item.required);
      const expected = judged.filter((item) => constantIsRight(item, decision)).length;
      const s = scoreOf(corpus.items, column(`baseline-${decision}`).outcomes, oracleJudged);
      expect(s.required).toBe(judged.length);
      expect(s.agreed).toBe(expected);
      expect(s.diverged).toBe(judged.length - expected);
      // Never rejecting anything, a baseline fails every validation input ...
      expect(scoreOf(corpus.items, column(`baseline-${decision}`).outcomes, (item) => itemRow(item) === 'validation').share).toBe(0);
      // ... and a constant answer keeps every metamorphic relation.
      const meta = corpus.items.filter((item) => item.source === 'properties' && item.kind === 'metamorphic');
      expect(meta.length).toBeGreaterThan(0);
      expect(scoreOf(corpus.items, column(`baseline-${decision}`).outcomes, (item) => meta.includes(item)).share).toBe(1);
    }
  });

  it('counts a recorded divergence apart, never as agreed', () => {
    const plain = scoreOf(corpus.items, column('deny-blind').outcomes, oracleJudged);
    const recorded = scoreOf(corpus.items, column('deny-blind-recorded').outcomes, oracleJudged);
    expect(plain.diverged).toBeGreaterThan(0);
    expect(recorded.agreed).toBe(plain.agreed);
    expect(recorded.expectedDivergence).toBe(plain.diverged);
    expect(recorded.diverged).toBe(0);
    expect(recorded.share).toBe(plain.share);
    const note = column('deny-blind-recorded').outcomes.find((o) => o.kind === 'expectedDivergence')?.note;
    expect(note).toBe('deny-blind-family');
  });

  it('skips what an evaluator declares unsupported, counted apart and never agreed, on the same corpus', () => {
    const noIp = column('no-ip');
    const ip = corpus.items.map((item, i) => [item, i] as const).filter(([item]) => item.cases.some((c) => JSON.stringify(c).includes('IpAddress')));
    expect(ip.length).toBeGreaterThan(0);
    for (const [, i] of ip) expect(noIp.outcomes[i]?.kind).toBe('skipped');
    const s = scoreOf(corpus.items, noIp.outcomes, oracleJudged);
    expect(s.skipped).toBeGreaterThan(0);
    expect(s.agreed + s.skipped).toBe(s.required);
    expect(noIp.outcomes.find((o) => o.kind === 'skipped')?.note).toMatch(/no-ip does not support condition-ip/);
  });
});

describe('buildCorpus', () => {
  it('is the same for the same seed and differs for another', async () => {
    expect((await corpusFor(7, 4)).id).toBe(corpus.id);
    expect((await corpusFor(8, 4)).id).not.toBe(corpus.id);
  });

  it('holds the inputs `run --path i` replays: item i is fast-check input i of the seed', async () => {
    const items = corpus.items.filter((item) => item.id.startsWith('differential:operators#'));
    expect(items.length).toBe(4 * 16);
    const target = items[5] as CorpusItem & { source: 'properties' };
    const plan = defaultPlan(PROPERTIES).find((p) => p.property.name === 'differential' && p.settings.profile === 'operators');
    let replayed: unknown;
    await fc.check(
      fc.asyncProperty(plan?.property.arbitrary(plan.settings, catalogue) as fc.Arbitrary<unknown>, (input) => {
        replayed = input;
        return Promise.resolve(false);
      }),
      { seed: 7, path: String(target.index), endOnFailure: true },
    );
    expect(replayed).toEqual(target.input);
  });
});
