/** BUG: StringLike knows `*` but not `?` (a `?` in the pattern only matches a literal `?`). */
import { rewriteEntries } from './support/condition-entries.js';
import { mapStrings } from './support/rewrite-case.js';
import { viaOracle } from './support/mutant.js';

// `${?}` is the literal question mark (policy variables page): only expressible under 2012-10-17.
export const evaluate = viaOracle((c) =>
  rewriteEntries(c, (e) =>
    /String(Not)?Like/.test(e.operator) && e.version === '2012-10-17'
      ? { operator: e.operator, key: e.key, values: mapStrings(e.values, (s) => s.replace(/\?(?![^{]*\})/g, '${?}')) }
      : 'keep',
  ),
);
