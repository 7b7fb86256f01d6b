import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../oracle/index.js';
import type { Case } from '../../../oracle/types.js';
import { moveResource, patternsTheSwapMisses } from './evaluation-chain.js';

const CALLER = 'arn:aws:iam::123456789012:user/alice';
const BUCKET = 'arn:aws:s3:::bucket-123456789012/report';

/** The shape the oracle's own run broke the property on: a Deny naming the caller in the resource policy. */
const denyNamingCaller: Case = {
  policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }],
  resourcePolicy: {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: '*' },
      { Effect: 'Deny', Principal: { AWS: CALLER }, Action: 's3:GetObject', Resource: '*' },
    ],
  },
  request: { action: 's3:GetObject', resource: BUCKET, context: [], caller: CALLER },
};

describe('moveResource', () => {
  it('moves the resource to the other account and keeps the caller where it was', () => {
    const moved = moveResource(denyNamingCaller);
    expect(moved.request.caller).toBe(CALLER);
    expect(moved.request.resourceOwner).not.toBe('123456789012');
  });

  it('keeps a Deny that names the caller applying, so the move never grants', () => {
    const before = evaluate(denyNamingCaller);
    const after = evaluate(moveResource(denyNamingCaller));
    expect('decision' in before && before.decision).toBe('explicitDeny');
    expect('decision' in after && after.decision).toBe('explicitDeny');
  });
});

describe('patternsTheSwapMisses', () => {
  const WORKTEAM = 'arn:aws:sagemaker:us-east-1:123456789012:workteam/prod-a';
  /** The case a 1,000,000-input run of the oracle broke the property on (seed 20261128). */
  const denyOnPatternedAccount: Case = {
    policies: [
      { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Condition: { StringLike: { 'aws:PrincipalArn': ['arn:aws:sagemaker:us-east-1:1234567890?2:workteam/prod-a'] } }, Action: '*', Resource: '*' }] },
      { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
    ],
    request: { action: 'sagemaker:DescribeWorkteam', resource: WORKTEAM, context: [{ key: 'aws:PrincipalArn', type: 'string', values: [WORKTEAM] }] },
    resourcePolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:user/iam-conformance' }, Action: '*', Resource: '*' }] },
  };

  it('finds a wildcard inside an account segment, which the move cannot carry over', () => {
    // The move would break the property on this case: the Deny matches only the original account.
    expect(evaluate(denyOnPatternedAccount)).toMatchObject({ decision: 'explicitDeny' });
    expect(evaluate(moveResource(denyOnPatternedAccount))).toMatchObject({ decision: 'allowed' });
    expect(patternsTheSwapMisses(denyOnPatternedAccount)).toBe(true);
    expect(patternsTheSwapMisses({ ...denyOnPatternedAccount, policies: [{ Statement: { Effect: 'Allow', Action: '*', Resource: 'arn:aws:sagemaker:us-east-1:12345*' } }] })).toBe(true);
  });

  it('keeps written-out accounts and `*` as the whole account segment', () => {
    const plain = { ...denyOnPatternedAccount, policies: [{ Statement: { Effect: 'Deny', Action: '*', Resource: ['arn:aws:sagemaker:us-east-1:*:workteam/*', WORKTEAM, 'arn:aws:s3:::bucket/*'] } }] };
    expect(patternsTheSwapMisses(plain)).toBe(false);
  });
});
