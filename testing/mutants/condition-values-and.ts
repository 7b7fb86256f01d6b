/** BUG: several values under a positive operator must all match (AWS: any one — OR). */
import { NEGATED_OPERATORS, type ConditionOperator } from '../../oracle/types.js';
import { entryHolds, parseOperator, rewriteEntries, valueList } from './support/condition-entries.js';
import { viaOracle } from './support/mutant.js';

export const evaluate = viaOracle((c) =>
  rewriteEntries(c, (e) => {
    const values = valueList(e.values);
    const base = parseOperator(e.operator).base;
    if (base === 'Null' || NEGATED_OPERATORS.has(base as ConditionOperator) || values.length < 2) return 'keep';
    return values.every((v) => entryHolds({ ...e, values: [v] }));
  }),
);
