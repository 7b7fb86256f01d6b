/**
 * BUG: the permissions boundary limits a same-account resource-policy grant to the caller's own ARN too
 * (AWS: such a grant "is not limited by an implicit deny in an identity-based policy or permissions boundary").
 */
import { ALLOW_ALL } from '../../generators/policy-set.js';
import type { Case, Verdict } from '../../oracle/types.js';
import { truth } from './support/probes.js';

export function evaluate(c: Case): Verdict {
  const v = truth(c);
  if (!('decision' in v) || v.decision !== 'allowed' || !c.permissionsBoundaries?.length) return v;
  // Would the boundary let anything through on its own? With an identity policy allowing everything:
  const { caller: _c, resourceOwner: _o, ...request } = c.request;
  const probe = truth({ policies: [ALLOW_ALL], permissionsBoundaries: c.permissionsBoundaries, request });
  return 'decision' in probe && probe.decision !== 'allowed' ? { decision: 'implicitDeny' } : v;
}
