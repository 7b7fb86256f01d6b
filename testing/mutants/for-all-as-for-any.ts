/** BUG: ForAllValues is evaluated as ForAnyValue. */
import { rewriteEntries } from './support/condition-entries.js';
import { viaOracle } from './support/mutant.js';

export const evaluate = viaOracle((c) =>
  rewriteEntries(c, (e) => (e.operator.startsWith('ForAllValues:') ? { operator: e.operator.replace('ForAllValues:', 'ForAnyValue:'), key: e.key, values: e.values } : 'keep')),
);
