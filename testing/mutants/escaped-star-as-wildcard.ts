/** BUG: `${*}` becomes a wildcard `*` instead of a literal asterisk. */
import { mapDocuments, mapStrings, type Json } from './support/rewrite-case.js';
import { viaOracle } from './support/mutant.js';

export const evaluate = viaOracle((c) =>
  mapDocuments(c, (d) => (d.Version === '2012-10-17' ? (mapStrings(d, (s) => s.split('${*}').join('*')) as Json) : d)),
);
