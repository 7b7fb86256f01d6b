import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { explainText } from './explain.js';
import type { Case, DecisionVerdict, PolicyDocument } from './types.js';

// The worked examples of the issue-13 research notes (§12), one line each.
const U = 'arn:aws:iam::123456789012:user/iam-conformance';
const A = '123456789012';
const B = '210987654321';
const ACTION = 'sqs:SendMessage';
const queue = (owner: string) => `arn:aws:sqs:us-east-1:${owner}:q`;
const doc = (...Statement: object[]): PolicyDocument => ({ Version: '2012-10-17', Statement });
const ID = doc({ Effect: 'Allow', Action: ACTION, Resource: '*' });
const BND_S3 = doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' });
const SCP_ALL = [doc({ Effect: 'Allow', Action: '*', Resource: '*' })];
const SCP_S3 = [doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' })];
const rp = (owner: string, Effect: string, principal: object) => doc({ Effect, ...principal, Action: ACTION, Resource: queue(owner) });

function run(c: Partial<Case> & { owner?: string }): string {
  const owner = c.owner ?? A;
  const { owner: _o, ...rest } = c;
  const v = evaluate({
    policies: [],
    ...rest,
    request: { action: ACTION, resource: queue(owner), context: [], ...(owner === A ? {} : { resourceOwner: owner }) },
  });
  return 'error' in v ? `error ${v.error.path}` : v.decision;
}

describe('the evaluation chain (worked examples)', () => {
  it.each<[string, Partial<Case> & { owner?: string }, string]>([
    ['1 same account, RP names the user, no identity', { resourcePolicy: rp(A, 'Allow', { Principal: { AWS: U } }) }, 'allowed'],
    ['2 same account, RP names the account only, no identity', { resourcePolicy: rp(A, 'Allow', { Principal: { AWS: A } }) }, 'implicitDeny'],
    ['3 same account, RP names the account root, identity allows', { policies: [ID], resourcePolicy: rp(A, 'Allow', { Principal: { AWS: `arn:aws:iam::${A}:root` } }) }, 'allowed'],
    ['4 same account, RP "*", no identity', { resourcePolicy: rp(A, 'Allow', { Principal: '*' }) }, 'allowed'],
    ['5 boundary silent, RP names the user', { permissionsBoundaries: [BND_S3], resourcePolicy: rp(A, 'Allow', { Principal: { AWS: U } }) }, 'allowed'],
    ['6 boundary silent, RP names the account, identity allows', { policies: [ID], permissionsBoundaries: [BND_S3], resourcePolicy: rp(A, 'Allow', { Principal: { AWS: A } }) }, 'implicitDeny'],
    ['7 boundary Deny beats an RP grant', { permissionsBoundaries: [doc({ Effect: 'Deny', Action: 'sqs:*', Resource: '*' })], resourcePolicy: rp(A, 'Allow', { Principal: { AWS: U } }) }, 'explicitDeny'],
    ['8 RP Deny naming the user', { policies: [ID], resourcePolicy: rp(A, 'Deny', { Principal: { AWS: U } }) }, 'explicitDeny'],
    ['9 three SCP levels allow', { policies: [ID], serviceControlPolicies: [SCP_ALL, SCP_ALL, SCP_ALL] }, 'allowed'],
    ['10 one level lacks an Allow', { policies: [ID], serviceControlPolicies: [SCP_ALL, SCP_S3, SCP_ALL] }, 'implicitDeny'],
    ['11 an SCP Deny', { policies: [ID], serviceControlPolicies: [[doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'sqs:*', Resource: '*' })], SCP_ALL] }, 'explicitDeny'],
    ['12 an SCP never grants', { serviceControlPolicies: [SCP_ALL] }, 'implicitDeny'],
    ['13 SCPs filter an RP grant', { serviceControlPolicies: [SCP_S3], resourcePolicy: rp(A, 'Allow', { Principal: { AWS: U } }) }, 'implicitDeny'],
    ['14 cross account, RP names the user, identity allows', { owner: B, policies: [ID], resourcePolicy: rp(B, 'Allow', { Principal: { AWS: U } }) }, 'allowed'],
    ['15 cross account, no identity', { owner: B, resourcePolicy: rp(B, 'Allow', { Principal: { AWS: U } }) }, 'implicitDeny'],
    ['16 cross account, RP names the caller account', { owner: B, policies: [ID], resourcePolicy: rp(B, 'Allow', { Principal: { AWS: A } }) }, 'allowed'],
    ['17 cross account, RP names the owner account', { owner: B, policies: [ID], resourcePolicy: rp(B, 'Allow', { Principal: { AWS: B } }) }, 'implicitDeny'],
    ['18 cross account, no RP', { owner: B, policies: [ID] }, 'implicitDeny'],
    ['19 cross account, boundary silent', { owner: B, policies: [ID], permissionsBoundaries: [BND_S3], resourcePolicy: rp(B, 'Allow', { Principal: { AWS: U } }) }, 'implicitDeny'],
    ['20 cross account, SCP lacks an Allow', { owner: B, policies: [ID], serviceControlPolicies: [SCP_S3], resourcePolicy: rp(B, 'Allow', { Principal: '*' }) }, 'implicitDeny'],
    ['21 NotPrincipal Deny leaving out user and account', { policies: [ID], resourcePolicy: rp(A, 'Deny', { NotPrincipal: { AWS: [U, `arn:aws:iam::${A}:root`] } }) }, 'allowed'],
    ['22 NotPrincipal Deny leaving out another user', { policies: [ID], resourcePolicy: rp(A, 'Deny', { NotPrincipal: { AWS: `arn:aws:iam::${A}:user/other` } }) }, 'explicitDeny'],
    ['23 NotPrincipal Deny with a boundary', { policies: [ID], permissionsBoundaries: [doc({ Effect: 'Allow', Action: 'sqs:*', Resource: '*' })], resourcePolicy: rp(A, 'Deny', { NotPrincipal: { AWS: [U, `arn:aws:iam::${A}:root`] } }) }, 'explicitDeny'],
    ['24 user name in other case', { resourcePolicy: rp(A, 'Allow', { Principal: { AWS: 'arn:aws:iam::123456789012:user/IAM-Conformance' } }) }, 'implicitDeny'],
  ])('%s', (_, c, expected) => {
    expect(run(c)).toBe(expected);
  });
});

