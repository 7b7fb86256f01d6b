/** BUG: `*` in a resource ARN does not span `/` (treated like a path glob). */
import { glob, mapElementStrings, mapStatements, NEVER_RESOURCE } from './support/rewrite-case.js';
import { viaOracle } from './support/mutant.js';

export const evaluate = viaOracle((c) => {
  const r = c.request.resource;
  if (r === '*') return c;
  return mapStatements(c, (s) =>
    mapElementStrings(s, ['Resource', 'NotResource'], (p) =>
      !p.includes('${') && p !== '*' && glob(p, { ignoreCase: false }).test(r) && !glob(p, { ignoreCase: false, star: '[^/]*' }).test(r)
        ? NEVER_RESOURCE
        : p,
    ),
  );
});
