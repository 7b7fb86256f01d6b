/** BUG: permissions boundaries are ignored. */
import { viaOracle } from './support/mutant.js';

export const evaluate = viaOracle(({ permissionsBoundaries: _ignored, ...c }) => c);
