import { describe, expect, it } from 'vitest';
import type { Case } from '../oracle/types.js';
import { shrink } from './minimise.js';

const one = (statement: object, version?: string): Case['policies'][number] => ({ ...(version ? { Version: version } : {}), Statement: [statement] });

describe('minimise', () => {
  it('drops what the failure does not need, then simplifies: IfExists, set qualifier, NotAction, Resource, Version', async () => {
    const c: Case = {
      policies: [
        one({ Effect: 'Allow', NotAction: ['s3:PutObject'], Resource: ['arn:aws:s3:::b/*'], Condition: { 'ForAnyValue:StringEqualsIfExists': { 'aws:username': ['alice', 'bob'] } } }, '2008-10-17'),
        one({ Effect: 'Deny', Action: 's3:*', Resource: '*' }),
      ],
      request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: [{ key: 'aws:username', type: 'string', values: ['alice'] }] },
    };
    // "Fails" while some policy still uses StringEquals on aws:username.
    const small = await shrink(c, async (x) => JSON.stringify(x.policies).includes('"StringEquals'));
    expect(small.policies).toEqual([one({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:username': ['bob'] } } }, '2012-10-17')]);
    expect(small.request.context).toEqual([]);
  });

  it('keeps a form the failure hangs on and plainer-writes the rest: dates in UTC, numbers without sign, keys as the policy spells them', async () => {
    const c: Case = {
      policies: [
        one(
          {
            Effect: 'Allow',
            Action: '*',
            Resource: '*',
            Condition: { DateLessThan: { 'aws:CurrentTime': '1767225600' }, NumericLessThan: { 's3:max-keys': ['+10'] } },
          },
          '2012-10-17',
        ),
      ],
      request: {
        action: 's3:ListBucket',
        resource: '*',
        context: [
          { key: 'aws:currenttime', type: 'date', values: ['2025-12-31T23:00:00-05:00'] },
          { key: 's3:max-keys', type: 'numeric', values: ['5.0'] },
        ],
      },
    };
    // Fails while the policy's date is epoch seconds, a NumericLessThan is there and both context entries are.
    const small = await shrink(c, async (x) => JSON.stringify(x).includes('"1767225600"') && JSON.stringify(x).includes('NumericLessThan') && x.request.context.length === 2);
    const st = (small.policies[0] as { Statement: { Condition: unknown }[] }).Statement[0];
    expect(st?.Condition).toEqual({ DateLessThan: { 'aws:CurrentTime': '1767225600' }, NumericLessThan: { 's3:max-keys': ['10'] } });
    expect(small.request.context).toEqual([
      { key: 'aws:CurrentTime', type: 'date', values: ['2026-01-01T04:00:00Z'] },
      { key: 's3:max-keys', type: 'numeric', values: ['5'] },
    ]);
  });
});
