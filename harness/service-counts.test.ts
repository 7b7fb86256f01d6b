import { describe, expect, it } from 'vitest';
import { serviceOf, ServiceCounts } from './service-counts.js';
import { Tally } from './tally.js';

describe('serviceOf', () => {
  it('is the request action prefix in lower case', () => {
    expect(serviceOf({ request: { action: 'S3:GetObject', resource: '*', context: [] } })).toBe('s3');
    expect(serviceOf({ request: { action: 'nocolon', resource: '*', context: [] } })).toBe('(none)');
  });
});

describe('ServiceCounts', () => {
  it('counts outcomes per service, sorted, and merges', () => {
    const a = new ServiceCounts();
    a.add('s3', 'agree');
    a.add('iam', 'diverge', 2);
    const b = new ServiceCounts();
    b.add('s3', 'agree', 3);
    b.merge(a.toRecord());
    expect(Object.keys(b.toRecord())).toEqual(['iam', 's3']);
    expect(b.toRecord().s3?.agree).toBe(4);
    expect(b.toRecord().iam?.diverge).toBe(2);
  });

  it('is filled by Tally.record when a service is given, and merged with the tally', () => {
    const t = new Tally();
    t.record('agree', [], true, 1, 'kms');
    t.record('agree', [], true, 1);
    const u = new Tally();
    u.merge(t);
    expect(u.services.toRecord()).toEqual({ kms: { agree: 1, diverge: 0, expectedDivergence: 0, skipped: 0, errored: 0 } });
  });
});
