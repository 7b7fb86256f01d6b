/** BUG: Date operators compare the text of the dates, not the instants (epoch and offsets go wrong). */
import { rewriteEntries } from './support/condition-entries.js';
import { viaOracle } from './support/mutant.js';
import { singleValued } from './support/single-value.js';

const TESTS: Record<string, (cmp: number) => boolean> = {
  DateEquals: (c) => c === 0,
  DateLessThan: (c) => c < 0,
  DateLessThanEquals: (c) => c <= 0,
  DateGreaterThan: (c) => c > 0,
  DateGreaterThanEquals: (c) => c >= 0,
};

export const evaluate = viaOracle((c) =>
  rewriteEntries(c, (e) => {
    const s = singleValued(e, /^Date/);
    if (!s) return 'keep';
    const cmp = (p: string): number => (s.value < p ? -1 : s.value > p ? 1 : 0);
    if (s.base === 'DateNotEquals') return !s.policy.some((p) => cmp(p) === 0);
    const test = TESTS[s.base];
    return test ? s.policy.some((p) => test(cmp(p))) : 'keep';
  }),
);
