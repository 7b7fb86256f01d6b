/** BUG: the resource-based policy is ignored (neither its grants nor its denies count). */
import { viaOracle } from './support/mutant.js';

export const evaluate = viaOracle(({ resourcePolicy: _ignored, ...c }) => c);
