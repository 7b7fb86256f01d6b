import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../generators/catalogue.js';
import { evaluate as oracle } from '../oracle/index.js';
import type { Case } from '../oracle/types.js';
import { defaultPlan } from '../specs/properties/defaults.js';
import { PROPERTIES } from '../specs/properties/index.js';
import type { Evaluator } from './evaluator.js';
import { ExpectationSet } from './expectations.js';
import { evaluate as nullInverted } from '../testing/mutants/null-inverted.js';
import { evaluate as numericParseFloat } from '../testing/mutants/numeric-parse-float.js';
import { answerOf } from './compare.js';
import { caseFeatures } from './features.js';
import { clusterDivergences, triage, type Divergence } from './triage.js';
import { causeExpectations } from './triage-entries.js';

/** The oracle, except that it answers allowed wherever a Null condition is written. */
const nullBlind: Evaluator = {
  spec: 'module:./null-blind.js',
  name: 'null-blind',
  unsupportedFeatures: [],
  async evaluate(cases: readonly Case[]) {
    return cases.map((c) => ({ kind: 'verdict', verdict: JSON.stringify(c.policies).includes('"Null"') ? { decision: 'allowed' } : oracle(c) }) as const);
  },
  async close() {},
};

describe('triage', async () => {
  const catalogue = await loadCatalogue();
  const plan = defaultPlan(PROPERTIES).filter((r) => r.property.name === 'differential' && r.settings.profile === 'default');

  it('collects, minimises and clusters every divergence, one example per cause', async () => {
    const result = await triage({ evaluator: nullBlind, plan, seed: 1, runs: 150, catalogue });
    expect(result.divergences).toBeGreaterThan(0);
    expect(result.causes.reduce((n, c) => n + c.count, 0)).toBe(result.divergences);
    for (const c of result.causes) {
      expect(JSON.stringify(c.example.policies)).toContain('"Null"');
      // Minimised: at most the policy holding the Null and one more that changes the oracle's answer.
      expect(c.example.policies.length).toBeLessThanOrEqual(2);
      expect(c.operators).toContain('Null');
      expect(c.doc).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    }
  });

  it('writes one entry per cause that masks it, and names the recorded entry that already does', async () => {
    const result = await triage({ evaluator: nullBlind, plan, seed: 1, runs: 150, catalogue });
    const entries = causeExpectations(result, 'null-blind');
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.length).toBeLessThanOrEqual(result.causes.length);
    const set = new ExpectationSet(entries);
    for (const c of result.causes) {
      const want = oracle(c.example);
      expect(set.find(c.example, [...c.features], want, { decision: 'allowed' }), c.signature).toBeDefined();
    }
    const again = await triage({ evaluator: nullBlind, plan, seed: 1, runs: 150, catalogue, expectations: new ExpectationSet(entries) });
    expect(again.causes.every((c) => c.coveredBy !== undefined)).toBe(true);
    expect(causeExpectations(again, 'null-blind')).toEqual([]);
  });
});

