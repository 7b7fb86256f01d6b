/** BUG: a resource policy's Principal / NotPrincipal is ignored — every statement applies to every caller. */
import { viaOracle } from './support/mutant.js';
import { isObject } from './support/rewrite-case.js';

const everyone = (s: unknown): unknown => {
  if (!isObject(s)) return s;
  const { Principal: _p, NotPrincipal: _n, ...rest } = s;
  return 'Principal' in s || 'NotPrincipal' in s ? { ...rest, Principal: '*' } : s;
};

export const evaluate = viaOracle((c) => {
  const rp = c.resourcePolicy;
  if (!isObject(rp)) return c;
  return { ...c, resourcePolicy: { ...rp, Statement: Array.isArray(rp.Statement) ? rp.Statement.map(everyone) : everyone(rp.Statement) } };
});
