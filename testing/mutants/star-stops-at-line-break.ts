/**
 * BUG: a wildcard pattern is turned into a RegExp with `.*` and `.` but without the `s` flag, so `*` and
 * `?` do not match a line break (`\n`, `\r`, U+2028, U+2029) — in Resource, NotResource, StringLike and
 * the ARN operators alike (ArnEquals takes wildcards as ArnLike does). (AWS: `*` matches any run of characters.)
 */
import { entryHolds, rewriteEntries } from './support/condition-entries.js';
import { mapElementStrings, mapStatements, NEVER_RESOURCE } from './support/rewrite-case.js';
import { viaOracle } from './support/mutant.js';
import { singleValued } from './support/single-value.js';

const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** The buggy translation: `*` → `.*`, `?` → `.`, no `s` flag (ignoring case: only the line break is the bug here). */
const dotRegExp = (pattern: string): RegExp =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\*?]/g, (ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : `\\${ch}`))}$`, 'i');

export const evaluate = viaOracle((c) => {
  const r = c.request.resource;
  const resources = LINE_BREAK.test(r)
    ? mapStatements(c, (s) => mapElementStrings(s, ['Resource', 'NotResource'], (p) => (/[*?]/.test(p) && !p.includes('${') && !dotRegExp(p).test(r) ? NEVER_RESOURCE : p)))
    : c;
  return rewriteEntries(resources, (e) => {
    const s = singleValued(e, /^(StringLike|StringNotLike|Arn(Not)?(Like|Equals))$/);
    if (!s || !LINE_BREAK.test(s.value) || s.policy.some((p) => p.includes('${'))) return 'keep';
    const negated = s.base.includes('Not');
    // The oracle's own answer for the positive operator, then the line break check on top: the bug only
    // ever loses a match, never finds one.
    const positive = entryHolds({ ...e, operator: s.base.replace('Not', '') }) && s.policy.some((p) => dotRegExp(p).test(s.value));
    return negated ? !positive : positive;
  });
});
