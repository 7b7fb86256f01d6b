import { describe, expect, it } from 'vitest';
import type { Evaluator } from './evaluator.js';
import type { Decision, Feature } from '../oracle/types.js';
import { ExpectationSet } from './expectations.js';
import { runVectorFiles } from './run-vectors.js';
import { parseVectorFile } from './vector-file.js';

const SOURCE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html';
const file = parseVectorFile(
  JSON.stringify([
    {
      description: 'Describe* grants only Describe actions',
      source: SOURCE,
      features: ['action-wildcard'],
      policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sagemaker:Describe*', Resource: '*' }] }],
      cases: [
        { description: 'DescribeEndpoint is allowed', request: { action: 'sagemaker:DescribeEndpoint' }, expected: 'allowed' },
        { description: 'ListEndpoints is not', request: { action: 'sagemaker:ListEndpoints' }, expected: 'implicitDeny' },
      ],
    },
    {
      description: 'an unconfirmed behaviour',
      source: SOURCE,
      features: ['condition-null'],
      unconfirmed: true,
      policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sagemaker:ListModels', Resource: '*' }] }],
      cases: [{ description: 'anything', request: { action: 'sagemaker:ListModels' }, expected: 'implicitDeny' }],
    },
  ]),
  'mem/actions.json',
);

/** Allows every action starting with `sagemaker:Describe` or `sagemaker:List`; records its batches. */
function fakeEvaluator(unsupported: Feature[] = []): Evaluator & { batches: number[] } {
  const batches: number[] = [];
  return {
    spec: 'module:fake',
    name: 'fake',
    unsupportedFeatures: unsupported,
    batches,
    async evaluate(cases) {
      batches.push(cases.length);
      return cases.map((c) => {
        const decision: Decision = /^sagemaker:(Describe|List)/.test(c.request.action) ? 'allowed' : 'implicitDeny';
        return { kind: 'verdict', verdict: { decision } };
      });
    },
    async close() {},
  };
}

const replay = (f: string) => `iam-conformance vectors ${f} --evaluator module:fake`;

describe('runVectorFiles', () => {
  it('tallies agreements and divergences, and keeps unconfirmed cases apart', async () => {
    const ev = fakeEvaluator();
    const tally = await runVectorFiles([file], { suite: 'vectors', evaluator: ev, replay, batchSize: 2 });
    expect(ev.batches).toEqual([2, 1]);
    expect(tally.totals).toEqual({ agree: 1, diverge: 2, expectedDivergence: 0, skipped: 0, errored: 0 });
    expect(tally.unconfirmed.diverge).toBe(1);
    expect([tally.passed, tally.failed]).toEqual([1, 1]);
    expect(tally.failures.map((f) => [f.title, f.required])).toEqual([
      ['mem/actions.json › Describe* grants only Describe actions › ListEndpoints is not', true],
      ['mem/actions.json › an unconfirmed behaviour › anything', false],
    ]);
    expect(tally.failures[0]).toMatchObject({
      suite: 'vectors',
      expected: { decision: 'implicitDeny' },
      actual: { kind: 'verdict', verdict: { decision: 'allowed' } },
      replay: 'iam-conformance vectors mem/actions.json --evaluator module:fake',
      origin: { kind: 'vector', source: SOURCE, unconfirmed: false },
    });
    expect(tally.entries.map((e) => [e.name, e.counts.agree, e.counts.diverge, e.failures.length])).toEqual([
      ['Describe* grants only Describe actions', 1, 1, 1],
      ['an unconfirmed behaviour', 0, 1, 1],
    ]);
    expect(tally.features.toRecord()['action-wildcard']).toMatchObject({ agree: 1, diverge: 1 });
  });

  it('skips cases with unsupported or excluded features, naming the reason, and leaves unselected ones out', async () => {
    const unsupported = await runVectorFiles([file], { suite: 'vectors', evaluator: fakeEvaluator(['action-wildcard']), replay });
    expect(unsupported.totals.skipped).toBe(2);
    const excluded = await runVectorFiles([file], { suite: 'vectors', evaluator: fakeEvaluator(), replay, excludeFeatures: ['condition-null'] });
    expect(excluded.totals.skipped).toBe(1);
    const selected = await runVectorFiles([file], { suite: 'vectors', evaluator: fakeEvaluator(), replay, features: ['condition-null'] });
    expect(selected.totals).toMatchObject({ agree: 0, diverge: 1, skipped: 0 });
  });

  it('counts a recorded divergence as expected, not failed', async () => {
    const expectations = new ExpectationSet([
      {
        id: 'list-is-granted',
        description: 'fake grants List*',
        match: { action: 'sagemaker:List*' },
        expected: 'implicitDeny',
        actual: 'allowed',
        citation: SOURCE,
        feature: 'action-wildcard',
        status: 'evaluator-bug',
      },
    ]);
    const tally = await runVectorFiles([file], { suite: 'vectors', evaluator: fakeEvaluator(), replay, expectations });
    expect(tally.totals).toMatchObject({ agree: 1, expectedDivergence: 2, diverge: 0 });
    expect([tally.passed, tally.failed]).toEqual([2, 0]);
    expect(tally.failures).toEqual([]);
  });

  it('errors the batch of an evaluator that throws, and goes on', async () => {
    const throwing: Evaluator = { ...fakeEvaluator(), evaluate: () => Promise.reject(new Error('socket closed')) };
    const tally = await runVectorFiles([file], { suite: 'vectors', evaluator: throwing, replay });
    expect(tally.totals.errored).toBe(3);
    expect(tally.failures[0]?.actual).toEqual({ kind: 'errored', message: 'evaluate failed for the whole batch: socket closed' });
  });
});