describe('clusterDivergences', () => {
  /** Two bugs: numeric request values read with parseFloat, and Null inverted. */
  const twoBugs: Evaluator = {
    spec: 'module:./two-bugs.js',
    name: 'two-bugs',
    unsupportedFeatures: [],
    async evaluate(cases: readonly Case[]) {
      return cases.map((c) => ({ kind: 'verdict', verdict: JSON.stringify(c.policies).includes('"Null') ? nullInverted(c) : numericParseFloat(c) }) as const);
    },
    async close() {},
  };
  const doc = (statements: readonly object[]) => ({ Version: '2012-10-17', Statement: statements });
  const allowAll = { Effect: 'Allow', Action: '*', Resource: '*' };
  const request = (key: string, type: string, value: string) => ({ action: 's3:GetObject', resource: '*', context: [{ key, type, values: [value] }] }) as Case['request'];
  // One cause (a numeric request value with a trailing space read as the number), seen through an Allow
  // with NumericLessThanIfExists and through a Deny with ForAnyValue:NumericGreaterThan: two answer pairs.
  const spacedAllow: Case = {
    policies: [doc([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { NumericLessThanIfExists: { 's3:max-keys': '10' } } }])],
    request: request('s3:max-keys', 'numeric', '5 '),
  };
  const spacedDeny: Case = {
    policies: [doc([allowAll, { Effect: 'Deny', Action: '*', Resource: '*', Condition: { 'ForAnyValue:NumericGreaterThan': { 's3:max-keys': ['1'] } } }])],
    request: request('s3:max-keys', 'numeric', ' 5'),
  };
  // Another cause: Null read inverted.
  const nullCase: Case = {
    policies: [doc([{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { Null: { 'aws:username': 'false' } } }])],
    request: request('aws:username', 'string', 'alice'),
  };
  const divergence = async (c: Case): Promise<Divergence> => {
    const [r] = await twoBugs.evaluate([c]);
    return { case: c, expected: answerOf(oracle(c)), actual: r?.kind === 'verdict' ? answerOf(r.verdict) : 'errored' };
  };

  it('puts one cause seen through two operator variants and two answer pairs in one cluster, another cause in another', async () => {
    const found = await Promise.all([spacedAllow, spacedDeny, nullCase].map(divergence));
    expect(found.map((d) => `${d.expected}→${d.actual}`)).toEqual(['implicitDeny→allowed', 'allowed→explicitDeny', 'allowed→implicitDeny']);
    const causes = await clusterDivergences(found, { evaluator: twoBugs });
    expect(causes.map((c) => [c.signature, c.count])).toEqual([
      ['decides Numeric|request-spaces', 2],
      ['decides Null', 1],
    ]);
    expect(Object.keys(causes[0]?.pairs ?? {}).sort()).toEqual(['allowed→explicitDeny', 'implicitDeny→allowed']);
    // Minimised: the IfExists and the set qualifier are gone from the example.
    expect(JSON.stringify(causes[0]?.example)).not.toMatch(/IfExists|ForAnyValue/);
  });

  it('writes one entry per cluster, and the entries mask every divergence of their cause', async () => {
    const found = await Promise.all([spacedAllow, spacedDeny, nullCase].map(divergence));
    const causes = await clusterDivergences(found, { evaluator: twoBugs });
    const entries = causeExpectations({ cases: 3, agree: 0, skipped: 0, divergences: 3, causes }, 'two-bugs');
    expect(entries.map((e) => [e.match, e.expected, e.actual])).toEqual([
      [{ forms: ['Numeric|request-spaces'] }, 'any', 'any'],
      [{ operatorFamily: 'Null' }, 'any', 'any'],
    ]);
    const set = new ExpectationSet(entries);
    for (const [i, c] of [spacedAllow, spacedDeny, nullCase].entries()) {
      const [r] = await twoBugs.evaluate([c]);
      const got = r?.kind === 'verdict' ? r.verdict : { error: { code: 'x', message: '' } };
      expect(set.find(c, caseFeatures(c), oracle(c), got)?.id, `case ${i}`).toBe(i < 2 ? entries[0]?.id : entries[1]?.id);
    }
  });
});

describe('clusterDivergences of refusals', () => {
  /** Refuses every operator but StringEquals, naming it, as the example Python evaluator does. */
  const stringsOnly: Evaluator = {
    spec: 'module:./strings-only.js',
    name: 'strings-only',
    unsupportedFeatures: [],
    async evaluate(cases: readonly Case[]) {
      return cases.map((c) => {
        const op = /"Condition":\{"((?!StringEquals")[A-Za-z:]+)"/.exec(JSON.stringify(c.policies))?.[1];
        return { kind: 'verdict', verdict: op ? { error: { code: 'UnsupportedOperator', message: `condition operator ${op}` } } : oracle(c) } as const;
      });
    },
    async close() {},
  };
  const withCondition = (condition: object): Case => ({
    policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: condition }] }],
    request: { action: 's3:GetObject', resource: '*', context: [{ key: 'aws:SecureTransport', type: 'boolean', values: ['true'] }] },
  });

  it('puts refusals for one reason in one cluster whatever the operator they name, and its entry masks them', async () => {
    const cases = [withCondition({ Bool: { 'aws:SecureTransport': 'true' } }), withCondition({ Null: { 'aws:username': 'true' } })];
    const found: Divergence[] = cases.map((c) => ({ case: c, expected: answerOf(oracle(c)), actual: 'error' }));
    const causes = await clusterDivergences(found, { evaluator: stringsOnly });
    expect(causes.map((c) => [c.signature, c.count])).toEqual([['rejects error:^UnsupportedOperator: condition operator [A-Za-z:]+', 2]]);
    const entries = causeExpectations({ cases: 2, agree: 0, skipped: 0, divergences: 2, causes }, 'strings-only');
    expect(entries.map((e) => [e.id, e.match, e.expected, e.actual])).toEqual([
      ['cause-rejects-unsupported-operator', { error: '^UnsupportedOperator: condition operator [A-Za-z:]+' }, 'any', 'error'],
    ]);
    const set = new ExpectationSet(entries);
    for (const c of cases) {
      const [r] = await stringsOnly.evaluate([c]);
      expect(r?.kind === 'verdict' && set.find(c, caseFeatures(c), oracle(c), r.verdict)?.id).toBe('cause-rejects-unsupported-operator');
    }
    // Another reason is not masked by it.
    expect(set.find(cases[0]!, [], oracle(cases[0]!), { error: { code: 'MalformedPolicyDocument', message: 'Statement: bad' } })).toBeUndefined();
  });
});
