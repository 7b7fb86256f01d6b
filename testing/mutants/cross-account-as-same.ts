/** BUG: a resource owned by another account is evaluated as if the caller's account owned it. */
import { viaOracle } from './support/mutant.js';

export const evaluate = viaOracle((c) => {
  const { resourceOwner: _ignored, ...request } = c.request;
  return { ...c, request };
});
