import { evaluate as oracle } from '../../../oracle/index.js';
import type { Case, Verdict } from '../../../oracle/types.js';

/** A mutant that misreads the case: rewrite it the buggy way, then ask the real oracle. */
export const viaOracle =
  (misread: (c: Case) => Case) =>
  (c: Case): Verdict =>
    oracle(misread(c));
