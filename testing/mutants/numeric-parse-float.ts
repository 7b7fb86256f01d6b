/** BUG: numeric request values are read with parseFloat, so ` 5`, `5 ` and `5abc` are the number 5. */
import type { Case } from '../../oracle/types.js';
import { viaOracle } from './support/mutant.js';

const lenient = (v: string): string => {
  const n = Number.parseFloat(v);
  return Number.isFinite(n) ? String(n) : v;
};

export const evaluate = viaOracle(
  (c): Case => ({
    ...c,
    request: {
      ...c.request,
      context: (c.request.context ?? []).map((e) => (e.type === 'numeric' || e.type === 'numericList' ? { ...e, values: e.values.map(lenient) } : e)),
    },
  }),
);
