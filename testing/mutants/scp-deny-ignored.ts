/** BUG: Deny statements in SCPs are ignored (only their Allows are read). */
import type { PolicyDocument } from '../../oracle/types.js';
import { viaOracle } from './support/mutant.js';
import { isObject, NEVER_ACTION } from './support/rewrite-case.js';

const withoutDenies = (d: PolicyDocument): PolicyDocument => {
  if (!isObject(d)) return d;
  const neutral = (s: unknown) => (isObject(s) && s.Effect === 'Deny' ? { Effect: 'Deny', Action: NEVER_ACTION, Resource: '*' } : s);
  return { ...d, Statement: Array.isArray(d.Statement) ? d.Statement.map(neutral) : neutral(d.Statement) };
};

export const evaluate = viaOracle((c) =>
  c.serviceControlPolicies ? { ...c, serviceControlPolicies: c.serviceControlPolicies.map((level) => level.map(withoutDenies)) } : c,
);
