/**
 * Case rewrites the mutants are built from: a mutant is usually "rewrite the case the way the bug
 * misreads it, then ask the real oracle". Works on JSON documents; odd shapes are left alone so that
 * the oracle still rejects what it rejects.
 */
import type { Case, PolicyDocument } from '../../../oracle/types.js';

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Applies `f` to every statement object of every identity policy and boundary (copies, never in place). */
export function mapStatements(c: Case, f: (s: Json, doc: Json) => Json): Case {
  const mapDoc = (d: PolicyDocument): PolicyDocument => {
    if (!isObject(d)) return d;
    const copy = structuredClone(d);
    const s = copy.Statement;
    if (Array.isArray(s)) copy.Statement = s.map((x) => (isObject(x) ? f(x, copy) : x));
    else if (isObject(s)) copy.Statement = f(s, copy);
    return copy;
  };
  return {
    ...c,
    policies: c.policies.map(mapDoc),
    ...(c.permissionsBoundaries ? { permissionsBoundaries: c.permissionsBoundaries.map(mapDoc) } : {}),
  };
}

/** Applies `f` to every document (identity and boundary). */
export function mapDocuments(c: Case, f: (d: Json) => Json): Case {
  const g = (d: PolicyDocument): PolicyDocument => (isObject(d) ? f(structuredClone(d)) : d);
  return { ...c, policies: c.policies.map(g), ...(c.permissionsBoundaries ? { permissionsBoundaries: c.permissionsBoundaries.map(g) } : {}) };
}

/** Renames a statement element (NotAction → Action …) when present. */
export const renameElement = (from: string, to: string) => (s: Json): Json => {
  if (!(from in s) || to in s) return s;
  const { [from]: v, ...rest } = s;
  return { ...rest, [to]: v };
};

/** Maps every string of an element holding a string or a list of strings. */
export function mapElementStrings(s: Json, keys: readonly string[], f: (p: string) => string): Json {
  const out = { ...s };
  for (const k of keys) {
    if (!(k in out)) continue;
    const v = out[k];
    out[k] = Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? f(x) : x)) : typeof v === 'string' ? f(v) : v;
  }
  return out;
}

/** Maps the whole text of every string in a JSON value. */
export function mapStrings(v: unknown, f: (s: string) => string): unknown {
  if (typeof v === 'string') return f(v);
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, f));
  if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapStrings(x, f)]));
  return v;
}

/** `*` any run, `?` one character; `star` is what `*` may span. */
export function glob(pattern: string, opts: { ignoreCase: boolean; star?: string }): RegExp {
  const star = opts.star ?? '.*';
  const body = pattern.replace(/[.+^${}()|[\]\\*?]/g, (ch) => (ch === '*' ? star : ch === '?' ? '.' : `\\${ch}`));
  return new RegExp(`^${body}$`, opts.ignoreCase ? 'is' : 's');
}

/** An action no request ever names, and an ARN no request ever names: "this pattern matches nothing". */
export const NEVER_ACTION = 'mutant:NeverRequestedAction';
export const NEVER_RESOURCE = 'arn:aws:mutant:us-east-1:000000000000:never/requested';
