import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAwsEvaluator } from './aws-evaluator.js';
import { describePlan, planAwsCalls } from './plan.js';
import { TEST_PRINCIPAL, type RunningIamServer } from '../../testing/iam-server/iam-query-server.js';
import { FAKE_KEY_ID, FAKE_SECRET, caseOf, fakeEnv, localEvaluator, policy, startServer } from '../../testing/iam-server/fixture.js';

const ALLOW = policy({ Effect: 'Allow', Action: 'sagemaker:*', Resource: '*' });

let server: RunningIamServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('aws evaluator: preflight (empty principal)', () => {
  it('refuses a principal that has policies of its own', async () => {
    server = await startServer({ principals: { [TEST_PRINCIPAL]: [JSON.stringify(policy({ Effect: 'Allow', Action: 'sagemaker:Describe*', Resource: '*' }))] } });
    const ev = await localEvaluator(server);
    await expect(ev.evaluate([caseOf([ALLOW], 'sagemaker:ListModels')])).rejects.toThrow(
      /^live: the principal .* is not empty: with no input policies AWS answered sagemaker:DescribeEndpoint → allowed; use a dedicated role/,
    );
    expect(server.requests).toHaveLength(1);
    await ev.close();
  });

  it('refuses a principal for which Allow * is not allowed (SCP or attached boundary)', async () => {
    server = await startServer({ decide: () => ({ decision: 'implicitDeny' }) });
    const ev = await localEvaluator(server);
    await expect(ev.evaluate([caseOf([ALLOW], 'sagemaker:ListModels')])).rejects.toThrow(/an Allow \* input policy is not allowed/);
    expect(server.requests).toHaveLength(2);
    await ev.close();
  });

  it('runs the preflight once per evaluator, first', async () => {
    server = await startServer();
    const ev = await localEvaluator(server);
    await ev.evaluate([caseOf([ALLOW], 'sagemaker:ListModels')]);
    await ev.evaluate([caseOf([ALLOW], 'sagemaker:CreateModel')]);
    expect(server.requests.map((r) => r.input.policyInputList.length)).toEqual([0, 1, 1, 1]);
    await ev.close();
  });

  it('needs a principal ARN for SimulatePrincipalPolicy', async () => {
    server = await startServer();
    await expect(localEvaluator(server, { env: { ...fakeEnv(server), IAM_CONFORMANCE_PRINCIPAL_ARN: '' } })).rejects.toThrow(
      /IAM_CONFORMANCE_PRINCIPAL_ARN is not set/,
    );
  });
});

