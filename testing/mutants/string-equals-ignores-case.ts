/** BUG: StringEquals / StringNotEquals compare ignoring case. */
import { rewriteEntries } from './support/condition-entries.js';
import { viaOracle } from './support/mutant.js';

export const evaluate = viaOracle((c) =>
  rewriteEntries(c, (e) =>
    /String(Not)?Equals(IfExists)?$/.test(e.operator) ? { operator: e.operator.replace(/String(Not)?Equals/, 'String$1EqualsIgnoreCase'), key: e.key, values: e.values } : 'keep',
  ),
);
