/**
 * Request values derived from the condition values the policies actually wrote, so that requests sit
 * exactly on and just beside each boundary: numbers ±1, instants ±1 s (whatever the spelling), IPv4 CIDR
 * edges, strings literally, in other case and as an instance of their wildcard pattern.
 */
import { memoised } from '../oracle/memo.js';
import type { KeyKind } from './key-kind.js';
import { unique } from './text.js';
import { boolCase, dateForms, numberRequestForms } from './value-forms.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Condition values written for each key (lower-cased name), across all documents, as strings. */
export function writtenValues(docs: readonly unknown[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of docs) {
    if (!isObject(d)) continue;
    const list = Array.isArray(d.Statement) ? d.Statement : [d.Statement];
    for (const s of list) {
      if (!isObject(s) || !isObject(s.Condition)) continue;
      for (const [op, keys] of Object.entries(s.Condition)) {
        if (!isObject(keys) || op === 'Null') continue;
        for (const [key, v] of Object.entries(keys)) {
          const k = key.toLowerCase();
          out.set(k, [...(out.get(k) ?? []), ...(Array.isArray(v) ? v : [v]).map(String)]);
        }
      }
    }
  }
  return out;
}

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const ipv4 = (n: number): string => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
const ipv4Number = (s: string): number | undefined => {
  const p = s.split('.').map(Number);
  return p.length === 4 && p.every((x) => Number.isInteger(x) && x >= 0 && x <= 255) ? ((p[0]! << 24) >>> 0) + (p[1]! << 16) + (p[2]! << 8) + p[3]! : undefined;
};

/** `${*}` → `*` etc.: the text a literal request value must have to equal the written value. */
const literal = (s: string): string => s.replace(/\$\{([*?$])\}/g, '$1');

/**
 * `nearOf` memoised per kind: the same written values come back case after case (anchors are drawn from
 * small pools), and the lists are only read (spread into the caller's own arrays).
 */
const NEAR = new Map<KeyKind, (v: string) => readonly string[]>();
function near(kind: KeyKind, v: string): readonly string[] {
  let f = NEAR.get(kind);
  if (f === undefined) {
    f = memoised((x) => nearOf(kind, x), 2_000);
    NEAR.set(kind, f);
  }
  return f(v);
}

function nearOf(kind: KeyKind, v: string): string[] {
  switch (kind) {
    case 'numeric': {
      const n = Number(v);
      // The written spelling, its neighbours, then the same number signed, with an exponent, with
      // spaces or trailing text (unreadable: oracle/DECISIONS #9).
      return Number.isFinite(n) ? [v, String(n - 1), String(n + 1), ...numberRequestForms(String(n))] : [];
    }
    case 'date': {
      const ms = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) * 1000 : Date.parse(v);
      // The instant and its neighbours, then the instant in every other form (epoch, offset, the day).
      return Number.isFinite(ms) ? unique([iso(ms), iso(ms - 1000), iso(ms + 1000), ...dateForms(ms)]) : [];
    }
    case 'ip': {
      const [addr = '', len] = v.split('/');
      const n = ipv4Number(addr);
      if (n === undefined) return [];
      const size = 2 ** (32 - (len === undefined ? 32 : Number(len)));
      const net = n - (n % size);
      return unique([ipv4(net), ipv4(net + size - 1), ipv4(net + size), ipv4(net - 1)].filter((x) => !x.includes('-')));
    }
    case 'bool':
      return ['true', 'false', boolCase('true', 1), boolCase('false', 2)];
    case 'binary':
      return [v];
    case 'string':
    case 'arn': {
      if (/\$\{(?![*?$]\})/.test(v)) return [];
      // First an instance of the pattern read with wildcards (`${*}` read as a wildcard too): it tells a
      // wildcard from a literal reading. Then the literal text, then the literal text in other case.
      const lit = literal(v);
      const instance = v.replace(/\$\{[*?$]\}/g, 'L').replace(/\*/g, 'x').replace(/\?/g, 'y');
      // Last, an instance whose `*` spans a line break: a wildcard translated to a RegExp `.*` without the
      // `s` flag stops there (AWS: `*` matches any run of characters). Without a `*` it is `instance` again.
      const spanning = v.replace(/\$\{[*?$]\}/g, 'L').replace(/\*/g, 'x\ny').replace(/\?/g, 'y');
      return unique([instance, lit, lit.toUpperCase(), spanning]);
    }
  }
}

/** Values near what the policies wrote for a key of this kind. */
export function valuesNear(kind: KeyKind, written: readonly string[]): string[] {
  return unique(written.flatMap((v) => near(kind, v)));
}
