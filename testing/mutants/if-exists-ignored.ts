/** BUG: `…IfExists` is ignored: the operator is evaluated as the plain one (false on a missing key). */
import { rewriteEntries } from './support/condition-entries.js';
import { viaOracle } from './support/mutant.js';

export const evaluate = viaOracle((c) =>
  rewriteEntries(c, (e) => (e.operator.endsWith('IfExists') ? { operator: e.operator.slice(0, -'IfExists'.length), key: e.key, values: e.values } : 'keep')),
);
