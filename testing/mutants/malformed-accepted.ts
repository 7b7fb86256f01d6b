/** BUG: policies are not validated: a malformed document is evaluated (here: it grants nothing). */
import type { Case, Verdict } from '../../oracle/types.js';
import { MALFORMED_POLICY } from '../../oracle/types.js';
import { truth } from './support/probes.js';

export function evaluate(c: Case): Verdict {
  const v = truth(c);
  return 'error' in v && v.error.code === MALFORMED_POLICY ? { decision: 'implicitDeny' } : v;
}
