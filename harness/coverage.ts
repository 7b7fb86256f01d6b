/**
 * The coverage matrix: which value forms a run's generated cases put in front of which operator (or
 * element), so a reader sees that `${*}` reached StringEquals, that epoch dates met ISO requests, that
 * IPv4-mapped addresses were tried. Computed from the case alone, like `caseFeatures`: generated and
 * hand-written cases are classified the same way. A cell names what the case contains, not what the
 * oracle made of it.
 *
 * Rows: the base condition operator (qualifier and `IfExists` removed: `ForAnyValue:StringLikeIfExists`
 * counts under `StringLike`), `Resource`, `NotResource`, `Context` (multivalued request entries) and
 * `Policy` (shapes of the policy set).
 */
import { POLICY_VERSIONS, type Case, type ContextEntry } from '../oracle/types.js';

/** row → form → number of cases. */
export type CoverageMatrix = Readonly<Record<string, Readonly<Record<string, number>>>>;

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const listOf = (v: Json): Json[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

const SPECIAL_VARIABLE = /\$\{[*?$]\}/;
const VARIABLE = /\$\{([^}*?$,][^},]*)(,\s*'[^']*')?\s*\}/g;
/** A control character, DEL, or anything beyond ASCII. */
const isHostile = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c >= 0x7f) return true;
  }
  return s.length > 128;
};

/** `ForAnyValue:StringEqualsIfExists` → `StringEquals`. */
export const baseOperator = (op: string): string => op.replace(/^For(?:Any|All)Values?:/, '').replace(/IfExists$/, '');

/** The operator family of a base operator: String, Arn, Numeric, Date, Bool, Ip, Null, Binary. */
export function operatorFamily(base: string): string {
  if (base.startsWith('String')) return 'String';
  if (base.startsWith('Arn')) return 'Arn';
  if (base.startsWith('Numeric')) return 'Numeric';
  if (base.startsWith('Date')) return 'Date';
  if (base.endsWith('IpAddress')) return 'Ip';
  return base;
}

/** The form of a date value: epoch seconds, a day alone, a time with a numeric offset, a time in UTC. */
export function dateValueForm(v: string): string {
  if (/^-?\d+(\.\d+)?$/.test(v)) return 'epoch';
  if (/^\d{4}(-\d{2}){0,2}$/.test(v)) return 'date-only';
  if (/[+-]\d{2}(:?\d{2})?$/.test(v)) return 'offset';
  return 'date-time';
}

function numberForm(v: string): string {
  if (/^\s|\s$/.test(v)) return 'spaces';
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v)) {
    if (/[eE]/.test(v)) return 'exponent';
    if (/^[+-]/.test(v)) return 'signed';
    if (v.includes('.')) return 'decimal';
    return 'integer';
  }
  return /^[+-]?\d/.test(v) ? 'trailing-text' : 'not-a-number';
}

function ipForm(v: string): string {
  const [addr = '', prefix] = v.split('/');
  if (prefix === '0') return 'prefix-0';
  if (/^::ffff:/i.test(addr)) return 'ipv4-mapped';
  if (addr.includes(':')) return addr.includes('::') ? 'ipv6-compressed' : 'ipv6-expanded';
  return prefix === undefined ? 'ipv4-bare' : 'ipv4-cidr';
}

const boolForm = (v: string): string => (v === 'true' || v === 'false' ? 'lower-case' : /^(true|false)$/i.test(v) ? 'mixed-case' : 'other');

/** Context lookups ignoring case, as the oracle reads keys. */
function contextOf(c: Case): (key: string) => ContextEntry | undefined {
  const entries = contextEntries(c);
  return (key) => entries.find((e) => e.key.toLowerCase() === key.toLowerCase());
}

/** The request's well-formed context entries (a case is JSON from anywhere: odd shapes are left out). */
function contextEntries(c: Case): readonly ContextEntry[] {
  const raw: unknown = c.request?.context;
  if (!Array.isArray(raw)) return [];
  return (raw as unknown[]).filter(
    (e): e is ContextEntry => isObject(e) && typeof e.key === 'string' && typeof e.type === 'string' && Array.isArray(e.values),
  );
}

/** Forms of a string that holds variables: present, absent (no default), a value holding `*`, `?`, `$`. */
function variableForms(text: string, lookup: (key: string) => ContextEntry | undefined, out: Set<string>): void {
  if (SPECIAL_VARIABLE.test(text)) out.add('special-variable');
  for (const m of text.matchAll(VARIABLE)) {
    out.add('variable');
    const entry = lookup((m[1] ?? '').trim());
    const value = entry?.values.length === 1 ? entry.values[0] : undefined;
    if (value === undefined && m[2] === undefined) out.add('variable-missing');
    if (value !== undefined && /[*?$]/.test(value)) out.add('variable-wildcard-value');
  }
}

