import { describe, expect, it } from 'vitest';
import type { Evaluator, EvaluatorResult } from './evaluator.js';
import type { Case, Verdict } from '../oracle/types.js';
import { ExpectationSet, type Expectation } from './expectations.js';
import { maskKnownDivergences, maskModeFor } from './known-divergences.js';

const caseFor = (action: string): Case => ({
  policies: [{ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: action, Resource: '*' } }],
  request: { action, resource: '*', context: [] },
});
// The oracle (stubbed) allows every case; the evaluator under test denies every case.
const oracle = (): Verdict => ({ decision: 'allowed' });
const denyAll: Evaluator = {
  spec: 'fake',
  name: 'fake',
  unsupportedFeatures: [],
  evaluate: async (cases) => cases.map((): EvaluatorResult => ({ kind: 'verdict', verdict: { decision: 'implicitDeny' } })),
  close: async () => {},
};
// Recorded: only the divergence on sagemaker:ListModels (a family matching one case of a pair).
const known: Expectation = {
  id: 'list-models',
  description: 'denies ListModels',
  match: { pattern: '"action":"sagemaker:ListModels"' },
  expected: 'allowed',
  actual: 'implicitDeny',
  citation: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html',
  feature: 'action-wildcard',
  status: 'evaluator-bug',
};
const decisions = (rs: readonly EvaluatorResult[]) => rs.map((r) => (r.kind === 'verdict' && 'decision' in r.verdict ? r.verdict.decision : r.kind));
const pair = [caseFor('sagemaker:ListModels'), caseFor('sagemaker:CreateModel')];

describe('maskKnownDivergences', () => {
  it('masks case by case for the properties that compare with the oracle', async () => {
    expect(maskModeFor('differential')).toBe('case');
    expect(maskModeFor('validation')).toBe('case');
    const ev = maskKnownDivergences(denyAll, new ExpectationSet([known]), oracle, undefined, 'case');
    // Only the recorded divergence takes the oracle's answer; the new one still shows.
    expect(decisions(await ev.evaluate(pair))).toEqual(['allowed', 'implicitDeny']);
    expect(ev.masked()).toBe(1);
  });

  it('never mixes oracle and evaluator answers within a metamorphic pair', async () => {
    expect(maskModeFor('metamorphic')).toBe('batch');
    const ev = maskKnownDivergences(denyAll, new ExpectationSet([known]), oracle, undefined, 'batch');
    // Masking one case only would give [allowed, implicitDeny]: a false "not the same decision" failure.
    // A pair touching a recorded divergence is answered wholly by the oracle, so the relation holds.
    expect(decisions(await ev.evaluate(pair))).toEqual(['allowed', 'allowed']);
    expect(ev.masked()).toBe(1);
    // A pair with no recorded divergence keeps the evaluator's own answers: it is compared with itself.
    const unknown = [caseFor('sagemaker:CreateModel'), caseFor('sagemaker:DeleteModel')];
    expect(decisions(await ev.evaluate(unknown))).toEqual(['implicitDeny', 'implicitDeny']);
    expect(ev.masked()).toBe(1);
  });

  it('keeps an errored answer in a masked pair (a crash is never a recorded divergence)', async () => {
    const flaky: Evaluator = {
      ...denyAll,
      evaluate: async (cases) =>
        cases.map((c): EvaluatorResult => (c.request.action.endsWith('CreateModel') ? { kind: 'errored', message: 'boom' } : { kind: 'verdict', verdict: { decision: 'implicitDeny' } })),
    };
    const ev = maskKnownDivergences(flaky, new ExpectationSet([known]), oracle, undefined, 'batch');
    expect(decisions(await ev.evaluate(pair))).toEqual(['allowed', 'errored']);
  });

  it('answers a recorded crash (actual: errored) from the oracle, and only that crash', async () => {
    const crash: Expectation = { ...known, id: 'crash', match: { pattern: '"action":"sagemaker:CreateModel"' }, actual: 'errored' };
    const crashes: Evaluator = {
      ...denyAll,
      evaluate: async (cases) => cases.map((): EvaluatorResult => ({ kind: 'errored', message: 'boom' })),
    };
    const set = new ExpectationSet([crash]);
    const ev = maskKnownDivergences(crashes, set, oracle, undefined, 'case');
    expect(decisions(await ev.evaluate(pair))).toEqual(['errored', 'allowed']);
    expect(set.hits.get('crash')).toBe(1);
    // A crash entry never excuses a wrong decision.
    const wrong = maskKnownDivergences(denyAll, set, oracle, undefined, 'case');
    expect(decisions(await wrong.evaluate(pair))).toEqual(['implicitDeny', 'implicitDeny']);
  });
});
