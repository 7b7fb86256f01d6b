/**
 * Condition-level mutants: each (operator, key) entry of every Condition block is kept, rewritten, or
 * replaced by a constant computed the buggy way. A constant `true` drops the entry; a constant `false`
 * becomes `Null: {mutant:absent: false}` (the key is never sent, so it never holds).
 */
import { evaluate as oracle } from '../../../oracle/index.js';
import type { Case, Request } from '../../../oracle/types.js';
import { isObject, mapStatements, type Json } from './rewrite-case.js';

export interface Entry {
  readonly operator: string;
  readonly key: string;
  readonly values: unknown;
  /** The Version of the document holding the entry ('2008-10-17' when absent). */
  readonly version: string;
  readonly request: Request;
}

/** What to do with an entry: keep it, replace it (operator, key, values), or a constant. */
export type EntryFate = 'keep' | boolean | { readonly operator: string; readonly key: string; readonly values: unknown };

const ABSENT_KEY = 'mutant:absent';

export function rewriteEntries(c: Case, fate: (e: Entry) => EntryFate): Case {
  return mapStatements(c, (s, doc) => {
    if (!isObject(s.Condition)) return s;
    const version = typeof doc.Version === 'string' ? doc.Version : '2008-10-17';
    const out: Record<string, Json> = {};
    let never = false;
    for (const [operator, keys] of Object.entries(s.Condition)) {
      if (!isObject(keys)) {
        out[operator] = keys as Json;
        continue;
      }
      for (const [key, values] of Object.entries(keys)) {
        const f = fate({ operator, key, values, version, request: c.request });
        if (f === true) continue;
        if (f === false) never = true;
        else if (f === 'keep') (out[operator] ??= {})[key] = values;
        else (out[f.operator] ??= {})[f.key] = f.values;
      }
      if (Object.keys(keys).length === 0) out[operator] ??= {};
    }
    if (never) out.Null = { ...(out.Null ?? {}), [ABSENT_KEY]: 'false' };
    return { ...s, Condition: out };
  });
}

/** Whether one entry holds for the request, by the real oracle (a one-statement `Allow *` probe). */
export function entryHolds(e: Pick<Entry, 'operator' | 'key' | 'values' | 'version' | 'request'>): boolean {
  const probe: Case = {
    policies: [
      { Version: e.version, Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { [e.operator]: { [e.key]: e.values } } }] },
    ],
    request: e.request,
  };
  const v = oracle(probe);
  return 'decision' in v && v.decision === 'allowed';
}

export const valueList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

/** The request's values for a key, matching names ignoring case (undefined when absent or empty). */
export function requestValues(r: Request, key: string): readonly string[] | undefined {
  const vs = r.context.filter((e) => e.key.toLowerCase() === key.toLowerCase()).flatMap((e) => e.values);
  return vs.length > 0 ? vs : undefined;
}

/** `ForAllValues:StringLikeIfExists` → parts. */
export function parseOperator(raw: string): { qualifier: string; base: string; ifExists: boolean } {
  const m = /^((?:ForAllValues|ForAnyValue):)?(.*?)(IfExists)?$/.exec(raw);
  return { qualifier: m?.[1] ?? '', base: m?.[2] ?? raw, ifExists: Boolean(m?.[3]) };
}
