import { describe, expect, it } from 'vitest';
import { compilePolicyDocument, dedupeIgnoringCase } from './compile.js';

const doc = () => ({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 'sagemaker:*', Resource: 'arn:aws:s3:::b/${aws:username}/*', Condition: { StringEquals: { 'aws:RequestTag/Team': '${aws:PrincipalTag/team}' } } },
    { Effect: 'Deny', Action: '*', Resource: '*', Condition: { Null: { 'AWS:REQUESTTAG/team': 'true' }, NumericLessThan: { 'k:n': '10' } } },
  ],
});

describe('compilePolicyDocument', () => {
  it('compiles an object document once and reuses the result', () => {
    const d = doc();
    const first = compilePolicyDocument(d);
    expect(first.ok).toBe(true);
    expect(compilePolicyDocument(d)).toBe(first);
    expect(compilePolicyDocument(doc())).not.toBe(first);
  });

  it('reports the first validation error of an invalid document', () => {
    const result = compilePolicyDocument({ Statement: [{ Effect: 'Allow', Action: 'a:b' }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.path).toContain('Statement[0]');
  });

  it('does not cache primitives, and still answers them', () => {
    expect(compilePolicyDocument('x').ok).toBe(false);
    expect(compilePolicyDocument(null).ok).toBe(false);
  });

  it('lists referenced keys: conditions and substituted variables, first spelling, ignoring case', () => {
    const result = compilePolicyDocument(doc());
    if (!result.ok) throw new Error('invalid');
    expect(result.compiled.keys).toEqual(['aws:username', 'aws:RequestTag/Team', 'aws:PrincipalTag/team', 'k:n']);
  });
});

describe('dedupeIgnoringCase', () => {
  it('keeps the first spelling', () => {
    expect(dedupeIgnoringCase(['A:b', 'a:B', 'c:d'])).toEqual(['A:b', 'c:d']);
  });
});
