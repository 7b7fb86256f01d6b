/** BUG: only the first value of a multivalued context entry is read. */
import { viaOracle } from './support/mutant.js';

export const evaluate = viaOracle((c) => ({
  ...c,
  request: { ...c.request, context: c.request.context.map((e) => ({ ...e, values: e.values.slice(0, 1) })) },
}));