/** The cells (`row|form`) one case fills. */
export function caseCoverage(c: Case): string[] {
  const cells = new Set<string>();
  const add = (row: string, form: string) => cells.add(`${row}|${form}`);
  const lookup = contextOf(c);
  const boundaries: readonly Json[] = Array.isArray(c.permissionsBoundaries) ? (c.permissionsBoundaries as readonly Json[]) : [];
  const policies: readonly Json[] = Array.isArray(c.policies) ? (c.policies as readonly Json[]) : [];
  if (boundaries.length > 1) add('Policy', 'several-boundaries');

  for (const doc of [...policies, ...boundaries]) documentCoverage(doc, lookup, add);
  for (const e of contextEntries(c)) {
    if (!e.type.endsWith('List')) continue;
    add('Context', e.values.length === 1 ? 'one-value' : e.values.length > 1 ? 'many-values' : 'no-value');
    if (e.values.includes('')) add('Context', 'empty-string');
    if (new Set(e.values).size < e.values.length) add('Context', 'duplicates');
  }
  return [...cells];
}

/**
 * The cells one document fills. Apart from `caseCoverage` so that each compiles small: V8 re-optimises
 * them as cases of new shapes arrive, and one large function was costly to compile again and again.
 */
function documentCoverage(doc: Json, lookup: (key: string) => ContextEntry | undefined, add: (row: string, form: string) => void): void {
  if (!isObject(doc)) return;
  const v2012 = doc.Version === POLICY_VERSIONS[0];
  for (const st of listOf(doc.Statement)) {
    if (!isObject(st)) continue;
    for (const row of ['Resource', 'NotResource'] as const) {
      for (const p of listOf(st[row])) {
        if (typeof p !== 'string' || p === '*') continue;
        const forms = new Set<string>();
        if (v2012) variableForms(p, lookup, forms);
        const parts = p.split(':');
        if (parts.length < 6) forms.add('short-pattern');
        else if (parts.slice(3, 5).some((x) => x === '')) forms.add('empty-segment');
        if (forms.size === 0) forms.add(/[*?]/.test(p) ? 'wildcard' : 'exact');
        for (const f of forms) add(row, f);
      }
    }
    if (!isObject(st.Condition)) continue;
    for (const [op, block] of Object.entries(st.Condition)) {
      if (!isObject(block)) continue;
      const base = baseOperator(op);
      if (Object.keys(block).length === 0) add('Policy', 'empty-operator-block');
      for (const [key, raw] of Object.entries(block)) {
        for (const form of conditionForms(base, raw, lookup(key), lookup, v2012)) add(base, form);
      }
    }
  }
}

/** Forms of one condition entry: how its values are written, and how the request's values are. */
function conditionForms(
  base: string,
  raw: Json,
  entry: ContextEntry | undefined,
  lookup: (key: string) => ContextEntry | undefined,
  v2012: boolean,
): Set<string> {
  const out = new Set<string>();
  const values = listOf(raw);
  if (Array.isArray(raw) && raw.length === 0) out.add('empty-value-list');
  const family = operatorFamily(base);
  const requestValues = entry?.values ?? [];
  const strings: string[] = [];
  for (const v of values) {
    if (typeof v === 'number' || typeof v === 'boolean') out.add('unquoted');
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') strings.push(String(v));
  }
  switch (family) {
    case 'String':
    case 'Arn':
      for (const v of strings) {
        if (v2012) variableForms(v, lookup, out);
        if (base.endsWith('Like') && /[*?]/.test(v.replace(SPECIAL_VARIABLE, ''))) out.add('wildcard');
        if (v === '') out.add('empty-string');
        if (isHostile(v)) out.add('hostile');
        if (family === 'Arn' && /^arn:[^:]*:[^:]*:(:|[^:]*::)/.test(v)) out.add('empty-segment');
      }
      if (requestValues.some(isHostile)) out.add('request-hostile');
      if (requestValues.some((v) => v === '')) out.add('request-empty-string');
      break;
    case 'Numeric':
      for (const v of strings) out.add(numberForm(v));
      for (const v of requestValues) out.add(`request-${numberForm(v)}`);
      break;
    case 'Date':
      for (const p of strings) {
        out.add(dateValueForm(p));
        for (const r of requestValues) out.add(`${dateValueForm(p)}×request-${dateValueForm(r)}`);
      }
      break;
    case 'Bool':
    case 'Null':
      for (const v of strings) out.add(boolForm(v));
      if (family === 'Bool') for (const v of requestValues) out.add(`request-${boolForm(v)}`);
      break;
    case 'Ip': {
      for (const v of strings) out.add(ipForm(v));
      if (strings.some((v) => v.includes(':')) && strings.some((v) => !v.includes(':'))) out.add('mixed-list');
      for (const v of requestValues) out.add(`request-${ipForm(v)}`);
      break;
    }
  }
  return out;
}

/** Counts of cells over many cases. */
export class CoverageCounts {
  private readonly counts = new Map<string, number>();

  add(cells: readonly string[], n = 1): void {
    for (const cell of cells) this.counts.set(cell, (this.counts.get(cell) ?? 0) + n);
  }

  merge(matrix: CoverageMatrix): void {
    for (const [row, forms] of Object.entries(matrix)) for (const [form, n] of Object.entries(forms)) this.add([`${row}|${form}`], n);
  }

  get size(): number {
    return this.counts.size;
  }

  /** Rows and forms in a stable (sorted) order. */
  toMatrix(): CoverageMatrix {
    const out: Record<string, Record<string, number>> = {};
    for (const cell of [...this.counts.keys()].sort()) {
      const [row = '', form = ''] = cell.split('|');
      (out[row] ??= {})[form] = this.counts.get(cell) ?? 0;
    }
    return out;
  }
}
