import { describe, expect, it } from 'vitest';
import type { Case, ContextEntry } from '../oracle/types.js';
import { caseFeatures, looksMalformed } from './features.js';

// JSON round trip so that `Action: undefined` removes the element, as in a real document.
const policy = (statement: Record<string, unknown>, version: string | null = '2012-10-17') =>
  JSON.parse(
    JSON.stringify({
      ...(version ? { Version: version } : {}),
      Statement: [{ Effect: 'Allow', Action: 'sagemaker:DescribeEndpoint', Resource: '*', ...statement }],
    }),
  ) as Record<string, unknown>;
const kase = (policies: unknown[], action = 'sagemaker:DescribeEndpoint', context: ContextEntry[] = [], extra = {}): Case => ({
  policies,
  request: { action, resource: 'arn:aws:sagemaker:us-east-1:123456789012:endpoint/my-endpoint', context },
  ...extra,
});

describe('caseFeatures', () => {
  it('finds nothing special in a plain Allow', () => {
    expect(caseFeatures(kase([policy({})]))).toEqual([]);
  });

  it('tags action wildcards and action case', () => {
    expect(caseFeatures(kase([policy({ Action: 'sagemaker:Describe*' })]))).toEqual(['action-wildcard']);
    expect(caseFeatures(kase([policy({ Action: 'SageMaker:describeendpoint' })]))).toEqual(['action-case']);
    expect(caseFeatures(kase([policy({ Action: 'SAGEMAKER:Describe?ndpoint' })]))).toEqual(['action-wildcard', 'action-case']);
    // a pattern that does not match the request at all, in any case, is no action-case
    expect(caseFeatures(kase([policy({ Action: 'S3:GetObject' })]))).toEqual([]);
  });

  it('stays fast on patterns full of stars', () => {
    const p = policy({ Action: `sagemaker:${'*a'.repeat(40)}b` });
    expect(caseFeatures(kase([p], `sagemaker:${'A'.repeat(120)}`))).toEqual(['action-wildcard']);
  });

  it('tags NotAction, NotResource, ARN and wildcard resources', () => {
    const f = caseFeatures(
      kase([policy({ Action: undefined, NotAction: 'iam:*', Resource: undefined, NotResource: 'arn:aws:s3:::b/*' })]),
    );
    expect(f).toEqual(['action-wildcard', 'not-action', 'resource-arn', 'resource-wildcard', 'not-resource']);
    expect(caseFeatures(kase([policy({ Resource: 'arn:aws:sagemaker:us-east-1:123456789012:endpoint/my-endpoint' })]))).toEqual([
      'resource-arn',
    ]);
  });

  it('tags each condition family, IfExists and set operators', () => {
    const cond = {
      StringLike: { 'aws:RequestTag/team': 'r*' },
      NumericLessThanIfExists: { 'sagemaker:MaxRuntimeInSeconds': '3600' },
      DateGreaterThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' },
      Bool: { 'aws:SecureTransport': 'true' },
      BinaryEquals: { 'aws:x': 'QQ==' },
      NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' },
      'ForAnyValue:ArnLike': { 'sagemaker:ImageArns': 'arn:*' },
      Null: { 'sagemaker:VpcSubnets': 'false' },
    };
    expect(caseFeatures(kase([policy({ Condition: cond })]))).toEqual([
      'condition-string',
      'condition-numeric',
      'condition-date',
      'condition-bool',
      'condition-binary',
      'condition-ip',
      'condition-arn',
      'condition-null',
      'if-exists',
      'set-operators',
      'missing-key',
    ]);
  });

  it('tags missing keys, key case and multivalued context', () => {
    const p = policy({ Condition: { StringEquals: { 'aws:RequestTag/Team': 'red' } } });
    const exact: ContextEntry = { key: 'aws:RequestTag/Team', type: 'string', values: ['red'] };
    expect(caseFeatures(kase([p], undefined, [exact]))).toEqual(['condition-string']);
    expect(caseFeatures(kase([p], undefined, [{ ...exact, key: 'AWS:requesttag/team' }]))).toEqual([
      'condition-string',
      'condition-key-case',
    ]);
    expect(caseFeatures(kase([p], undefined, [{ ...exact, type: 'stringList' }]))).toContain('multivalued-context');
    expect(caseFeatures(kase([p], undefined, [{ ...exact, values: ['a', 'b'] }]))).toContain('multivalued-context');
    expect(caseFeatures(kase([p]))).toContain('missing-key');
  });

  it('tags policy variables, version 2008, several policies, deny and boundaries', () => {
    const v = policy({ Resource: 'arn:aws:sagemaker:*:*:endpoint/${aws:username}' }, null);
    const deny = policy({ Effect: 'Deny' });
    expect(caseFeatures(kase([v, deny], undefined, [], { permissionsBoundaries: [policy({})] }))).toEqual([
      'resource-arn',
      'resource-wildcard',
      'policy-variables',
      'version-2008',
      'multiple-policies',
      'explicit-deny',
      'permissions-boundary',
    ]);
    expect(caseFeatures(kase([policy({}, '2008-10-17')]))).toEqual(['version-2008']);
  });

  it('tags a variable without a context entry as a missing key, under Version 2012-10-17 only', () => {
    const v = (version: string | null) => policy({ Resource: 'arn:aws:sagemaker:*:*:endpoint/${aws:username}' }, version);
    expect(caseFeatures(kase([v('2012-10-17')]))).toContain('missing-key');
    expect(caseFeatures(kase([v('2012-10-17')], undefined, [{ key: 'aws:username', type: 'string', values: ['a'] }]))).not.toContain(
      'missing-key',
    );
    expect(caseFeatures(kase([v('2008-10-17')]))).not.toContain('missing-key');
    expect(caseFeatures(kase([policy({ Resource: 'arn:aws:s3:::b/${*}' })]))).not.toContain('missing-key');
  });

  it('tags a variable whose name differs in case from the context key', () => {
    const p = policy({ Resource: 'arn:aws:sagemaker:*:*:endpoint/${AWS:UserName}' });
    expect(caseFeatures(kase([p], undefined, [{ key: 'aws:username', type: 'string', values: ['bob'] }]))).toContain(
      'condition-key-case',
    );
  });

  it('tags malformed policies and never throws on odd input', () => {
    expect(caseFeatures(kase([policy({ Effect: 'allow' })]))).toEqual(['malformed-policy']);
    expect(caseFeatures(kase([null, 7, 'x']))).toEqual(['multiple-policies', 'malformed-policy']);
    const odd = { policies: 'nope', request: null } as unknown as Case;
    expect(caseFeatures(odd)).toEqual([]);
    const odder = { policies: [{ Statement: { Condition: { StringEquals: 5 } } }], request: { context: 3 } } as unknown as Case;
    expect(() => caseFeatures(odder)).not.toThrow();
  });
});

