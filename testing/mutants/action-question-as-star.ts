/** BUG: `?` in an action pattern is treated like `*` (any run instead of exactly one character). */
import { mapElementStrings, mapStatements } from './support/rewrite-case.js';
import { viaOracle } from './support/mutant.js';

export const evaluate = viaOracle((c) => mapStatements(c, (s) => mapElementStrings(s, ['Action', 'NotAction'], (p) => p.replace(/\?/g, '*'))));
