import { describe, expect, it } from 'vitest';
import { requestAction } from './action.js';
import { compilePolicyDocument, dedupeIgnoringCase, keysOf, statementsForAction } from './compile.js';

const doc = () => ({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 'sagemaker:*', Resource: 'arn:aws:s3:::b/${aws:username}/*', Condition: { StringEquals: { 'aws:RequestTag/Team': '${aws:PrincipalTag/team}' } } },
    { Effect: 'Deny', Action: '*', Resource: '*', Condition: { Null: { 'AWS:REQUESTTAG/team': 'true' }, NumericLessThan: { 'k:n': '10' } } },
  ],
});

describe('compilePolicyDocument', () => {
  it('keeps the compiled form of a document seen before, and reuses it from then on', () => {
    const d = doc();
    const first = compilePolicyDocument(d);
    expect(first.ok).toBe(true);
    const second = compilePolicyDocument(d);
    expect(second.ok && second.compiled.policy).toEqual(first.ok && first.compiled.policy);
    expect(compilePolicyDocument(d)).toBe(second);
    expect(compilePolicyDocument(d)).toBe(second);
    expect(compilePolicyDocument(doc())).not.toBe(second);
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
    expect(keysOf(result.compiled).keys).toEqual(['aws:username', 'aws:RequestTag/Team', 'aws:PrincipalTag/team', 'k:n']);
  });
});

describe('statementsForAction', () => {
  const compiled = (() => {
    const result = compilePolicyDocument({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'sagemaker:Describe*', Resource: '*' },
        { Effect: 'Deny', NotAction: 'sagemaker:DescribeModel', Resource: '*' },
        { Effect: 'Allow', Action: ['iam:*', 'SageMaker:describeendpoint'], Resource: '*' },
      ],
    });
    if (!result.ok) throw new Error('invalid');
    return result.compiled;
  })();
  const indexes = (action: string) => statementsForAction(compiled, requestAction(action)).map((s) => s.statement.index);

  it('keeps the statements whose Action or NotAction covers the action, in order, ignoring case', () => {
    expect(indexes('sagemaker:DescribeEndpoint')).toEqual([0, 1, 2]);
    expect(indexes('sagemaker:describemodel')).toEqual([0]);
    expect(indexes('iam:GetUser')).toEqual([1, 2]);
    expect(indexes('s3:GetObject')).toEqual([1]);
  });

  it('answers a repeated action from its memo', () => {
    statementsForAction(compiled, requestAction('sagemaker:CreateModel'));
    const memo = statementsForAction(compiled, requestAction('sagemaker:CreateModel'));
    expect(statementsForAction(compiled, requestAction('SAGEMAKER:CREATEMODEL'))).toBe(memo);
  });
});

describe('dedupeIgnoringCase', () => {
  it('keeps the first spelling', () => {
    expect(dedupeIgnoringCase(['A:b', 'a:B', 'c:d'])).toEqual(['A:b', 'c:d']);
  });
});
