import { afterEach, describe, expect, it } from 'vitest';
import type { EvaluatorResult } from '../../harness/evaluator.js';
import type { RunningIamServer } from '../../testing/iam-server/iam-query-server.js';
import { askedActions, caseOf, localEvaluator, policy, startServer } from '../../testing/iam-server/fixture.js';

const verdictOf = (r: EvaluatorResult | undefined) => (r?.kind === 'verdict' ? r.verdict : undefined);
const decisionOf = (r: EvaluatorResult | undefined) => {
  const v = verdictOf(r);
  if (v && 'decision' in v) return v.decision;
  if (r?.kind === 'verdict') return 'error';
  return r?.kind === 'skipped' ? `skipped:${r.reason}` : `errored:${r?.kind === 'errored' ? r.message : ''}`;
};

const FAMILY = policy(
  { Sid: 'ReadAll', Effect: 'Allow', Action: ['sagemaker:Describe*', 'sagemaker:List*'], Resource: '*' },
  { Sid: 'NoDeleteModel', Effect: 'Deny', Action: 'sagemaker:DescribeModel', Resource: '*' },
);
const ACTIONS = [
  ...Array.from({ length: 12 }, (_, i) => `sagemaker:DescribeThing${i}`),
  ...Array.from({ length: 8 }, (_, i) => `sagemaker:ListThings${i}`),
  'sagemaker:DescribeModel',
  'sagemaker:CreateEndpoint',
  'sagemaker:DeleteEndpoint',
];
const expectedDecision = (a: string) =>
  a === 'sagemaker:DescribeModel' ? 'explicitDeny' : /Describe|List/.test(a) ? 'allowed' : 'implicitDeny';

