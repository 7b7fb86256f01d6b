import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../oracle/index.js';
import type { Case } from '../../../oracle/types.js';
import { moveResource } from './evaluation-chain.js';

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
