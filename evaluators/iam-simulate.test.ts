import { describe, expect, it } from 'vitest';
import type { Case, Request } from '../oracle/types.js';
import { InputError } from '../harness/input-error.js';
import { createIamSimulateEvaluator, evaluateWithIamSimulate, loadIamSimulate } from './iam-simulate.js';

// End-to-end through the real package (a devDependency, present in this checkout).
const evaluator = await createIamSimulateEvaluator();

const endpoint = 'arn:aws:sagemaker:us-east-1:123456789012:endpoint/demo';
const create: Request = { action: 'sagemaker:CreateEndpoint', resource: endpoint, context: [] };
const policy = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const decide = async (c: Case) => (await evaluator.evaluate([c]))[0];

describe('createIamSimulateEvaluator', () => {
  it('names itself and the installed version', () => {
    expect(evaluator.name).toBe('iam-simulate');
    expect(evaluator.spec).toBe('iam-simulate');
    expect(evaluator.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(evaluator.unsupportedFeatures).toEqual([]);
  });

  it('allows what an identity policy allows, with no SCP in the way', async () => {
    const r = await decide({ policies: [policy({ Effect: 'Allow', Action: 'sagemaker:*', Resource: '*' })], request: create });
    expect(r).toMatchObject({ kind: 'verdict', verdict: { decision: 'allowed' } });
  });

  it('denies implicitly with no policies', async () => {
    expect(await decide({ policies: [], request: create })).toMatchObject({ verdict: { decision: 'implicitDeny' } });
  });

  it('lets an explicit deny win', async () => {
    const r = await decide({
      policies: [
        policy({ Effect: 'Allow', Action: '*', Resource: '*' }),
        policy({ Effect: 'Deny', Action: 'sagemaker:Create*', Resource: endpoint }),
      ],
      request: create,
    });
    expect(r).toMatchObject({ verdict: { decision: 'explicitDeny' } });
  });

  it('requires the permissions boundary to allow too', async () => {
    const r = await decide({
      policies: [policy({ Effect: 'Allow', Action: '*', Resource: '*' })],
      permissionsBoundaries: [policy({ Effect: 'Allow', Action: 'sagemaker:Describe*', Resource: '*' })],
      request: create,
    });
    expect(r).toMatchObject({ verdict: { decision: 'implicitDeny' } });
  });

  it('evaluates conditions against typed context entries', async () => {
    const tagged = policy({
      Effect: 'Allow',
      Action: 'sagemaker:CreateEndpoint',
      Resource: '*',
      Condition: { StringEquals: { 'aws:RequestTag/team': 'red' }, 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } },
    });
    const withTags = (team: string): Case => ({
      policies: [tagged],
      request: {
        ...create,
        context: [
          { key: 'aws:RequestTag/team', type: 'string', values: [team] },
          { key: 'aws:TagKeys', type: 'stringList', values: ['team'] },
        ],
      },
    });
    expect(await decide(withTags('red'))).toMatchObject({ verdict: { decision: 'allowed' } });
    expect(await decide(withTags('blue'))).toMatchObject({ verdict: { decision: 'implicitDeny' } });
  });

  it('rejects a malformed policy as MalformedPolicyDocument', async () => {
    const r = await decide({ policies: [policy({ Effect: 'allow', Action: '*', Resource: '*' })], request: create });
    expect(r).toMatchObject({
      kind: 'verdict',
      verdict: { error: { code: 'MalformedPolicyDocument', path: 'policies[0].Statement[0].Effect' } },
    });
  });

  it('still evaluates requests its catalogue front end refuses, as the AWS simulator does', async () => {
    const allowAll = [policy({ Effect: 'Allow', Action: 'sagemaker:*', Resource: '*' })];
    const trainingJob = 'arn:aws:sagemaker:us-east-1:123456789012:training-job/t';
    // runSimulation alone answers no.resource.types / must.use.wildcard / invalid.action for these.
    for (const request of [
      { ...create, resource: trainingJob },
      { ...create, action: 'sagemaker:ListEndpoints' },
      { ...create, action: 'sagemaker:NoSuchAction' },
    ]) {
      expect(await decide({ policies: allowAll, request })).toMatchObject({ verdict: { decision: 'allowed' } });
    }
  });

  it('uses supplied context keys its catalogue says the action does not take', async () => {
    const r = await decide({
      policies: [policy({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'sagemaker:RootAccess': 'Enabled' } } })],
      request: { ...create, context: [{ key: 'sagemaker:RootAccess', type: 'string', values: ['Enabled'] }] },
    });
    expect(r).toMatchObject({ verdict: { decision: 'allowed' } });
  });

  it('answers in the order of the batch', async () => {
    const allow = policy({ Effect: 'Allow', Action: 'sagemaker:Describe*', Resource: '*' });
    const results = await evaluator.evaluate([
      { policies: [allow], request: { ...create, action: 'sagemaker:DescribeEndpoint' } },
      { policies: [allow], request: create },
    ]);
    expect(results.map((r) => r.kind === 'verdict' && 'decision' in r.verdict && r.verdict.decision)).toEqual([
      'allowed',
      'implicitDeny',
    ]);
  });
});

describe('evaluateWithIamSimulate', () => {
  it('reports a throw inside the package as errored, not as a verdict', async () => {
    const r = await evaluateWithIamSimulate(
      {
        runSimulation: async () => {
          throw new Error('boom');
        },
      },
      { policies: [], request: create },
    );
    expect(r).toEqual({ kind: 'errored', message: 'iam-simulate threw: boom' });
  });
});

describe('loadIamSimulate', () => {
  it('tells the user how to install the package when it is missing', async () => {
    const err = await loadIamSimulate('@cloud-copilot/iam-simulate-not-installed').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toContain('npm install --save-dev @cloud-copilot/iam-simulate');
  });
});
