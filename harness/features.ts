import { DEFAULT_CALLER, FEATURES, POLICY_VERSIONS } from '../oracle/types.js';
import { knownValidity } from '../oracle/compile.js';
import { validatePolicy } from '../oracle/validate/index.js';
import type { Case, Feature, PolicyType } from '../oracle/types.js';

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: Json): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** The statement objects of a document, whether `Statement` is one object or an array. */
function statementsOf(doc: Json): Record<string, Json>[] {
  if (!isObject(doc)) return [];
  const s = doc.Statement;
  return (Array.isArray(s) ? s : [s]).filter(isObject);
}

/**
 * `*` any run, `?` one character; case-sensitive unless `ignoreCase`. The classic two-pointer matcher (back up to
 * the last `*`), linear enough that a generated pattern full of stars cannot stall tagging as a regex could.
 */
function globMatches(pattern: string, value: string, ignoreCase: boolean): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const v = ignoreCase ? value.toLowerCase() : value;
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  while (j < v.length) {
    if (i < p.length && (p[i] === '?' || p[i] === v[j])) {
      i++;
      j++;
    } else if (i < p.length && p[i] === '*') {
      star = i++;
      mark = j;
    } else if (star >= 0) {
      i = star + 1;
      j = ++mark;
    } else return false;
  }
  while (p[i] === '*') i++;
  return i === p.length;
}

/** Condition family of an operator as written (`ForAllValues:StringLikeIfExists` → `condition-string`). */
function operatorFeatures(raw: string): Feature[] {
  const out: Feature[] = [];
  let op = raw;
  const q = /^(ForAllValues|ForAnyValue):/i.exec(op);
  if (q) {
    out.push('set-operators');
    op = op.slice(q[0].length);
  }
  if (/IfExists$/i.test(op)) {
    out.push('if-exists');
    op = op.slice(0, -'IfExists'.length);
  }
  const families: [RegExp, Feature][] = [
    [/^String/i, 'condition-string'],
    [/^Numeric/i, 'condition-numeric'],
    [/^Date/i, 'condition-date'],
    [/^Bool$/i, 'condition-bool'],
    [/^Binary/i, 'condition-binary'],
    [/^(Not)?IpAddress$/i, 'condition-ip'],
    [/^Arn/i, 'condition-arn'],
    [/^Null$/i, 'condition-null'],
  ];
  for (const [re, f] of families) if (re.test(op)) out.push(f);
  return out;
}

/**
 * Every string of a document (keys included) that holds `${`: where variables can be. A walk, not a
 * search of the document's JSON text: tagging runs on every generated case, and the text would be built
 * for nothing in most of them.
 */
function textsWithVariables(doc: Json, out: string[] = []): string[] {
  if (typeof doc === 'string') {
    if (doc.includes('${')) out.push(doc);
  } else if (Array.isArray(doc)) {
    for (const x of doc) textsWithVariables(x, out);
  } else if (isObject(doc)) {
    for (const k in doc) {
      if (!Object.hasOwn(doc, k)) continue;
      if (k.includes('${')) out.push(k);
      textsWithVariables(doc[k], out);
    }
  }
  return out;
}

/** Variable names used as `${name}` or `${name, 'default'}` in a string. */
function variableNames(text: string): string[] {
  return [...text.matchAll(/\$\{([^},]+)/g)].map((m) => (m[1] as string).trim()).filter((n) => !['*', '?', '$'].includes(n));
}

/**
 * The features a case exercises, computed from its content alone (policies as written plus the request),
 * so that hand-written vectors and generated cases are tagged the same way. Never throws.
 */
export function caseFeatures(c: Case): Feature[] {
  const found = new Set<Feature>();
  try {
    collect(c, found);
  } catch {
    // A case too odd to inspect keeps the features found so far; tagging must not break a run.
  }
  return FEATURES.filter((f) => found.has(f));
}

