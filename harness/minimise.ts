/**
 * Minimising a failing case after fast-check's shrink: keep applying the first one-step reduction that
 * preserves the failure (drop a policy, a boundary, an SCP level or document, the resource policy, the
 * caller or owner, a statement, a Sid, an Action/Resource entry, a Condition, an operator, a key, a value,
 * a context entry or one of its values) until none does. Greedy and coarse, but it removes what
 * fast-check's structural shrink cannot: the second policy, the unused statement, the NotResource entry
 * the divergence does not hang on. Used by the property runner and by the triage programs.
 */
import type { Case, ContextEntry } from '../oracle/types.js';

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const without = <T>(xs: readonly T[], i: number): T[] => xs.filter((_, j) => j !== i);

/** Every one-step smaller variant of a policy document. */
function docVariants(doc: Json): Json[] {
  if (!isObject(doc)) return [];
  const out: Json[] = [];
  const st = doc.Statement;
  const list: readonly Json[] = Array.isArray(st) ? (st as readonly Json[]) : [st];
  if (Array.isArray(st) && list.length > 1) for (let i = 0; i < list.length; i++) out.push({ ...doc, Statement: without(list, i) });
  list.forEach((s, i) => {
    if (!isObject(s)) return;
    const put = (ns: Json) => out.push({ ...doc, Statement: Array.isArray(st) ? list.map((x, j) => (j === i ? ns : x)) : ns });
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
  return out;
}

/** Every one-step smaller variant of a case. */
export function caseVariants(c: Case): Case[] {
  const out: Case[] = [];
  const pb = c.permissionsBoundaries ?? [];
  for (let i = 0; i < c.policies.length; i++) out.push({ ...c, policies: without(c.policies, i) });
  for (let i = 0; i < pb.length; i++) out.push({ ...c, permissionsBoundaries: without(pb, i) });
  c.policies.forEach((d, i) => docVariants(d).forEach((nd) => out.push({ ...c, policies: c.policies.map((x, j) => (j === i ? nd : x)) })));
  pb.forEach((d, i) => docVariants(d).forEach((nd) => out.push({ ...c, permissionsBoundaries: pb.map((x, j) => (j === i ? nd : x)) })));
  out.push(...chainVariants(c));
  const ctx = c.request.context;
  for (let i = 0; i < ctx.length; i++) out.push({ ...c, request: { ...c.request, context: without(ctx, i) } });
  ctx.forEach((e, i) => {
    if (e.values.length > 1) {
      e.values.forEach((_, k) => {
        const ne: ContextEntry = { ...e, values: without(e.values, k) };
        out.push({ ...c, request: { ...c.request, context: ctx.map((x, j) => (j === i ? ne : x)) } });
      });
    }
  });
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