describe('validation per policy type', () => {
  it.each<[string, Partial<Case>, string]>([
    ['a resource policy without Principal', { resourcePolicy: doc({ Effect: 'Allow', Action: ACTION, Resource: '*' }) }, 'error resourcePolicy.Statement[0]'],
    ['NotPrincipal with Allow', { resourcePolicy: rp(A, 'Allow', { NotPrincipal: { AWS: U } }) }, 'error resourcePolicy.Statement[0].NotPrincipal'],
    ['a partial wildcard principal', { resourcePolicy: rp(A, 'Allow', { Principal: { AWS: 'arn:aws:iam::123456789012:user/*' } }) }, 'error resourcePolicy.Statement[0].Principal.AWS'],
    ['Principal in an SCP', { serviceControlPolicies: [[doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' })]] }, 'error serviceControlPolicies[0][0].Statement[0].Principal'],
    ['an SCP without Version 2012-10-17', { serviceControlPolicies: [[{ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }]] }, 'error serviceControlPolicies[0][0]'],
    ['Principal in an identity policy', { policies: [doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' })], resourcePolicy: rp(A, 'Allow', { Principal: '*' }) }, 'error policies[0].Statement[0].Principal'],
  ])('%s is an error', (_, c, expected) => {
    expect(run(c)).toBe(expected);
  });

  it('rejects a caller that is not an IAM user', () => {
    const v = evaluate({ policies: [], request: { action: ACTION, resource: '*', context: [], caller: 'arn:aws:iam::123456789012:role/r' } });
    expect(v).toMatchObject({ error: { code: 'InvalidInput', path: 'request.caller' } });
  });
});

describe('the trace of a chain case', () => {
  it('names the policy type that decided', () => {
    const v = evaluate({
      policies: [ID],
      serviceControlPolicies: [SCP_S3],
      request: { action: ACTION, resource: queue(A), context: [] },
    }) as DecisionVerdict;
    expect(v.trace?.at(-1)).toMatchObject({ element: 'Decision', policySet: 'serviceControlPolicy' });
    expect(explainText(v)).toContain('SCP level 0 has no applicable Allow');
  });

  it('records the Principal of every resource-policy statement', () => {
    const v = evaluate({
      policies: [],
      resourcePolicy: rp(A, 'Allow', { Principal: { AWS: U } }),
      request: { action: ACTION, resource: queue(A), context: [] },
    }) as DecisionVerdict;
    expect(v.trace?.find((s) => s.element === 'Principal')).toMatchObject({ policySet: 'resourcePolicy', holds: true });
    expect(v.trace?.at(-1)).toMatchObject({ element: 'Decision', policySet: 'resourcePolicy' });
  });
});
