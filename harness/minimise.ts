/**
 * Minimising a failing case after fast-check's shrink: each step takes the first one-step variant that
 * keeps the failure, until none does. Reductions come first (drop a policy, a boundary, an SCP level or
 * document, the resource policy, the caller or owner, a statement, a Sid, an Action/Resource entry, a
 * Condition, an operator, a key, a value, a context entry or one of its values), then simplifications (an
 * operator without `IfExists` or its set qualifier, Action / Resource as `*`, NotAction / NotResource as
 * Action / Resource `*`, Version 2012-10-17, a number or boolean value as text, a date as ISO 8601 in
 * UTC, a number without sign, fraction or exponent, a context key spelt as the policy spells it). Greedy
 * and coarse, but it removes what fast-check's structural shrink cannot: the second policy, the unused
 * statement, the NotResource entry, the `IfExists` or epoch date the divergence does not hang on — so what
 * is left is the cause, and triage (harness/triage.ts) clusters by it. Used by the property runner and by
 * the triage programs.
 */
import { POLICY_VERSIONS, type Case, type ContextEntry } from '../oracle/types.js';

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const without = <T>(xs: readonly T[], i: number): T[] => xs.filter((_, j) => j !== i);

/** Every one-step smaller variant of a policy document, then every one-step simpler one. */
function docVariants(doc: Json): Json[] {
  if (!isObject(doc)) return [];
  const out: Json[] = [];
  const simpler: Json[] = [];
  // Version 2012-10-17 is the plain reading; 2008-10-17 (or none) only matters where a variable is literal text.
  if (doc.Version !== POLICY_VERSIONS[0] && 'Statement' in doc) {
    const { Version: _version, ...body } = doc;
    simpler.push({ Version: POLICY_VERSIONS[0], ...body });
  }
  const st = doc.Statement;
  const list: readonly Json[] = Array.isArray(st) ? (st as readonly Json[]) : [st];
  if (Array.isArray(st) && list.length > 1) for (let i = 0; i < list.length; i++) out.push({ ...doc, Statement: without(list, i) });
  list.forEach((s, i) => {
    if (!isObject(s)) return;
    const put = (ns: Json) => out.push({ ...doc, Statement: Array.isArray(st) ? list.map((x, j) => (j === i ? ns : x)) : ns });
    simpler.push(...statementSimplifications(s).map((ns) => ({ ...doc, Statement: Array.isArray(st) ? list.map((x, j) => (j === i ? ns : x)) : ns })));
    if ('Sid' in s) {
      const { Sid: _sid, ...rest } = s;
      put(rest);
    }
    for (const el of ['Action', 'NotAction', 'Resource', 'NotResource']) {
      const v = s[el];
      if (Array.isArray(v) && v.length > 1) v.forEach((_, k) => put({ ...s, [el]: without(v, k) }));
    }
    const cond = s.Condition;
    if (isObject(cond)) {
      const { Condition: _c, ...rest } = s;
      put(rest);
      for (const op of Object.keys(cond)) {
        const block = cond[op];
        const others = Object.fromEntries(Object.entries(cond).filter(([k]) => k !== op));
        if (Object.keys(cond).length > 1) put({ ...s, Condition: others });
        if (!isObject(block)) continue;
        for (const key of Object.keys(block)) {
          const vals = block[key];
          if (Object.keys(block).length > 1) {
            const rb = Object.fromEntries(Object.entries(block).filter(([k]) => k !== key));
            put({ ...s, Condition: { ...cond, [op]: rb } });
          }
          if (Array.isArray(vals) && vals.length > 1) {
            vals.forEach((_, k) => put({ ...s, Condition: { ...cond, [op]: { ...block, [key]: without(vals, k) } } }));
          }
        }
      }
    }
  });
  return [...out, ...simpler];
}

const ifDefined = <T>(v: T | undefined, f: (v: T) => void): void => {
  if (v !== undefined) f(v);
};

/**
 * A date in the plainest form, ISO 8601 in UTC to the second (`2026-01-01T00:00:00Z`), when it is written
 * otherwise: epoch seconds, a day alone, an offset, milliseconds. The same instant as the oracle reads it.
 */
