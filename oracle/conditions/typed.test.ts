import { describe, expect, it } from 'vitest';
import { holds } from './test-helpers.js';

describe('Numeric operators', () => {
  it('compare integers and decimals', () => {
    expect(holds('NumericEquals', ['10'], ['10.0'])).toBe(true);
    expect(holds('NumericNotEquals', ['10'], ['11'])).toBe(true);
    expect(holds('NumericLessThan', ['10'], ['9.5'])).toBe(true);
    expect(holds('NumericLessThan', ['10'], ['10'])).toBe(false);
    expect(holds('NumericLessThanEquals', ['10'], ['10'])).toBe(true);
    expect(holds('NumericGreaterThan', ['3600'], ['3601'])).toBe(true);
    expect(holds('NumericGreaterThanEquals', ['-1.5'], ['-1.5'])).toBe(true);
  });

  it('a request value that is not a number matches neither the operator nor its negation', () => {
    expect(holds('NumericEquals', ['10'], ['ten'])).toBe(false);
    expect(holds('NumericNotEquals', ['10'], ['ten'])).toBe(false);
    expect(holds('NumericLessThan', ['10'], [''])).toBe(false);
  });
});

describe('Date operators', () => {
  it('compare ISO-8601 dates and epoch seconds on both sides', () => {
    expect(holds('DateLessThan', ['2020-01-01T00:00:00Z'], ['2019-12-31T23:59:59Z'])).toBe(true);
    expect(holds('DateEquals', ['2020-01-01T00:00:00Z'], ['1577836800'])).toBe(true);
    expect(holds('DateEquals', ['1577836800'], ['2020-01-01T01:00:00+01:00'])).toBe(true);
    expect(holds('DateGreaterThanEquals', ['2020-01-01'], ['2020-01-01T00:00:00Z'])).toBe(true);
    expect(holds('DateGreaterThan', ['2020-01-01'], ['2020-01-01T00:00:00Z'])).toBe(false);
    expect(holds('DateNotEquals', ['2020-01-01T00:00:00Z'], ['2020-01-02T00:00:00Z'])).toBe(true);
    expect(holds('DateLessThanEquals', ['2020-01-01T00:00:00Z'], ['2020-01-01T00:00:00Z'])).toBe(true);
  });

  it('a request value that is not a date is a type mismatch', () => {
    expect(holds('DateLessThan', ['2020-01-01T00:00:00Z'], ['yesterday'])).toBe(false);
    expect(holds('DateNotEquals', ['2020-01-01T00:00:00Z'], ['yesterday'])).toBe(false);
  });
});

describe('Bool', () => {
  it('compares true/false, ignoring letter case', () => {
    expect(holds('Bool', ['true'], ['true'])).toBe(true);
    expect(holds('Bool', ['true'], ['false'])).toBe(false);
    expect(holds('Bool', ['false'], ['FALSE'])).toBe(true);
    expect(holds('Bool', ['True'], ['true'])).toBe(true);
    expect(holds('Bool', ['true'], ['yes'])).toBe(false);
  });

  it('is false when the key is absent (Bool is not negated)', () => {
    expect(holds('Bool', ['false'], undefined)).toBe(false);
    expect(holds('Bool', ['false'], undefined, { ifExists: true })).toBe(true);
  });
});

describe('BinaryEquals', () => {
  it('compares the bytes of base64 values', () => {
    expect(holds('BinaryEquals', ['QmluYXJ5VmFsdWU='], ['QmluYXJ5VmFsdWU='])).toBe(true);
    expect(holds('BinaryEquals', ['QmluYXJ5VmFsdWU='], ['QmluYXJ5VmFsdWF='])).toBe(false);
    expect(holds('BinaryEquals', ['QmluYXJ5VmFsdWU='], ['not base64!'])).toBe(false);
  });
});

