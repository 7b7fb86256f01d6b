import { describe, expect, it } from 'vitest';
import { evaluate } from '../oracle/index.js';
import { isErrorVerdict, type Case, type Decision } from '../oracle/types.js';
import { causeOf, operatorFamily } from './cause.js';

const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const req = (action: string, context: Case['request']['context'] = []) => ({ action, resource: '*', context });
const got = (decision: Decision) => ({ kind: 'verdict' as const, verdict: { decision } });
const cause = (c: Case, answer: Decision) => {
  const expected = evaluate(c);
  return causeOf({ case: c, expected, actual: got(answer), ...(isErrorVerdict(expected) ? {} : { oracleTrace: expected.trace ?? [] }) });
};

describe('cause signatures', () => {
  it('names the operator family of a condition operator', () => {
    expect(operatorFamily('ForAllValues:StringNotLikeIfExists')).toBe('ForAllValues:String negated IfExists');
    expect(operatorFamily('NotIpAddress')).toBe('IpAddress negated');
    expect(operatorFamily('DateGreaterThan')).toBe('Date');
  });

  it('gives one signature to a missed Deny whatever unrelated statements and policies the case carries', () => {
    const deny = { Effect: 'Deny', Action: 'sagemaker:DeleteModel', Resource: '*', Condition: { StringEquals: { 'aws:username': 'bob' } } };
    const small: Case = { policies: [doc({ Effect: 'Allow', Action: '*', Resource: '*' }, deny)], request: req('sagemaker:DeleteModel', [{ key: 'aws:username', type: 'string', values: ['bob'] }]) };
    const noisy: Case = {
      ...small,
      policies: [...small.policies, doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*', Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } } })],
    };
    const [a, b] = [cause(small, 'allowed'), cause(noisy, 'allowed')];
    expect(a.signature).toBe(b.signature);
    expect(a.title).toBe('expected explicitDeny, got allowed: a Deny applies, decided by Condition String');
    // The per-feature table blames what decided: the Deny's features, not the other policy's NotAction.
    expect(b.features).toEqual(['condition-string', 'explicit-deny']);
  });

  it('tells a wrongly applied Allow by the element that made it miss', () => {
    const c: Case = { policies: [doc({ Effect: 'Allow', Action: 'sagemaker:*', Resource: '*', Condition: { DateGreaterThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } } })], request: req('sagemaker:ListModels', [{ key: 'aws:CurrentTime', type: 'date', values: ['2025-01-01T00:00:00Z'] }]) };
    expect(cause(c, 'allowed').title).toBe('expected implicitDeny, got allowed: no Allow applies, decided by Condition Date');
  });

  it('names the rejected element of an invalid policy, and an evaluator error by its kind', () => {
    const bad: Case = { policies: [doc({ Effect: 'Permit', Action: '*', Resource: '*' })], request: req('sagemaker:ListModels') };
    expect(cause(bad, 'allowed').title).toBe('expected error, got allowed: the policy is invalid at Statement.Effect');
    const crash = causeOf({ case: bad, expected: evaluate(bad), actual: { kind: 'errored', message: 'timed out after 10000 ms (process killed and restarted)' } });
    expect(crash.title).toBe('the evaluator failed to answer: timed out after N ms (process killed and restarted)');
  });
});
