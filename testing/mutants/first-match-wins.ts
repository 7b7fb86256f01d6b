/** BUG: the first applicable statement (in document order) decides, as in a firewall rule list. */
import type { Case, Verdict } from '../../oracle/types.js';
import { applies, statementsIn, truth } from './support/probes.js';

export function evaluate(c: Case): Verdict {
  const v = truth(c);
  if ('error' in v || (c.permissionsBoundaries?.length ?? 0) > 0) return v;
  for (const s of statementsIn(c.policies)) {
    if (applies(s, c.request)) return { decision: s.statement.Effect === 'Deny' ? 'explicitDeny' : 'allowed' };
  }
  return { decision: 'implicitDeny' };
}
