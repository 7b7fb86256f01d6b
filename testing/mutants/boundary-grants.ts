/** BUG: a permissions boundary grants by itself (read as one more identity policy). */
import { viaOracle } from './support/mutant.js';

export const evaluate = viaOracle(({ permissionsBoundaries, ...c }) => ({ ...c, policies: [...c.policies, ...(permissionsBoundaries ?? [])] }));
