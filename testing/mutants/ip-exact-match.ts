/** BUG: IpAddress ignores the CIDR prefix: the request address must equal the policy text. */
import { rewriteEntries } from './support/condition-entries.js';
import { viaOracle } from './support/mutant.js';
import { singleValued } from './support/single-value.js';

export const evaluate = viaOracle((c) =>
  rewriteEntries(c, (e) => {
    const s = singleValued(e, /IpAddress$/);
    if (!s) return 'keep';
    const hit = s.policy.some((p) => p === s.value);
    return s.base === 'NotIpAddress' ? !hit : hit;
  }),
);
