/** BUG: of several permissions boundaries only the last is read. */
import { viaOracle } from './support/mutant.js';

export const evaluate = viaOracle((c) => {
  const b = c.permissionsBoundaries ?? [];
  return b.length > 1 ? { ...c, permissionsBoundaries: b.slice(-1) } : c;
});
