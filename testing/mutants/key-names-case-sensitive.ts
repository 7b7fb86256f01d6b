/** BUG: condition-key names are matched case-sensitively (AWS: case-insensitive). */
import { rewriteEntries } from './support/condition-entries.js';
import { viaOracle } from './support/mutant.js';

export const evaluate = viaOracle((c) =>
  rewriteEntries(c, (e) => {
    const names = e.request.context.map((x) => x.key);
    const exact = names.includes(e.key);
    const loose = names.some((n) => n.toLowerCase() === e.key.toLowerCase());
    return loose && !exact ? { operator: e.operator, key: `${e.key}-not-found`, values: e.values } : 'keep';
  }),
);
