/** BUG: ForAllValues is false when the key is absent (AWS: vacuously true). */
import { parseOperator, requestValues, rewriteEntries } from './support/condition-entries.js';
import { viaOracle } from './support/mutant.js';

export const evaluate = viaOracle((c) =>
  rewriteEntries(c, (e) => {
    const op = parseOperator(e.operator);
    return op.qualifier === 'ForAllValues:' && !op.ifExists && !requestValues(e.request, e.key) ? false : 'keep';
  }),
);