describe('IpAddress / NotIpAddress', () => {
  it('matches IPv4 CIDR blocks, a bare address being one host', () => {
    expect(holds('IpAddress', ['203.0.113.0/24'], ['203.0.113.7'])).toBe(true);
    expect(holds('IpAddress', ['203.0.113.0/24'], ['203.0.114.7'])).toBe(false);
    expect(holds('IpAddress', ['203.0.113.7'], ['203.0.113.7'])).toBe(true);
    expect(holds('IpAddress', ['203.0.113.7'], ['203.0.113.8'])).toBe(false);
    expect(holds('IpAddress', ['0.0.0.0/0'], ['8.8.8.8'])).toBe(true);
    expect(holds('IpAddress', ['10.1.2.3/8'], ['10.200.0.1'])).toBe(true);
  });

  it('matches IPv6 blocks and never mixes families', () => {
    expect(holds('IpAddress', ['2001:db8::/32'], ['2001:db8:1::1'])).toBe(true);
    expect(holds('IpAddress', ['2001:db8::/32'], ['2001:db9::1'])).toBe(false);
    expect(holds('IpAddress', ['0.0.0.0/0'], ['::1'])).toBe(false);
    expect(holds('IpAddress', ['::/0'], ['1.2.3.4'])).toBe(false);
  });

  it('NotIpAddress is true outside every block (NOR) and false for a non-address', () => {
    expect(holds('NotIpAddress', ['10.0.0.0/8', '192.168.0.0/16'], ['8.8.8.8'])).toBe(true);
    expect(holds('NotIpAddress', ['10.0.0.0/8', '192.168.0.0/16'], ['192.168.1.1'])).toBe(false);
    expect(holds('NotIpAddress', ['10.0.0.0/8'], ['not-an-ip'])).toBe(false);
    expect(holds('NotIpAddress', ['10.0.0.0/8'], undefined)).toBe(true);
  });
});

describe('Arn operators', () => {
  const key = 'arn:aws:kms:us-east-1:111122223333:key/volume-kms-key-12345';
  it('match each of the six segments separately, wildcards inside segments', () => {
    expect(holds('ArnLike', ['arn:aws:kms:*:111122223333:key/*'], [key])).toBe(true);
    expect(holds('ArnEquals', ['arn:aws:kms:*:111122223333:key/*'], [key])).toBe(true);
    expect(holds('ArnLike', ['arn:aws:kms:us-east-?:*:key/volume-*'], [key])).toBe(true);
    expect(holds('ArnLike', ['arn:aws:kms:*:111122223333:key/*'], ['arn:aws:kms:us-east-1:999999999999:key/x'])).toBe(false);
  });

  it('unlike StringLike, a * cannot swallow colons', () => {
    const value = 'arn:aws:svc:us-east-1:extra:111122223333:finance/x';
    expect(holds('ArnLike', ['arn:aws:svc:*:111122223333:finance/*'], [value])).toBe(false);
    expect(holds('StringLike', ['arn:aws:svc:*:111122223333:finance/*'], [value])).toBe(true);
  });

  it('is case-sensitive', () => {
    expect(holds('ArnLike', ['arn:aws:kms:*:111122223333:KEY/*'], [key])).toBe(false);
  });

  it('matches a non-ARN pattern as a whole-string glob (SageMaker doc example)', () => {
    expect(holds('ArnLike', ['*key/volume-kms-key-12345'], [key])).toBe(true);
  });

  it('ArnNotEquals / ArnNotLike are the NOR of their positive twins', () => {
    expect(holds('ArnNotLike', ['arn:aws:kms:*:*:key/other', 'arn:aws:kms:*:*:alias/*'], [key])).toBe(true);
    expect(holds('ArnNotEquals', ['arn:aws:kms:*:*:key/*'], [key])).toBe(false);
  });

  it('a request value that is not an ARN does not match an ARN pattern', () => {
    expect(holds('ArnLike', ['arn:aws:kms:*:*:*'], ['boop'])).toBe(false);
  });
});
