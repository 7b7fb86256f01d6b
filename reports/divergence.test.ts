import { describe, expect, it } from 'vitest';
import type { Evaluator } from '../harness/evaluator.js';
import { createOracleEvaluator } from '../evaluators/oracle.js';
import { evaluate } from '../oracle/index.js';
import type { Case } from '../oracle/types.js';
import { runVectorFiles } from '../harness/run-vectors.js';
import { groupCases, parseVectorFile } from '../harness/vector-file.js';
import { divergenceFileNames, EVALUATION_LOGIC_URL, failureToVector, failureToVectorFile, slug } from './divergence.js';
import { denyCase, erroredFailure, propertyFailure, vectorFailure } from '../testing/report-fixtures.js';

const asFile = (group: unknown): string => JSON.stringify([group], null, 2);

describe('failureToVector', () => {
  it('turns a vector divergence into a valid vector group expecting the oracle decision', () => {
    const group = failureToVector(vectorFailure(), { foundAt: '2026-11-28T01:00:00.000Z', evaluator: 'module:./broken.js', seed: 7 });
    const file = parseVectorFile(asFile(group), 'divergence.json');
    const g = file.groups[0]!;
    expect(g.source).toBe('https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html');
    expect(g.features).toEqual(['condition-string', 'explicit-deny']);
    expect(g.foundAt).toBe('2026-11-28T01:00:00.000Z');
    expect(g.evaluator).toBe('module:./broken.js');
    expect(g.seed).toBe(7);
    expect(g.note).toContain(`Replay: ${vectorFailure().replay}`);
    const [only] = groupCases(g);
    expect(only?.expected).toBe('explicitDeny');
    expect(only?.case).toEqual({ policies: denyCase.policies, request: denyCase.request });
  });

  it('keeps a property failure’s seed, path, property and profile, pointing at the evaluation-logic page', () => {
    const g = parseVectorFile(asFile(failureToVector(propertyFailure(), { seed: 1 })), 'p.json').groups[0]!;
    expect(g).toMatchObject({ seed: 42, path: '3:1:0', property: 'differential', profile: 'default', source: EVALUATION_LOGIC_URL });
    expect(g.cases[0]?.expected).toBe('implicitDeny');
  });

  it('expects "error" where the oracle rejects the policy, and marks unconfirmed vectors', () => {
    expect(failureToVector(erroredFailure()).cases[0]?.expected).toBe('error');
    const g = failureToVector(vectorFailure({ required: false }));
    expect(g.unconfirmed).toBe(true);
    expect(() => parseVectorFile(asFile(g), 'u.json')).not.toThrow();
  });

  it('keeps SCPs, the resource policy, the caller and the owner, so the vector replays the same case', () => {
    const allowAll = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
    const rp = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] };
    const c: Case = {
      ...denyCase,
      serviceControlPolicies: [[allowAll]],
      resourcePolicy: rp,
      request: { ...denyCase.request, caller: 'arn:aws:iam::123456789012:user/other', resourceOwner: '210987654321' },
    };
    const g = parseVectorFile(asFile(failureToVector(vectorFailure({ case: c }))), 'c.json').groups[0]!;
    const { permissionsBoundaries: _empty, ...replayed } = c; // an empty boundary list is no boundary
    expect(groupCases(g)[0]?.case).toEqual(replayed);
  });

  it('titles the group by the behaviour the case shows, not by how the evaluator failed it', () => {
    expect(failureToVector(vectorFailure()).description).toBe('StringEquals deny: red team is denied');
    const generated = propertyFailure({
      cause: { signature: 's', title: 'expected implicitDeny, got allowed: no Allow applies, decided by Action (wildcard)', features: ['action-wildcard'] },
    });
    const g = failureToVector(generated);
    expect(g.description).toBe('implicitDeny where no Allow applies, decided by Action (wildcard)');
    expect(g.cases[0]?.description).toBe('implicitDeny is expected');
    expect(g.note).toContain('answered allowed');
  });

  it('keeps boundaries and falls back to the id for an empty title', () => {
    const boundary = { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*' } };
    const g = failureToVector(vectorFailure({ origin: { kind: 'regression', file: 'x.json', group: '', case: '' }, title: '', case: { ...denyCase, permissionsBoundaries: [boundary] } }));
    expect(g.description).toBe(vectorFailure().id);
    expect(parseVectorFile(asFile(g), 'b.json').groups[0]?.permissionsBoundaries).toEqual([boundary]);
  });
});

