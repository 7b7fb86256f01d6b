/**
 * Pure rewrites of policy documents used by the metamorphic properties. They work on generated
 * (well-formed) documents; anything unexpected is left as it is.
 */
import type { Case, PolicyDocument } from '../../../oracle/types.js';

export type Doc = Record<string, unknown>;
export type Stmt = Record<string, unknown>;

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The statements of a document as an array. */
export function statementsOf(doc: PolicyDocument): Stmt[] {
  if (!isObject(doc)) return [];
  const s = doc.Statement;
  return (Array.isArray(s) ? s : [s]).filter(isObject);
}

/** A copy of `doc` with its statements replaced. */
export const withStatements = (doc: PolicyDocument, statements: readonly Stmt[]): Doc => ({ ...(doc as Doc), Statement: [...statements] });

/** Maps every statement of every identity policy and boundary. */
export function mapStatements(c: Case, f: (s: Stmt) => Stmt): Case {
  const mapDoc = (d: PolicyDocument): PolicyDocument => (isObject(d) ? withStatements(d, statementsOf(d).map((s) => f(structuredClone(s)))) : d);
  return {
    ...c,
    policies: c.policies.map(mapDoc),
    ...(c.permissionsBoundaries ? { permissionsBoundaries: c.permissionsBoundaries.map(mapDoc) } : {}),
  };
}

/** Maps the Condition block of every statement (statements without one are untouched). */
export function mapConditions(c: Case, f: (block: Record<string, Record<string, unknown>>) => Record<string, Record<string, unknown>>): Case {
  return mapStatements(c, (s) => {
    if (!isObject(s.Condition)) return s;
    const out = f(s.Condition as Record<string, Record<string, unknown>>);
    const copy = { ...s };
    if (Object.keys(out).length === 0) delete copy.Condition;
    else copy.Condition = out;
    return copy;
  });
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

/** Maps the action strings of Action / NotAction elements. */
export function mapActions(c: Case, f: (patterns: readonly string[]) => string[]): Case {
  return mapStatements(c, (s) => {
    for (const k of ['Action', 'NotAction']) if (k in s) s[k] = f(asList(s[k]).map(String));
    return s;
  });
}

/** The case with a context lookup (case-insensitive key names, as AWS matches them). */
export function contextEntry(c: Case, key: string) {
  return c.request.context.find((e) => e.key.toLowerCase() === key.toLowerCase());
}

/** Letter case of every character swapped: the strongest case change. */
export const swapCase = (s: string): string =>
  [...s].map((ch) => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase())).join('');

/** Rotates an array by `k` (a permutation that shrinks to the identity at k = 0). */
export function rotate<T>(xs: readonly T[], k: number): T[] {
  if (xs.length === 0) return [];
  const r = k % xs.length;
  return [...xs.slice(r), ...xs.slice(0, r)];
}

/** Reverses then rotates: reaches orders a rotation alone cannot. */
export const reorder = <T>(xs: readonly T[], k: number): T[] => rotate(k % 2 ? [...xs].reverse() : xs, k >> 1);

/** Whether any document in the case has a Version other than 2012-10-17 (variables behave differently). */
export const versionOf = (d: PolicyDocument): string => (isObject(d) && typeof d.Version === 'string' ? d.Version : '2008-10-17');
