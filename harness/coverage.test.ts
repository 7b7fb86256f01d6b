import { describe, expect, it } from 'vitest';
import type { Case } from '../oracle/types.js';
import { caseCoverage, CoverageCounts, dateValueForm } from './coverage.js';

const withCondition = (condition: unknown, context: Case['request']['context'] = [], version = '2012-10-17'): Case => ({
  policies: [{ Version: version, Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: condition }] }],
  request: { action: 's3:GetObject', resource: '*', context },
});

describe('caseCoverage', () => {
  it('names special variables, variables, absent variables and substituted wildcards under the base operator', () => {
    const c = withCondition(
      { 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': ['a${*}', '${aws:username}', '${aws:PrincipalTag/x}'] } },
      [{ key: 'AWS:UserName', type: 'string', values: ['pro*'] }],
    );
    expect(caseCoverage(c).sort()).toEqual(['StringEquals|special-variable', 'StringEquals|variable', 'StringEquals|variable-missing', 'StringEquals|variable-wildcard-value']);
  });

  it('reads ${…} as literal text outside Version 2012-10-17', () => {
    expect(caseCoverage(withCondition({ StringEquals: { k: '${*}' } }, [], '2008-10-17'))).toEqual([]);
  });

  it('pairs the date form of the policy with that of the request', () => {
    const c = withCondition({ DateLessThan: { 'aws:CurrentTime': '1767225600' } }, [{ key: 'aws:CurrentTime', type: 'date', values: ['2026-01-01T01:00:00+01:00'] }]);
    expect(caseCoverage(c).sort()).toEqual(['DateLessThan|epoch', 'DateLessThan|epoch×request-offset']);
    expect(['2026', '2026-01-01', '2026-01-01T00:00:00Z', '2026-01-01T00:00-05:00', '-5'].map(dateValueForm)).toEqual(['epoch', 'date-only', 'date-time', 'offset', 'epoch']);
  });

  it('names number, Bool, IP forms, unquoted values and empty value lists', () => {
    const c = withCondition(
      { NumericEquals: { n: ['+1', '1e0', 2] }, Bool: { b: 'True' }, IpAddress: { ip: ['::ffff:10.0.0.0/104', '0.0.0.0/0', '10.0.0.1'] }, StringLike: { s: [] } },
      [{ key: 'n', type: 'numeric', values: [' 1'] }],
    );
    expect(caseCoverage(c).sort()).toEqual([
      'Bool|mixed-case',
      'IpAddress|ipv4-bare',
      'IpAddress|ipv4-mapped',
      'IpAddress|mixed-list',
      'IpAddress|prefix-0',
      'NumericEquals|exponent',
      'NumericEquals|integer',
      'NumericEquals|request-spaces',
      'NumericEquals|signed',
      'NumericEquals|unquoted',
      'StringLike|empty-value-list',
    ]);
  });

  it('names Resource forms, multivalued context shapes, empty operator blocks and several boundaries', () => {
    const c: Case = {
      policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', NotResource: ['arn:aws:s3:::b/${aws:username}', 'arn:aws:s3:::b/x${?}'], Condition: { StringEquals: {} } }] }],
      permissionsBoundaries: [{ Statement: [] }, { Statement: [] }],
      request: { action: 's3:GetObject', resource: '*', context: [{ key: 'aws:TagKeys', type: 'stringList', values: ['a', '', 'a'] }] },
    };
    expect(caseCoverage(c).sort()).toEqual([
      'Context|duplicates',
      'Context|empty-string',
      'Context|many-values',
      'NotResource|empty-segment',
      'NotResource|special-variable',
      'NotResource|variable',
      'NotResource|variable-missing',
      'Policy|empty-operator-block',
      'Policy|several-boundaries',
    ]);
  });
});

describe('CoverageCounts', () => {
  it('counts cells into a sorted matrix and merges matrices', () => {
    const counts = new CoverageCounts();
    counts.add(['StringLike|wildcard', 'Bool|unquoted']);
    counts.add(['StringLike|wildcard']);
    counts.merge({ Bool: { unquoted: 2 } });
    expect(counts.toMatrix()).toEqual({ Bool: { unquoted: 3 }, StringLike: { wildcard: 2 } });
    expect(JSON.stringify(Object.keys(counts.toMatrix()))).toBe('["Bool","StringLike"]');
  });
});
