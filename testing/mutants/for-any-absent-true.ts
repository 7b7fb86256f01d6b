/** BUG: ForAnyValue holds when the key is absent (AWS: false). */
import { parseOperator, requestValues, rewriteEntries } from './support/condition-entries.js';
import { viaOracle } from './support/mutant.js';

export const evaluate = viaOracle((c) =>
  rewriteEntries(c, (e) => (parseOperator(e.operator).qualifier === 'ForAnyValue:' && !requestValues(e.request, e.key) ? true : 'keep')),
);
