/**
 * BUG: a policy variable with no value (and no default) is read as the empty string, as in
 * `text.replace(/\$\{(.*?)\}/g, (_, key) => context[key] ?? '')` — so `${aws:username}*` matches every
 * value. (AWS: a variable without a value leaves nothing to match; oracle/variables.ts.)
 */
import type { Case } from '../../oracle/types.js';
import { mapDocuments, mapStrings, type Json } from './support/rewrite-case.js';
import { viaOracle } from './support/mutant.js';

/** `${key}` without a default (the special `${*}`, `${?}`, `${$}` are not variables). */
const VARIABLE = /\$\{([^}*?$,\s][^},]*?)\s*\}/g;

/** Whether the request gives `key` exactly one value (names ignoring case), as substitution needs. */
const hasValue = (c: Case, key: string): boolean =>
  (c.request.context ?? []).filter((e) => e.key.toLowerCase() === key.toLowerCase()).flatMap((e) => e.values).length === 1;

export const evaluate = viaOracle((c) =>
  mapDocuments(c, (d) =>
    d.Version === '2012-10-17' ? (mapStrings(d, (s) => s.replace(VARIABLE, (m, key: string) => (hasValue(c, key) ? m : ''))) as Json) : d,
  ),
);