function utcDate(v: string): string | undefined {
  const ms = /^-?\d+$/.test(v) ? Number(v) * 1000 : /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) ? Date.parse(v) : NaN;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return undefined;
  const utc = new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
  return utc === v ? undefined : utc;
}

/** A number in the plainest form (`+5`, `5.0`, `50e-1` → `5`); text that is no number stays as it is. */
function plainNumber(v: string): string | undefined {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v)) return undefined;
  const n = String(Number(v));
  return n === v || /e/.test(n) ? undefined : n;
}

const QUALIFIER = /^For(?:Any|All)Values?:/;
const IF_EXISTS = /IfExists$/;

/**
 * A statement one step plainer, each element the same size or smaller: an operator without its set
 * qualifier or `IfExists`, a number or boolean value written as text, Action / Resource as `*`, NotAction /
 * NotResource turned into Action / Resource `*`. None applies twice, so minimising always ends.
 */
function statementSimplifications(s: Record<string, Json>): Json[] {
  const out: Json[] = [];
  for (const [el, plain] of [['NotAction', 'Action'], ['NotResource', 'Resource'], ['Action', 'Action'], ['Resource', 'Resource']] as const) {
    if (!(el in s) || (el === plain && s[el] === '*')) continue;
    const rest = Object.fromEntries(Object.entries(s).filter(([k]) => k !== el && k !== plain));
    out.push({ ...rest, [plain]: '*' });
  }
  const cond = s.Condition;
  if (!isObject(cond)) return out;
  for (const op of Object.keys(cond)) {
    const block = cond[op];
    for (const plainer of [op.replace(QUALIFIER, ''), op.replace(IF_EXISTS, '')]) {
      // A plainer name already in the block would merge two operators: not one step.
      if (plainer !== op && !(plainer in cond)) out.push({ ...s, Condition: Object.fromEntries(Object.entries(cond).map(([k, v]) => [k === op ? plainer : k, v])) });
    }
    if (!isObject(block)) continue;
    const plain = /^(?:For(?:Any|All)Values?:)?Date/.test(op) ? utcDate : /^(?:For(?:Any|All)Values?:)?Numeric/.test(op) ? plainNumber : undefined;
    for (const [key, vals] of Object.entries(block)) {
      const list: readonly Json[] = Array.isArray(vals) ? (vals as readonly Json[]) : [vals];
      const put = (text: Json[]) => out.push({ ...s, Condition: { ...cond, [op]: { ...block, [key]: Array.isArray(vals) ? text : text[0] } } });
      if (list.some((v) => typeof v === 'number' || typeof v === 'boolean')) put(list.map((v) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v)));
      if (plain) list.forEach((v, k) => ifDefined(typeof v === 'string' ? plain(v) : undefined, (u) => put(list.map((x, j) => (j === k ? u : x)))));
    }
  }
  return out;
}

/** Every one-step smaller variant of a case. */
export function caseVariants(c: Case): Case[] {
  const out: Case[] = [];
  const simpler: Case[] = [];
  const pb = c.permissionsBoundaries ?? [];
  for (let i = 0; i < c.policies.length; i++) out.push({ ...c, policies: without(c.policies, i) });
  for (let i = 0; i < pb.length; i++) out.push({ ...c, permissionsBoundaries: without(pb, i) });
  c.policies.forEach((d, i) => docVariants(d).forEach((nd) => out.push({ ...c, policies: c.policies.map((x, j) => (j === i ? nd : x)) })));
  pb.forEach((d, i) => docVariants(d).forEach((nd) => out.push({ ...c, permissionsBoundaries: pb.map((x, j) => (j === i ? nd : x)) })));
  out.push(...chainVariants(c));
  const ctx = c.request.context;
  for (let i = 0; i < ctx.length; i++) out.push({ ...c, request: { ...c.request, context: without(ctx, i) } });
  const spellings = referencedKeys(c);
  ctx.forEach((e, i) => {
    // A context key spelt in another case than the policy spells it (when the policy's spelling is not the cause).
    const spelt = spellings.has(e.key) ? undefined : [...spellings].sort().find((k) => k.toLowerCase() === e.key.toLowerCase());
    if (spelt !== undefined) simpler.push({ ...c, request: { ...c.request, context: ctx.map((x, j) => (j === i ? { ...e, key: spelt } : x)) } });
    const plain = e.type.startsWith('date') ? utcDate : e.type.startsWith('numeric') ? plainNumber : undefined;
    if (plain) {
      e.values.forEach((v, k) =>
        ifDefined(plain(v), (u) => simpler.push({ ...c, request: { ...c.request, context: ctx.map((x, j) => (j === i ? { ...e, values: e.values.map((y, n) => (n === k ? u : y)) } : x)) } })),
      );
    }
    if (e.values.length > 1) {
      e.values.forEach((_, k) => {
        const ne: ContextEntry = { ...e, values: without(e.values, k) };
        out.push({ ...c, request: { ...c.request, context: ctx.map((x, j) => (j === i ? ne : x)) } });
      });
    }
  });
  return [...out, ...simpler];
}

