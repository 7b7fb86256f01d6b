/** BUG: `${…}` is never substituted, even under Version 2012-10-17 (read as literal text, as in 2008). */
import { mapDocuments } from './support/rewrite-case.js';
import { viaOracle } from './support/mutant.js';

export const evaluate = viaOracle((c) =>
  mapDocuments(c, (d) => (d.Version === '2012-10-17' && JSON.stringify(d).includes('${') ? { ...d, Version: '2008-10-17' } : d)),
);
