/** BUG: `${…}` is substituted under Version 2008-10-17 (or no Version), where AWS reads it literally. */
import { mapDocuments } from './support/rewrite-case.js';
import { viaOracle } from './support/mutant.js';

export const evaluate = viaOracle((c) =>
  mapDocuments(c, (d) => (d.Version !== '2012-10-17' && JSON.stringify(d).includes('${') ? { ...d, Version: '2012-10-17' } : d)),
);
