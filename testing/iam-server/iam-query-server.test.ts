/**
 * The test server must be protocol-accurate: the real IAMClient (awsQuery protocol: form POST, XML
 * reply, `<ErrorResponse>`) is pointed at it and must parse every shape it sends.
 */
import {
  IAMClient,
  InvalidInputException,
  NoSuchEntityException,
  SimulateCustomPolicyCommand,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import { afterEach, describe, expect, it } from 'vitest';
import { startIamQueryServer, TEST_PRINCIPAL, type RunningIamServer } from './iam-query-server.js';
import { simpleDecider } from './simple-decider.js';

let server: RunningIamServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const client = (s: RunningIamServer) =>
  new IAMClient({ endpoint: s.url, region: 'us-east-1', maxAttempts: 1, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'test' } });
const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'A', Effect: 'Allow', Action: 'sagemaker:List*', Resource: '*' }] });
const ARN = 'arn:aws:sagemaker:us-east-1:123456789012:model/m';

describe('local IAM Query-protocol server', () => {
  it('receives the SDK form encoding: lists as member.N, structures in lists by field', async () => {
    server = await startIamQueryServer({ decide: simpleDecider() });
    await client(server).send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: TEST_PRINCIPAL,
        PolicyInputList: [policy],
        ActionNames: ['sagemaker:ListModels', 'sagemaker:CreateModel'],
        ResourceArns: [ARN],
        ContextEntries: [{ ContextKeyName: 'aws:TagKeys', ContextKeyValues: ['a', 'b'], ContextKeyType: 'stringList' }],
      }),
    );
    const [req] = server.requests;
    expect(req?.headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(req?.params).toEqual({
      Action: 'SimulatePrincipalPolicy',
      Version: '2010-05-08',
      PolicySourceArn: TEST_PRINCIPAL,
      'PolicyInputList.member.1': policy,
      'ActionNames.member.1': 'sagemaker:ListModels',
      'ActionNames.member.2': 'sagemaker:CreateModel',
      'ResourceArns.member.1': ARN,
      'ContextEntries.member.1.ContextKeyName': 'aws:TagKeys',
      'ContextEntries.member.1.ContextKeyValues.member.1': 'a',
      'ContextEntries.member.1.ContextKeyValues.member.2': 'b',
      'ContextEntries.member.1.ContextKeyType': 'stringList',
    });
  });

  it('sends the pre-2026 shape the SDK parses: one result per action × resource', async () => {
    server = await startIamQueryServer({ decide: simpleDecider(), shape: 'old' });
    const out = await client(server).send(
      new SimulateCustomPolicyCommand({ PolicyInputList: [policy], ActionNames: ['sagemaker:ListModels'], ResourceArns: [ARN, `${ARN}2`] }),
    );
    expect(out.EvaluationResults?.map((r) => [r.EvalActionName, r.EvalResourceName, r.EvalDecision])).toEqual([
      ['sagemaker:ListModels', ARN, 'allowed'],
      ['sagemaker:ListModels', `${ARN}2`, 'allowed'],
    ]);
    expect(out.EvaluationResults?.[0]?.MatchedStatements?.[0]).toEqual({
      SourcePolicyId: 'PolicyInputList.1',
      SourcePolicyType: 'none',
      StartPosition: { Line: 1, Column: 38 },
      EndPosition: { Line: 1, Column: 107 },
    });
    expect(out.IsTruncated).toBe(false);
  });

  it('sends the 2026-07 shape the SDK parses: one result per action, ResourceSpecificResults, EvalDecisionDetails', async () => {
    server = await startIamQueryServer({ decide: simpleDecider(), shape: 'new' });
    const out = await client(server).send(
      new SimulateCustomPolicyCommand({ PolicyInputList: [policy], ActionNames: ['sagemaker:ListModels', 'sagemaker:CreateModel'], ResourceArns: [ARN] }),
    );
    expect(out.EvaluationResults).toHaveLength(2);
    const [list, create] = out.EvaluationResults ?? [];
    expect(list?.EvalResourceName).toBe('arn:${Partition}:sagemaker:${Region}:${Account}:*');
    expect(list?.EvalDecisionDetails).toEqual({});
    expect(list?.ResourceSpecificResults?.map((r) => [r.EvalResourceName, r.EvalResourceDecision])).toEqual([[ARN, 'allowed']]);
    expect(create?.ResourceSpecificResults?.[0]?.EvalResourceDecision).toBe('implicitDeny');
  });

  it('pages with IsTruncated and Marker', async () => {
    server = await startIamQueryServer({ decide: simpleDecider(), pageSize: 2 });
    const c = client(server);
    const first = await c.send(new SimulateCustomPolicyCommand({ PolicyInputList: [policy], ActionNames: ['s:A', 's:B', 's:C'] }));
    expect([first.IsTruncated, first.EvaluationResults?.length, typeof first.Marker]).toEqual([true, 2, 'string']);
    const second = await c.send(new SimulateCustomPolicyCommand({ PolicyInputList: [policy], ActionNames: ['s:A', 's:B', 's:C'], Marker: first.Marker }));
    expect([second.IsTruncated, second.EvaluationResults?.map((r) => r.EvalActionName)]).toEqual([false, ['s:C']]);
  });

  it('sends IAM error bodies that become the SDK modelled exceptions', async () => {
    server = await startIamQueryServer({ decide: simpleDecider({ rejectWith: 'InvalidInput' }), principals: {} });
    const c = client(server);
    const missing = await c.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: TEST_PRINCIPAL, ActionNames: ['s:A'] })).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NoSuchEntityException);
    expect(missing).toMatchObject({ $metadata: { httpStatusCode: 404, requestId: expect.any(String) }, $fault: 'client' });
    const invalid = await c.send(new SimulateCustomPolicyCommand({ PolicyInputList: ['{'], ActionNames: ['s:A'] })).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(InvalidInputException);
    server.options.faults = () => ({ kind: 'throttle' });
    const throttled = await c.send(new SimulateCustomPolicyCommand({ PolicyInputList: [policy], ActionNames: ['s:A'] })).catch((e: unknown) => e);
    expect(throttled).toMatchObject({ name: 'Throttling', message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } });
  });
});
