/**
 * A deliberately broken evaluator for the replay tests: it never sees an explicit Deny, answering
 * `allowed` wherever the oracle answers `explicitDeny`.
 */
import { evaluate as oracle } from '../../oracle/index.js';
import { isErrorVerdict, type Case, type Verdict } from '../../oracle/types.js';

export const name = 'deny-blind';
export const version = '0.0.1';

export function evaluate(c: Case): Verdict {
  const v = oracle(c);
  return !isErrorVerdict(v) && v.decision === 'explicitDeny' ? { decision: 'allowed' } : v;
}