let server: RunningIamServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('aws evaluator: batching and both result shapes', () => {
  for (const shape of ['old', 'new'] as const) {
    it(`answers a case family of ${ACTIONS.length} actions in one call (${shape} shape)`, async () => {
      server = await startServer({ shape });
      const ev = await localEvaluator(server);
      // Duplicates of an action are asked once and answered for every case.
      const cases = [...ACTIONS, 'sagemaker:DescribeThing0'].map((a) => caseOf([FAMILY], a));
      const results = await ev.evaluate(cases);
      expect(results.map(decisionOf)).toEqual([...ACTIONS, 'sagemaker:DescribeThing0'].map(expectedDecision));
      expect(askedActions(server)).toEqual([ACTIONS]);
      const stats = ev.stats();
      expect(stats.batches).toBe(1);
      expect(stats.decisions / stats.batches).toBeGreaterThanOrEqual(20);
      await ev.close();
    });

    it(`reads the decision for a specific resource ARN (${shape} shape)`, async () => {
      server = await startServer({ shape });
      const ev = await localEvaluator(server);
      const arn = 'arn:aws:sagemaker:us-east-1:123456789012:endpoint/prod';
      const p = policy({ Effect: 'Allow', Action: 'sagemaker:*', Resource: 'arn:aws:sagemaker:*:*:endpoint/prod' });
      const results = await ev.evaluate([
        caseOf([p], 'sagemaker:InvokeEndpoint', arn),
        caseOf([p], 'sagemaker:InvokeEndpoint', 'arn:aws:sagemaker:us-east-1:123456789012:endpoint/dev'),
        caseOf([p], 'sagemaker:DeleteEndpoint', arn),
      ]);
      expect(results.map(decisionOf)).toEqual(['allowed', 'implicitDeny', 'allowed']);
      // One call per resource, each with ResourceArns set to it.
      expect(server.requests.slice(2).map((r) => r.input.resourceArns)).toEqual([[arn], ['arn:aws:sagemaker:us-east-1:123456789012:endpoint/dev']]);
      await ev.close();
    });
  }

  it('maps MatchedStatements to policy and statement indexes, and MissingContextValues to missingContextKeys', async () => {
    server = await startServer();
    const ev = await localEvaluator(server);
    const other = policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });
    const tagged = policy(
      { Sid: 'First', Effect: 'Allow', Action: 'sagemaker:ListModels', Resource: '*' },
      { Sid: 'Tagged', Effect: 'Allow', Action: 'sagemaker:CreateModel', Resource: '*', Condition: { StringEquals: { 'aws:RequestTag/team': 'red' } } },
      { Sid: 'Wall', Effect: 'Deny', Action: 'sagemaker:DeleteModel', Resource: '*', Condition: { StringEquals: { 'sagemaker:VolumeKmsKey': 'k' } } },
    );
    const ctx = [{ key: 'aws:RequestTag/team', type: 'string' as const, values: ['red'] }];
    const [create] = await ev.evaluate([caseOf([other, tagged], 'sagemaker:CreateModel', '*', ctx)]);
    expect(verdictOf(create)).toEqual({
      decision: 'allowed',
      matchedStatements: [{ policySet: 'identity', policyIndex: 1, statementIndex: 1, sid: 'Tagged', effect: 'Allow' }],
      missingContextKeys: ['sagemaker:VolumeKmsKey'],
    });
    expect(server.requests.at(-1)?.params).toMatchObject({
      'ContextEntries.member.1.ContextKeyName': 'aws:RequestTag/team',
      'ContextEntries.member.1.ContextKeyValues.member.1': 'red',
      'ContextEntries.member.1.ContextKeyType': 'string',
      'PolicyInputList.member.1': JSON.stringify(other),
      'PolicyInputList.member.2': JSON.stringify(tagged),
    });
    expect(server.requests.at(-1)?.params['ResourceArns.member.1']).toBeUndefined();
    await ev.close();
  });

  it('sends the boundary as PermissionsBoundaryPolicyInputList and maps its statements', async () => {
    server = await startServer();
    const ev = await localEvaluator(server);
    const identity = policy({ Effect: 'Allow', Action: 'sagemaker:*', Resource: '*' });
    const boundary = policy({ Effect: 'Allow', Action: 'sagemaker:Describe*', Resource: '*' }, { Effect: 'Deny', Action: 'sagemaker:DescribeDomain', Resource: '*' });
    const results = await ev.evaluate([
      caseOf([identity], 'sagemaker:DescribeModel', '*', [], [boundary]),
      caseOf([identity], 'sagemaker:CreateModel', '*', [], [boundary]),
      caseOf([identity], 'sagemaker:DescribeDomain', '*', [], [boundary]),
    ]);
    expect(results.map(decisionOf)).toEqual(['allowed', 'implicitDeny', 'explicitDeny']);
    const deny = verdictOf(results[2]);
    expect(deny && 'decision' in deny ? deny.matchedStatements : undefined).toEqual([
      { policySet: 'permissionsBoundary', policyIndex: 0, statementIndex: 1, effect: 'Deny' },
    ]);
    expect(server.requests.at(-1)?.params['PermissionsBoundaryPolicyInputList.member.1']).toBe(JSON.stringify(boundary));
    await ev.close();
  });

  it('skips a case with two boundaries, with the reason, without calling AWS for it', async () => {
    server = await startServer();
    const ev = await localEvaluator(server);
    const p = policy({ Effect: 'Allow', Action: '*', Resource: '*' });
    const [r] = await ev.evaluate([caseOf([p], 'sagemaker:ListModels', '*', [], [p, p])]);
    expect(r).toEqual({ kind: 'skipped', reason: expect.stringMatching(/^AWS accepts one permissions boundary/) });
    expect(server.requests).toHaveLength(0);
    await ev.close();
  });

  it('follows IsTruncated/Marker pages to the end', async () => {
    server = await startServer({ pageSize: 7 });
    const ev = await localEvaluator(server);
    const results = await ev.evaluate(ACTIONS.map((a) => caseOf([FAMILY], a)));
    expect(results.map(decisionOf)).toEqual(ACTIONS.map(expectedDecision));
    const calls = server.requests.slice(2);
    expect(calls).toHaveLength(Math.ceil(ACTIONS.length / 7));
    expect(calls[0]?.input.marker).toBeUndefined();
    expect(calls.slice(1).every((c) => c.input.marker !== undefined)).toBe(true);
    expect(ev.stats().pages).toBe(2 + calls.length);
    await ev.close();
  });

  it('splits a family into calls of at most actionsPerCall names', async () => {
    server = await startServer();
    const ev = await localEvaluator(server, { actionsPerCall: 10 });
    await ev.evaluate(ACTIONS.map((a) => caseOf([FAMILY], a)));
    expect(askedActions(server).map((a) => a.length)).toEqual([10, 10, 3]);
    await ev.close();
  });

  it('uses SimulateCustomPolicy without a principal and without the preflight', async () => {
    server = await startServer();
    const ev = await localEvaluator(server, { api: 'SimulateCustomPolicy', principalArn: undefined });
    const results = await ev.evaluate([caseOf([FAMILY], 'sagemaker:DescribeModel'), caseOf([], 'sagemaker:ListModels')]);
    expect(results.map(decisionOf)).toEqual(['explicitDeny', expect.stringMatching(/^skipped:SimulateCustomPolicy requires/)]);
    expect(server.requests.map((r) => r.input.operation)).toEqual(['SimulateCustomPolicy']);
    expect(server.requests[0]?.params.PolicySourceArn).toBeUndefined();
    await ev.close();
  });
});
