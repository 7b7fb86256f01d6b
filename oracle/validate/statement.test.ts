import { describe, expect, it } from 'vitest';
import { validatePolicy } from './index.js';

const allow = { Effect: 'Allow', Action: 'sagemaker:CreateModel', Resource: '*' };

/** Broken (path, rule) pairs for a policy holding these statements. */
const broken = (...statements: unknown[]): Array<[string, string]> => {
  const r = validatePolicy({ Version: '2012-10-17', Statement: statements });
  return r.ok ? [] : r.errors.map((e) => [e.path, e.rule]);
};

describe('statement elements', () => {
  it('rejects unknown statement elements, naming them', () => {
    expect(broken({ ...allow, Foo: 1 })).toEqual([['Statement[0].Foo', 'statement-key-unknown']]);
    expect(broken({ ...allow, effect: 'Allow' })).toEqual([['Statement[0].effect', 'statement-key-unknown']]);
  });

  it('uses "Statement" without an index when Statement is a lone object', () => {
    const r = validatePolicy({ Statement: { ...allow, Effect: 'Maybe' } });
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['Statement.Effect']);
  });

  it('rejects Principal and NotPrincipal in an identity policy', () => {
    expect(broken({ ...allow, Principal: '*' })).toEqual([['Statement[0].Principal', 'principal-forbidden']]);
    expect(broken({ ...allow, NotPrincipal: { AWS: '*' } })).toEqual([['Statement[0].NotPrincipal', 'principal-forbidden']]);
  });
});

describe('Effect', () => {
  it('accepts Allow and Deny', () => {
    expect(broken(allow, { ...allow, Effect: 'Deny' })).toEqual([]);
  });

  it('is case-sensitive and rejects other values', () => {
    for (const effect of ['allow', 'DENY', 'Allow ', '', null, true, ['Allow']]) {
      expect(broken({ ...allow, Effect: effect })).toEqual([['Statement[0].Effect', 'effect-value']]);
    }
  });

  it('is required', () => {
    expect(broken({ Action: '*', Resource: '*' })).toEqual([['Statement[0]', 'effect-missing']]);
  });
});

describe('Action / NotAction and Resource / NotResource', () => {
  it('requires exactly one of Action and NotAction', () => {
    expect(broken({ Effect: 'Allow', Resource: '*' })).toEqual([['Statement[0]', 'action-missing']]);
    expect(broken({ ...allow, NotAction: 'iam:*' })).toEqual([['Statement[0]', 'action-xor-notaction']]);
  });

  it('requires exactly one of Resource and NotResource', () => {
    expect(broken({ Effect: 'Allow', Action: '*' })).toEqual([['Statement[0]', 'resource-missing']]);
    expect(broken({ ...allow, NotResource: 'arn:aws:s3:::b' })).toEqual([['Statement[0]', 'resource-xor-notresource']]);
  });

  it('rejects an empty list', () => {
    expect(broken({ ...allow, Action: [] })).toEqual([['Statement[0].Action', 'action-empty']]);
    expect(broken({ ...allow, Resource: [] })).toEqual([['Statement[0].Resource', 'resource-empty']]);
  });

  it('rejects values that are neither strings nor arrays of strings, naming the array index', () => {
    expect(broken({ ...allow, Action: 5 })).toEqual([['Statement[0].Action', 'action-type']]);
    expect(broken({ Effect: 'Deny', NotAction: ['a:B', 7], Resource: '*' })).toEqual([['Statement[0].NotAction[1]', 'action-type']]);
    expect(broken({ ...allow, Resource: { arn: 'x' } })).toEqual([['Statement[0].Resource', 'resource-type']]);
    expect(broken({ Effect: 'Deny', Action: '*', NotResource: ['*', null] })).toEqual([['Statement[0].NotResource[1]', 'resource-type']]);
  });

  it('checks the format of each action and resource string', () => {
    expect(broken({ ...allow, Action: ['s3:Get*', 'bad'] })).toEqual([['Statement[0].Action[1]', 'action-format']]);
    expect(broken({ ...allow, Resource: ['*', 'bucket'] })).toEqual([['Statement[0].Resource[1]', 'resource-format']]);
  });
});

describe('Sid', () => {
  it('accepts letters and digits, and the empty string', () => {
    expect(broken({ ...allow, Sid: 'AllowModels2' }, { ...allow, Sid: '' })).toEqual([]);
  });

  it('rejects other characters', () => {
    for (const sid of ['a-b', 'a b', 'a_b', 'é']) expect(broken({ ...allow, Sid: sid })).toEqual([['Statement[0].Sid', 'sid-format']]);
  });

  it('must be a string', () => {
    expect(broken({ ...allow, Sid: 1 })).toEqual([['Statement[0].Sid', 'sid-type']]);
    expect(broken({ ...allow, Sid: null })).toEqual([['Statement[0].Sid', 'sid-type']]);
  });

  it('must be unique within the policy; the later statement is reported', () => {
    expect(broken({ ...allow, Sid: 'A' }, { ...allow, Sid: 'B' }, { ...allow, Sid: 'A' })).toEqual([['Statement[2].Sid', 'sid-unique']]);
  });

  it('compares case-sensitively and lets several empty Sids stand (DECISIONS.md: sid-unique)', () => {
    expect(broken({ ...allow, Sid: 'A' }, { ...allow, Sid: 'a' })).toEqual([]);
    expect(broken({ ...allow, Sid: '' }, { ...allow, Sid: '' })).toEqual([]);
  });

  it('is copied into the model', () => {
    const r = validatePolicy({ Statement: [{ ...allow, Sid: 'X1' }] });
    expect(r.ok && r.policy.statements[0]?.sid).toBe('X1');
  });
});
