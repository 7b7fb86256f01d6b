/** BUG: a plain (unqualified) operator on a key with several request values matches if any value does. */
import { parseOperator, requestValues, rewriteEntries } from './support/condition-entries.js';
import { viaOracle } from './support/mutant.js';

export const evaluate = viaOracle((c) =>
  rewriteEntries(c, (e) => {
    const op = parseOperator(e.operator);
    const several = (requestValues(e.request, e.key)?.length ?? 0) > 1;
    return !op.qualifier && op.base !== 'Null' && several ? { operator: `ForAnyValue:${e.operator}`, key: e.key, values: e.values } : 'keep';
  }),
);
