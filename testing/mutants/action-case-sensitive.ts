/** BUG: action names are matched case-sensitively. */
import { glob, mapElementStrings, mapStatements, NEVER_ACTION } from './support/rewrite-case.js';
import { viaOracle } from './support/mutant.js';

export const evaluate = viaOracle((c) =>
  mapStatements(c, (s) =>
    mapElementStrings(s, ['Action', 'NotAction'], (p) =>
      glob(p, { ignoreCase: true }).test(c.request.action) && !glob(p, { ignoreCase: false }).test(c.request.action) ? NEVER_ACTION : p,
    ),
  ),
);