function collect(c: Case, found: Set<Feature>): void {
  const policies: Json[] = Array.isArray(c.policies) ? [...(c.policies as readonly Json[])] : [];
  const boundaries: Json[] = Array.isArray(c.permissionsBoundaries) ? [...(c.permissionsBoundaries as readonly Json[])] : [];
  const request = isObject(c.request) ? c.request : undefined;
  const action = typeof request?.action === 'string' ? request.action : '';
  const context = Array.isArray(request?.context) ? (request.context as readonly Json[]).filter(isObject) : [];
  const contextKeys = context.map((e) => String(e.key));

  const levels: readonly Json[] = Array.isArray(c.serviceControlPolicies) ? (c.serviceControlPolicies as readonly Json[]) : [];
  const scps: Json[] = levels.flatMap((l): Json[] => (Array.isArray(l) ? (l as Json[]) : [l]));
  const resourcePolicies: Json[] = c.resourcePolicy === undefined ? [] : [c.resourcePolicy];
  if (policies.length > 1) found.add('multiple-policies');
  if (boundaries.length > 0) found.add('permissions-boundary');
  if (c.serviceControlPolicies !== undefined) found.add('service-control-policy');
  if (c.resourcePolicy !== undefined) found.add('resource-policy');
  if (isCrossAccount(request)) found.add('cross-account');
  for (const e of context) {
    if (String(e.type).endsWith('List') || (Array.isArray(e.values) && e.values.length > 1)) found.add('multivalued-context');
  }

  const referenced: string[] = [];
  const typed: [Json, PolicyType][] = [
    ...[...policies, ...boundaries].map((d): [Json, PolicyType] => [d, 'identity']),
    ...scps.map((d): [Json, PolicyType] => [d, 'serviceControl']),
    ...resourcePolicies.map((d): [Json, PolicyType] => [d, 'resource']),
  ];
  for (const [doc, type] of typed) documentFeatures(doc, type, action, found, referenced);
  // A key (condition key or variable) is missing when no context entry names it, ignoring case.
  for (const key of referenced) {
    const same = contextKeys.filter((k) => k.toLowerCase() === key.toLowerCase());
    if (same.length === 0) found.add('missing-key');
    if (same.some((k) => k !== key)) found.add('condition-key-case');
  }
}

/**
 * The features of one document, and the keys it references (into `referenced`). A function of its own,
 * as is each statement's part: V8 re-optimises a function each time a case of a new shape reaches it,
 * and one function doing all of tagging cost a tenth of a second to compile, fifteen times a run.
 */
function documentFeatures(doc: Json, type: PolicyType, action: string, found: Set<Feature>, referenced: string[]): void {
  if (looksMalformed(doc, type)) found.add('malformed-policy');
  if (isObject(doc) && (!('Version' in doc) || doc.Version === POLICY_VERSIONS[1])) found.add('version-2008');
  const texts = textsWithVariables(doc);
  if (texts.length > 0) {
    found.add('policy-variables');
    // Only Version 2012-10-17 substitutes variables; elsewhere `${…}` is literal text and names no key.
    if (isObject(doc) && doc.Version === POLICY_VERSIONS[0]) for (const t of texts) referenced.push(...variableNames(t));
  }
  // `${*}`, `${?}`, `${$}` are literal characters under 2012-10-17, not wildcards.
  const v2012 = isObject(doc) && doc.Version === POLICY_VERSIONS[0];
  for (const st of statementsOf(doc)) statementFeatures(st, type, v2012, action, found, referenced);
}

function statementFeatures(st: Record<string, Json>, type: PolicyType, v2012: boolean, action: string, found: Set<Feature>, referenced: string[]): void {
  if (st.Effect === 'Deny') found.add('explicit-deny');
  // Only a resource policy's Principal is matched; one elsewhere is a grammar error (malformed-policy).
  if (type === 'resource' && ('Principal' in st || 'NotPrincipal' in st)) found.add('principal-element');
  if ('NotAction' in st) found.add('not-action');
  if ('NotResource' in st) found.add('not-resource');
  for (const p of [...strings(st.Action), ...strings(st.NotAction)]) {
    if (/[*?]/.test(p)) found.add('action-wildcard');
    if (action && globMatches(p, action, true) && !globMatches(p, action, false)) found.add('action-case');
  }
  for (const p of [...strings(st.Resource), ...strings(st.NotResource)]) {
    if (p === '*') continue;
    found.add('resource-arn');
    if (/[*?]/.test(v2012 ? p.replace(/\$\{[*?$]\}/g, '') : p)) found.add('resource-wildcard');
  }
  if (!isObject(st.Condition)) return;
  for (const [op, block] of Object.entries(st.Condition)) {
    for (const f of operatorFeatures(op)) found.add(f);
    if (!isObject(block)) continue;
    referenced.push(...Object.keys(block));
  }
}

/** The request names a resource owner other than the caller's account (its ARN's fifth field). */
function isCrossAccount(request: { readonly caller?: Json; readonly resourceOwner?: Json } | undefined): boolean {
  const owner = request?.resourceOwner;
  if (typeof owner !== 'string') return false;
  const caller = typeof request?.caller === 'string' ? request.caller : DEFAULT_CALLER;
  return caller.split(':')[4] !== owner;
}

/**
 * Whether a document breaks the policy grammar, as the oracle's validator reads it
 * (reference_policies_grammar.html and oracle/validate/DECISIONS.md). Only a tag: the decision is the oracle's.
 */
export function looksMalformed(doc: Json, policyType: PolicyType = 'identity'): boolean {
  // The oracle has usually read the document already (tagging follows evaluation): its answer, as is.
  const known = knownValidity(doc, policyType);
  if (known !== undefined) return !known;
  try {
    return !validatePolicy(doc, { policyType }).ok;
  } catch {
    return true;
  }
}
