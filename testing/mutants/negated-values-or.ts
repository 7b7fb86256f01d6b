/** BUG: several values under a negated operator combine with OR (AWS: NOR — match none of them). */
import { NEGATED_OPERATORS, type ConditionOperator } from '../../oracle/types.js';
import { entryHolds, parseOperator, rewriteEntries, valueList } from './support/condition-entries.js';
import { viaOracle } from './support/mutant.js';

export const evaluate = viaOracle((c) =>
  rewriteEntries(c, (e) => {
    const values = valueList(e.values);
    if (!NEGATED_OPERATORS.has(parseOperator(e.operator).base as ConditionOperator) || values.length < 2) return 'keep';
    return values.some((v) => entryHolds({ ...e, values: [v] }));
  }),
);