const VARIABLE_NAME = /\$\{([^}*?$,\s][^},]*?)\s*(?:,[^}]*)?\}/g;

/** The condition keys and variable names the case's documents write, as written. */
function referencedKeys(c: Case): Set<string> {
  const docs: Json[] = [...c.policies, ...(c.permissionsBoundaries ?? []), ...(c.serviceControlPolicies ?? []).flat(), ...(c.resourcePolicy !== undefined ? [c.resourcePolicy] : [])];
  const out = new Set<string>();
  for (const doc of docs) {
    const st = isObject(doc) ? doc.Statement : undefined;
    for (const s of Array.isArray(st) ? st : [st]) {
      const cond = isObject(s) ? s.Condition : undefined;
      if (isObject(cond)) for (const block of Object.values(cond)) if (isObject(block)) for (const key of Object.keys(block)) out.add(key);
    }
    for (const m of JSON.stringify(doc ?? null).matchAll(VARIABLE_NAME)) if (m[1] !== undefined) out.add(m[1]);
  }
  return out;
}

/**
 * Minimises `c` while the failure persists. `fail` answers, for a batch of candidates (one step's
 * variants, sent together so batched evaluators pay one round trip per step), which still fail; the
 * first that does is taken. Bounded, so a pathological case cannot stall the run.
 */
export async function minimise(c: Case, fail: (cases: readonly Case[]) => Promise<readonly boolean[]>, maxSteps = 200): Promise<Case> {
  let current = c;
  for (let step = 0; step < maxSteps; step++) {
    const variants = caseVariants(current);
    if (variants.length === 0) return current;
    const failing = await fail(variants);
    const next = variants.find((_, i) => failing[i] === true);
    if (!next) return current;
    current = next;
  }
  return current;
}

/** `minimise` with a one-case predicate. */
export async function shrink(c: Case, stillFails: (c: Case) => Promise<boolean>, maxSteps = 200): Promise<Case> {
  return minimise(c, (cases) => Promise.all(cases.map(stillFails)), maxSteps);
}

/** Smaller SCP hierarchies and resource policies, and the request without its caller or owner. */
function chainVariants(c: Case): Case[] {
  const out: Case[] = [];
  const { serviceControlPolicies: levels, resourcePolicy, ...rest } = c;
  if (levels !== undefined) {
    out.push({ ...rest, ...(resourcePolicy !== undefined ? { resourcePolicy } : {}) });
    levels.forEach((level, l) => {
      out.push({ ...c, serviceControlPolicies: without(levels, l) });
      level.forEach((_, i) => out.push({ ...c, serviceControlPolicies: levels.map((x, j) => (j === l ? without(x, i) : x)) }));
      level.forEach((d, i) => docVariants(d).forEach((nd) => out.push({ ...c, serviceControlPolicies: levels.map((x, j) => (j === l ? x.map((y, k) => (k === i ? nd : y)) : x)) })));
    });
  }
  if (resourcePolicy !== undefined) {
    out.push({ ...rest, ...(levels !== undefined ? { serviceControlPolicies: levels } : {}) });
    docVariants(resourcePolicy).forEach((nd) => out.push({ ...c, resourcePolicy: nd }));
  }
  const { caller, resourceOwner, ...request } = c.request;
  if (caller !== undefined) out.push({ ...c, request: { ...request, ...(resourceOwner !== undefined ? { resourceOwner } : {}) } });
  if (resourceOwner !== undefined) out.push({ ...c, request: { ...request, ...(caller !== undefined ? { caller } : {}) } });
  return out;
}
