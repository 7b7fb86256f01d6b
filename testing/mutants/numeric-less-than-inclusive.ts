/** BUG: NumericLessThan is inclusive (evaluated as NumericLessThanEquals). */
import { rewriteEntries } from './support/condition-entries.js';
import { viaOracle } from './support/mutant.js';

export const evaluate = viaOracle((c) =>
  rewriteEntries(c, (e) => (/NumericLessThan(IfExists)?$/.test(e.operator) ? { operator: e.operator.replace('NumericLessThan', 'NumericLessThanEquals'), key: e.key, values: e.values } : 'keep')),
);
