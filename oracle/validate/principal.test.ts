import { describe, expect, it } from 'vitest';
import { validatePolicy } from './index.js';

const rp = (statement: object) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', ...statement }] });
const rules = (doc: unknown, policyType: 'identity' | 'resource' | 'serviceControl') => {
  const r = validatePolicy(doc, { policyType });
  return r.ok ? [] : r.errors.map((e) => `${e.rule}@${e.path}`);
};

describe('Principal and NotPrincipal per policy type', () => {
  it('reads "*", {"AWS": "*"} and account, user and service principals of a resource policy', () => {
    const r = validatePolicy(rp({ Principal: { AWS: ['*', 'arn:aws:iam::123456789012:user/a', '123456789012'], Service: 's3.amazonaws.com' } }), { policyType: 'resource' });
    expect(r.ok && r.policy.statements[0]?.principal).toEqual({
      negated: false,
      any: true,
      aws: ['arn:aws:iam::123456789012:user/a', '123456789012'],
      others: ['s3.amazonaws.com'],
    });
    expect(rules(rp({ Principal: '*' }), 'resource')).toEqual([]);
  });

  it('requires exactly one of Principal and NotPrincipal in a resource policy, NotPrincipal only with Deny', () => {
    expect(rules(rp({}), 'resource')).toEqual(['principal-missing@Statement[0]']);
    expect(rules(rp({ Effect: 'Deny', Principal: '*', NotPrincipal: '*' }), 'resource')).toEqual(['principal-xor-notprincipal@Statement[0]']);
    expect(rules(rp({ NotPrincipal: { AWS: '123456789012' } }), 'resource')).toEqual(['not-principal-allow@Statement[0].NotPrincipal']);
  });

  it('rejects principals the grammar does not allow', () => {
    expect(rules(rp({ Principal: 'arn:aws:iam::123456789012:root' }), 'resource')).toEqual(['principal-type@Statement[0].Principal']);
    expect(rules(rp({ Principal: { AWS: 'arn:aws:iam::123456789012:user/*' } }), 'resource')).toEqual(['principal-partial-wildcard@Statement[0].Principal.AWS']);
    expect(rules(rp({ Principal: { Service: ['s3.amazonaws.com', '*'] } }), 'resource')).toEqual(['principal-service-wildcard@Statement[0].Principal.Service[1]']);
    expect(rules(rp({ Principal: { User: 'x' } }), 'resource')).toEqual(['principal-key-unknown@Statement[0].Principal.User']);
    expect(rules(rp({ Principal: { AWS: [] } }), 'resource')).toEqual(['principal-value-type@Statement[0].Principal.AWS']);
  });

  it('forbids them in identity policies and SCPs, and holds SCPs to Version 2012-10-17', () => {
    expect(rules(rp({ Principal: '*' }), 'identity')).toEqual(['principal-forbidden@Statement[0].Principal']);
    expect(rules(rp({ Principal: '*' }), 'serviceControl')).toEqual(['principal-forbidden@Statement[0].Principal']);
    expect(rules({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, 'serviceControl')).toEqual(['scp-version@']);
    expect(rules({ Version: '2008-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, 'serviceControl')).toEqual(['scp-version@Version']);
  });
});
