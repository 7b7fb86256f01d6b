/**
 * Cases with SCPs, a resource policy, a caller or a resource owner go through SimulateCustomPolicy with
 * OrderedOrganizationPolicyInputList / ResourcePolicy / CallerArn / ResourceOwner, whatever API is
 * configured; the local server (answering with the oracle) reads them back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Case } from '../../oracle/types.js';
import type { RunningIamServer } from '../../testing/iam-server/iam-query-server.js';
import { oracleDecider } from '../../testing/iam-server/oracle-decider.js';
import { localEvaluator, policy, startServer } from '../../testing/iam-server/fixture.js';
import { planAwsCalls } from './plan.js';
import { NO_GRANT_POLICY, planBatches, toSimulateMembers } from './request-map.js';

let server: RunningIamServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const USER = 'arn:aws:iam::123456789012:user/iam-conformance';
const GROUP = 'arn:aws:sagemaker:us-east-1:123456789012:model-package-group/shared';
const OTHER_GROUP = 'arn:aws:sagemaker:us-east-1:210987654321:model-package-group/shared';
const DESCRIBE = 'sagemaker:DescribeModelPackageGroup';
const allowAll = policy({ Effect: 'Allow', Action: '*', Resource: '*' });
const grantToUser = (resource: string) => policy({ Effect: 'Allow', Principal: { AWS: USER }, Action: DESCRIBE, Resource: resource });

const cases: Case[] = [
  // Same account: the resource policy grants with no identity policy.
  { policies: [], resourcePolicy: grantToUser(GROUP), request: { action: DESCRIBE, resource: GROUP, context: [] } },
  // An SCP level without the action blocks an identity grant.
  {
    policies: [allowAll],
    serviceControlPolicies: [[allowAll], [policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' })]],
    request: { action: DESCRIBE, resource: GROUP, context: [] },
  },
  // Cross-account: both sides allow.
  { policies: [allowAll], resourcePolicy: grantToUser(OTHER_GROUP), request: { action: DESCRIBE, resource: OTHER_GROUP, context: [], resourceOwner: '210987654321' } },
];

describe('aws evaluator: the rest of the evaluation chain', () => {
  it('maps every chain field onto SimulateCustomPolicy members', () => {
    const { batches } = planBatches(cases, { api: 'SimulatePrincipalPolicy', principalArn: 'arn:aws:iam::123456789012:role/x', actionsPerCall: 10 });
    expect(batches).toHaveLength(3);
    const [rp, scp, cross] = batches.map((b) => toSimulateMembers(b));
    expect(rp).toMatchObject({ PolicyInputList: [JSON.stringify(NO_GRANT_POLICY)], ResourcePolicy: JSON.stringify(cases[0]?.resourcePolicy), CallerArn: USER });
    expect(scp?.OrderedOrganizationPolicyInputList).toEqual([
      { ServiceControlPolicyInputList: [JSON.stringify(allowAll)] },
      { ServiceControlPolicyInputList: [JSON.stringify(policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' }))] },
    ]);
    expect(scp?.CallerArn).toBeUndefined();
    expect(cross).toMatchObject({ ResourceOwner: 'arn:aws:iam::210987654321:root', CallerArn: USER });
    const plan = planAwsCalls(cases, { api: 'SimulatePrincipalPolicy', principalArn: 'arn:aws:iam::123456789012:role/x', actionsPerCall: 10 });
    expect(plan.chainCalls).toBe(3);
  });

  it('sends them through SimulateCustomPolicy even when SimulatePrincipalPolicy is configured, and reads the answers', async () => {
    server = await startServer({ decide: await oracleDecider() });
    const ev = await localEvaluator(server);
    const results = await ev.evaluate(cases);
    expect(results.map((r) => (r.kind === 'verdict' && 'decision' in r.verdict ? r.verdict.decision : r.kind))).toEqual(['allowed', 'implicitDeny', 'allowed']);
    const chainCalls = server.requests.filter((r) => r.input.operation === 'SimulateCustomPolicy');
    expect(chainCalls).toHaveLength(3);
    expect(chainCalls[1]?.input.orderedOrganizationPolicyInputList).toHaveLength(2);
    expect(chainCalls[2]?.input.resourceOwner).toBe('arn:aws:iam::210987654321:root');
    await ev.close();
  });

  it('skips a caller that is not an IAM user: the simulator takes no other caller with a resource policy', () => {
    const role: Case = { ...cases[0]!, request: { ...cases[0]!.request, caller: 'arn:aws:iam::123456789012:role/r' } };
    const plan = planBatches([role], { api: 'SimulateCustomPolicy', actionsPerCall: 10 });
    expect([...plan.unsendable.values()][0]).toMatch(/IAM user/);
  });
});