describe('divergence file names', () => {
  it('are stable, safe and distinct, even for duplicate ids', () => {
    const a = vectorFailure({ id: '../../etc/passwd: <CON> "x"' });
    const b = vectorFailure({ id: '../../etc/passwd: <CON> "x"' });
    const c = propertyFailure();
    const names = divergenceFileNames([a, b, c]);
    const again = divergenceFileNames([vectorFailure({ id: a.id }), c]);
    expect([...names.values()]).toHaveLength(3);
    expect(new Set(names.values()).size).toBe(3);
    for (const n of names.values()) expect(n).toMatch(/^[a-z0-9-]+\.json$/);
    expect(names.get(a)).toBe([...again.values()][0]);
    expect(names.get(b)).toBe(names.get(a)!.replace(/\.json$/, '-2.json'));
  });

  it('slugs to lowercase ASCII with a fallback', () => {
    expect(slug('Vectors/Conditions: String.json#0')).toBe('vectors-conditions-string-json-0');
    expect(slug('日本')).toBe('failure');
    expect(slug('x'.repeat(100))).toHaveLength(60);
  });
});

describe('failureToVectorFile', () => {
  // Only the first statement of each policy counts: right when the Deny comes first, wrong otherwise.
  const firstStatementOnly: Evaluator = {
    spec: 'test:first-statement',
    name: 'first-statement',
    unsupportedFeatures: [],
    async evaluate(cases) {
      return cases.map((c) => ({
        kind: 'verdict' as const,
        verdict: evaluate({
          ...c,
          policies: c.policies.map((p) => ({ ...(p as object), Statement: [(p as { Statement: unknown }).Statement].flat().slice(0, 1) })),
        }),
      }));
    },
    async close() {},
  };
  const policy = denyCase.policies[0] as { Statement: unknown[] };
  const reversed: Case = { ...denyCase, policies: [{ ...policy, Statement: [...policy.Statement].reverse() }] };
  const metamorphic = propertyFailure({
    title: 'statement order does not matter',
    case: reversed,
    features: ['condition-string', 'explicit-deny'],
    expected: { decision: 'explicitDeny' },
    actual: { kind: 'verdict', verdict: { decision: 'explicitDeny' } },
    related: { description: 'statements reversed', case: denyCase, actual: { kind: 'verdict', verdict: { decision: 'allowed' } }, expected: evaluate(denyCase) },
  });

  it('adds the transformed case of a metamorphic failure, so the file fails until the bug is fixed', async () => {
    const groups = failureToVectorFile(metamorphic);
    expect(groups).toHaveLength(2);
    expect(groups[1]?.cases[0]?.expected).toBe('explicitDeny');
    const file = parseVectorFile(JSON.stringify(groups), 'metamorphic.json');
    const replay = (evaluator: Evaluator) => runVectorFiles([file], { suite: 'regressions', evaluator, replay: () => 'x' });
    const broken = await replay(firstStatementOnly);
    expect([broken.passed, broken.failed]).toEqual([1, 1]);
    const fixed = await replay(createOracleEvaluator());
    expect([fixed.passed, fixed.failed]).toEqual([2, 0]);
  });

  it('writes one group when there is no transformed case', () => {
    expect(failureToVectorFile(vectorFailure())).toHaveLength(1);
  });
});
