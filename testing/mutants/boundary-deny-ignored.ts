/** BUG: Deny statements in a permissions boundary are ignored (only its Allows are read). */
import { mapStatements, NEVER_ACTION } from './support/rewrite-case.js';
import { viaOracle } from './support/mutant.js';

export const evaluate = viaOracle((c) => {
  if (!c.permissionsBoundaries?.length) return c;
  const neutral = mapStatements({ ...c, policies: [] }, (s) => (s.Effect === 'Deny' ? { Effect: 'Deny', Action: NEVER_ACTION, Resource: '*' } : s));
  return { ...c, permissionsBoundaries: neutral.permissionsBoundaries };
});
