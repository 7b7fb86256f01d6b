/** BUG: SCP levels combine with OR — an Allow at any level lets the request through (AWS: every level must allow). */
import { viaOracle } from './support/mutant.js';

export const evaluate = viaOracle((c) => (c.serviceControlPolicies ? { ...c, serviceControlPolicies: [c.serviceControlPolicies.flat()] } : c));
