import { afterEach, describe, expect, it } from 'vitest';
import { resolveEvaluator } from '../index.js';
import type { RunningIamServer } from '../../testing/iam-server/iam-query-server.js';
import { caseOf, fakeEnv, policy, startServer } from '../../testing/iam-server/fixture.js';

let server: RunningIamServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("resolveEvaluator('aws')", () => {
  it('loads the live adapter, configured from the environment it is given', async () => {
    server = await startServer();
    const ev = await resolveEvaluator('aws', { env: fakeEnv(server, { IAM_CONFORMANCE_CALLS_PER_SECOND: '1000' }), aws: { sdkRetryMode: 'standard' } });
    expect([ev.spec, ev.name]).toEqual(['aws', 'aws:SimulatePrincipalPolicy']);
    const [r] = await ev.evaluate([caseOf([policy({ Effect: 'Allow', Action: 'sagemaker:List*', Resource: '*' })], 'sagemaker:ListModels')]);
    expect(r).toMatchObject({ kind: 'verdict', verdict: { decision: 'allowed' } });
    await ev.close();
    await ev.close(); // safe twice
  });
});