describe('aws evaluator: credentials and secrets', () => {
  it('says in one line that credentials are missing', async () => {
    server = await startServer();
    const noCredentials = async () => {
      throw Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
    };
    const ev = await localEvaluator(server, { env: { AWS_ENDPOINT_URL_IAM: server.url, IAM_CONFORMANCE_PRINCIPAL_ARN: TEST_PRINCIPAL }, credentials: noCredentials });
    const err = await ev.evaluate([caseOf([ALLOW], 'sagemaker:ListModels')]).catch((e: Error) => e);
    expect(err).toMatchObject({ name: 'LiveSetupError', message: expect.stringMatching(/^live: no AWS credentials found \(set AWS_PROFILE/) });
    expect(server.requests).toHaveLength(0);
    await ev.close();
  });

  it('never lets credentials reach results, logs or the checkpoint', async () => {
    const token = 'FwoGZXIvYXdzEXAMPLESESSIONTOKEN0123456789';
    // A hostile endpoint echoing the secrets back in its error message.
    server = await startServer({
      faults: (n) =>
        n === 3
          ? { kind: 'error', status: 400, code: 'InvalidInput', message: `bad context; secret=${FAKE_SECRET} key ${FAKE_KEY_ID} token ${token} Signature=${'ab'.repeat(32)}` }
          : n === 4
            ? { kind: 'error', status: 503, code: 'ServiceUnavailable', message: `down; X-Amz-Security-Token: ${token}` }
            : undefined,
    });
    const dir = mkdtempSync(join(tmpdir(), 'iamc-live-'));
    const checkpointPath = join(dir, 'cp.jsonl');
    const lines: string[] = [];
    const ev = await localEvaluator(server, {
      env: fakeEnv(server, { AWS_SESSION_TOKEN: token }),
      checkpointPath,
      log: (l) => lines.push(l),
    });
    const results = await ev.evaluate([caseOf([ALLOW], 'sagemaker:ListModels', 'arn:aws:sagemaker:us-east-1:1:model/a'), caseOf([ALLOW], 'sagemaker:ListModels')]);
    const everything = JSON.stringify(results) + lines.join('\n') + readFileSync(checkpointPath, 'utf8');
    expect(results[0]).toMatchObject({ kind: 'errored', message: expect.stringContaining('[redacted]') });
    expect(lines.join('\n')).toContain('ServiceUnavailable');
    for (const secret of [FAKE_SECRET, FAKE_KEY_ID, token, 'ab'.repeat(32)]) expect(everything).not.toContain(secret);
    // The requests really were signed with them (so the scrubbing is what kept them out).
    expect(String(server.requests[0]?.headers.authorization)).toContain(FAKE_KEY_ID);
    await ev.close();
  });
});

describe('aws evaluator: configuration', () => {
  it('reads settings from .env, with the environment winning, and honours AWS_ENDPOINT_URL', async () => {
    server = await startServer();
    const cwd = mkdtempSync(join(tmpdir(), 'iamc-env-'));
    writeFileSync(
      join(cwd, '.env'),
      [`AWS_ENDPOINT_URL=${server.url}`, `AWS_ACCESS_KEY_ID=${FAKE_KEY_ID}`, `AWS_SECRET_ACCESS_KEY=${FAKE_SECRET}`, 'IAM_CONFORMANCE_API=custom', 'IAM_CONFORMANCE_MAX_CALLS=7'].join('\n'),
    );
    const ev = await createAwsEvaluator({ env: { IAM_CONFORMANCE_MAX_CALLS: '3' }, cwd, sdkRetryMode: 'standard', callsPerSecond: 1000 });
    expect(ev.settings).toMatchObject({ api: 'SimulateCustomPolicy', maxCalls: 3, endpoint: server.url, callsPerSecond: 1000 });
    expect((await ev.evaluate([caseOf([ALLOW], 'sagemaker:ListModels')]))[0]).toMatchObject({ kind: 'verdict', verdict: { decision: 'allowed' } });
    expect(server.requests).toHaveLength(1);
    await ev.close();
  });

  it('rejects bad settings naming the variable', async () => {
    await expect(createAwsEvaluator({ env: { IAM_CONFORMANCE_API: 'both' }, cwd: '/nonexistent' })).rejects.toThrow(/IAM_CONFORMANCE_API must be "principal" or "custom"/);
    await expect(createAwsEvaluator({ env: { IAM_CONFORMANCE_CALLS_PER_SECOND: '0', IAM_CONFORMANCE_API: 'custom' }, cwd: '/nonexistent' })).rejects.toThrow(
      /IAM_CONFORMANCE_CALLS_PER_SECOND must be a positive number/,
    );
    await expect(createAwsEvaluator({ env: { IAM_CONFORMANCE_PRINCIPAL_ARN: 'alice' }, cwd: '/nonexistent' })).rejects.toThrow(/must be an IAM user, role or group ARN/);
  });

  it('plans a dry run without credentials or network', () => {
    const cases = [
      ...Array.from({ length: 30 }, (_, i) => caseOf([ALLOW], `sagemaker:Action${i}`)),
      ...Array.from({ length: 3 }, (_, i) => caseOf([ALLOW], `sagemaker:Action${i}`, 'arn:aws:sagemaker:us-east-1:1:model/x')),
      caseOf([ALLOW], 'sagemaker:X', '*', [], [ALLOW, ALLOW]),
    ];
    const plan = planAwsCalls(cases, { api: 'SimulatePrincipalPolicy', actionsPerCall: 100 });
    expect(plan).toMatchObject({ preflightCalls: 2, actionsPerCall: [30, 3], unsendable: 1, cases: 34 });
    expect(describePlan(plan)).toContain('34 cases → 2 calls (+2 preflight), 33 action names in all');
  });
});
