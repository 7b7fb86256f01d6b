/** BUG: a negated operator (StringNotEquals, NotIpAddress, …) is false when the key is missing (AWS: true). */
import { NEGATED_OPERATORS, type ConditionOperator } from '../../oracle/types.js';
import { parseOperator, requestValues, rewriteEntries } from './support/condition-entries.js';
import { viaOracle } from './support/mutant.js';

export const evaluate = viaOracle((c) =>
  rewriteEntries(c, (e) => {
    const op = parseOperator(e.operator);
    const negated = NEGATED_OPERATORS.has(op.base as ConditionOperator);
    return negated && !op.qualifier && !op.ifExists && !requestValues(e.request, e.key) ? false : 'keep';
  }),
);
