/**
 * Policy variables: `${key}` placeholders replaced by request-context values before matching.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 *
 * - Only policies with `"Version": "2012-10-17"` have variables; older or absent Version → literal text
 *   (the caller simply does not parse the template).
 * - `${*}`, `${?}`, `${$}` are literal `*`, `?`, `$` (never wildcards, even in StringLike).
 * - `${key, 'default'}` uses the default when the key is absent.
 * - Key names are case-insensitive (`${AWS:UserName}` ≡ `${aws:username}`).
 * - DECISION (docs: "multivalued keys cannot be variables"): a key with several values in the request
 *   has no single value, so it is treated like an absent key (default if any, else unresolved).
 * - DECISION (syntax not fully specified): a `${` that does not form a well-formed variable (empty key,
 *   whitespace in the key, unterminated, default not in single quotes) is kept as literal text.
 */
import type { PatternRun } from './wildcard.js';

export type TemplatePart =
  /** Policy text; `*` / `?` in it are wildcards where the operator has wildcards. */
  | { readonly kind: 'text'; readonly text: string }
  /** `${*}`, `${?}`, `${$}`: always the literal character. */
  | { readonly kind: 'literal'; readonly text: string; readonly raw: string }
  | {
      readonly kind: 'variable';
      readonly key: string;
      readonly keyLower: string;
      readonly fallback: string | undefined;
      readonly raw: string;
    };

/** Looks a context key up by its lower-cased name; `undefined` or `[]` when absent. */
export type ContextLookup = (keyLower: string) => readonly string[] | undefined;

const ESCAPES = new Set(['*', '?', '$']);
const KEY_CHAR = /^[^\s${}',]+$/;

/**
 * Splits a policy string into text, escapes and variables.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-specialchars
 */
export function parseTemplate(source: string): readonly TemplatePart[] {
  const parts: TemplatePart[] = [];
  let text = '';
  let i = 0;
  while (i < source.length) {
    const start = source.indexOf('${', i);
    if (start < 0) break;
    const parsed = parsePlaceholder(source, start);
    if (!parsed) {
      text += source.slice(i, start + 2);
      i = start + 2;
      continue;
    }
    text += source.slice(i, start);
    if (text) parts.push({ kind: 'text', text });
    text = '';
    parts.push(parsed.part);
    i = parsed.end;
  }
  text += source.slice(i);
  if (text) parts.push({ kind: 'text', text });
  return parts;
}

/** Parses `${...}` at `start`; undefined when it is not a well-formed placeholder. */
function parsePlaceholder(source: string, start: number): { part: TemplatePart; end: number } | undefined {
  const close = source.indexOf('}', start + 2);
  const comma = source.indexOf(',', start + 2);
  if (close < 0) return undefined;
  if (comma < 0 || comma > close) {
    const inner = source.slice(start + 2, close);
    const raw = source.slice(start, close + 1);
    if (ESCAPES.has(inner)) return { part: { kind: 'literal', text: inner, raw }, end: close + 1 };
    if (!KEY_CHAR.test(inner)) return undefined;
    return { part: variable(inner, undefined, raw), end: close + 1 };
  }
  // `${key, 'default'}`: the default is quoted, so it may itself contain `}` or `,`.
  const key = source.slice(start + 2, comma);
  if (!KEY_CHAR.test(key)) return undefined;
  let j = comma + 1;
  while (source[j] === ' ') j++;
  if (source[j] !== "'") return undefined;
  const quoteEnd = source.indexOf("'", j + 1);
  if (quoteEnd < 0) return undefined;
  let k = quoteEnd + 1;
  while (source[k] === ' ') k++;
  if (source[k] !== '}') return undefined;
  return { part: variable(key, source.slice(j + 1, quoteEnd), source.slice(start, k + 1)), end: k + 1 };
}

const variable = (key: string, fallback: string | undefined, raw: string): TemplatePart => ({
  kind: 'variable',
  key,
  keyLower: key.toLowerCase(),
  fallback,
  raw,
});

/** Whether any part needs the request context (or an escape) to be resolved. */
export const hasPlaceholders = (parts: readonly TemplatePart[]): boolean => parts.some((p) => p.kind !== 'text');

/** The variable keys a template references, as written. */
export const templateKeys = (parts: readonly TemplatePart[]): string[] =>
  parts.flatMap((p) => (p.kind === 'variable' ? [p.key] : []));

/**
 * Replaces variables with context values; `undefined` when a variable has no value and no default
 * (AWS: the value is "effectively null", so the pattern or condition value matches nothing).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-no-value
 */
export function resolveTemplate(parts: readonly TemplatePart[], lookup: ContextLookup): PatternRun[] | undefined {
  const runs: PatternRun[] = [];
  for (const part of parts) {
    if (part.kind === 'text') runs.push({ text: part.text, wild: true });
    else if (part.kind === 'literal') runs.push({ text: part.text, wild: false });
    else {
      const values = lookup(part.keyLower);
      const value = values?.length === 1 ? values[0] : part.fallback;
      if (value === undefined) return undefined;
      runs.push({ text: value, wild: false });
    }
  }
  return runs;
}

/** The plain string a list of runs spells (wildcards are just characters here). */
export const runsText = (runs: readonly PatternRun[]): string => runs.map((r) => r.text).join('');
