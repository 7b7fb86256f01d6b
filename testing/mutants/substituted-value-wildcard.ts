/** BUG: a substituted variable value is pasted into the pattern, so a `*` or `?` in it acts as a wildcard. */
import type { Case } from '../../oracle/types.js';
import { mapDocuments, mapStrings, type Json } from './support/rewrite-case.js';
import { viaOracle } from './support/mutant.js';

const VARIABLE = /\$\{([^}*?$,][^},]*)(?:,\s*'[^']*')?\s*\}/g;

/** The single request value of `key` (ignoring case), when it holds a wildcard character. */
function wildValue(c: Case, key: string): string | undefined {
  const e = (c.request.context ?? []).find((x) => x.key.toLowerCase() === key.trim().toLowerCase());
  const v = e?.values.length === 1 ? e.values[0] : undefined;
  return v !== undefined && /[*?]/.test(v) ? v : undefined;
}

export const evaluate = viaOracle((c) =>
  mapDocuments(c, (d) =>
    d.Version === '2012-10-17' ? (mapStrings(d, (s) => s.replace(VARIABLE, (m, key: string) => wildValue(c, key) ?? m)) as Json) : d,
  ),
);
