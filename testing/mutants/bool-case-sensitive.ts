/** BUG: Bool compares the text exactly, so a policy "True" never matches a request "true". */
import { rewriteEntries } from './support/condition-entries.js';
import { viaOracle } from './support/mutant.js';
import { singleValued } from './support/single-value.js';

export const evaluate = viaOracle((c) =>
  rewriteEntries(c, (e) => {
    const s = singleValued(e, /^Bool$/);
    return s ? s.policy.some((p) => p === s.value) : 'keep';
  }),
);
