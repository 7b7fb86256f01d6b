/** BUG: the default of `${key, 'default'}` is ignored (the variable is treated as absent). */
import { mapDocuments, mapStrings, type Json } from './support/rewrite-case.js';
import { viaOracle } from './support/mutant.js';

export const evaluate = viaOracle((c) => mapDocuments(c, (d) => mapStrings(d, (s) => s.replace(/\$\{([^},]+),\s*'[^']*'\s*\}/g, '${$1}')) as Json));