describe('looksMalformed', () => {
  it('accepts well-formed documents', () => {
    expect(looksMalformed(policy({ Sid: 'A1' }))).toBe(false);
    expect(looksMalformed({ Statement: { Effect: 'Deny', NotAction: ['a:b'], NotResource: '*' } })).toBe(false);
    expect(looksMalformed(policy({ Condition: { 'ForAllValues:StringLikeIfExists': { k: ['a', 1, true] } } }))).toBe(false);
    // An empty value list and an unknown operator with an empty block (validate/DECISIONS #7, #26).
    expect(looksMalformed(policy({ Condition: { StringEquals: { k: [] }, x: {} } }))).toBe(false);
  });

  it.each([
    ['a non-object', []],
    ['an unknown top-level key', { ...policy({}), Condition: {} }],
    ['a bad Version', policy({}, '2012-10-18')],
    ['no Statement', { Version: '2012-10-17' }],
    ['an empty Statement array', { Version: '2012-10-17', Statement: [] }],
    ['Effect in the wrong case', policy({ Effect: 'allow' })],
    ['a Principal', policy({ Principal: '*' })],
    ['Action and NotAction', policy({ NotAction: 'x:y' })],
    ['no Resource', policy({ Resource: undefined })],
    ['a non-alphanumeric Sid', policy({ Sid: 'my-sid' })],
    ['an unknown operator', policy({ Condition: { StringEqual: { k: 'v' } } })],
    ['NullIfExists', policy({ Condition: { NullIfExists: { k: 'true' } } })],
  ])('rejects %s', (_name, doc) => {
    expect(looksMalformed(JSON.parse(JSON.stringify(doc)))).toBe(true);
  });
});
