/** BUG: deny precedence broken — an applicable Allow wins over an applicable Deny. */
import type { Case, Verdict } from '../../oracle/types.js';
import { mapStatements, NEVER_ACTION } from './support/rewrite-case.js';
import { truth } from './support/probes.js';

export function evaluate(c: Case): Verdict {
  const v = truth(c);
  if ('error' in v) return v;
  const withoutDenies = mapStatements(c, (s) => (s.Effect === 'Deny' ? { Effect: 'Deny', Action: NEVER_ACTION, Resource: '*' } : s));
  const w = truth(withoutDenies);
  return 'decision' in w && w.decision === 'allowed' ? w : v;
}
