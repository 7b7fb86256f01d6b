/**
 * The expectation entries triage writes (`iam-conformance triage`), one per cause, and the AWS page each
 * cause is about.
 */
import type { Feature } from '../oracle/types.js';
import type { Expectation } from './expectations.js';
import { signatureOf, type TriageCause, type TriageResult } from './triage-signature.js';

const UG = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/';
const OPERATORS = `${UG}reference_policies_elements_condition_operators.html`;
const DOCS: readonly (readonly [Feature, string])[] = [
  ['malformed-policy', `${UG}reference_policies_grammar.html`],
  ['policy-variables', `${UG}reference_policies_variables.html`],
  ['version-2008', `${UG}reference_policies_elements_version.html`],
  ['permissions-boundary', `${UG}access_policies_boundaries.html`],
  ['set-operators', `${UG}reference_policies_condition-single-vs-multi-valued-context-keys.html`],
  ['if-exists', `${OPERATORS}#Conditions_IfExists`],
  ['condition-string', `${OPERATORS}#Conditions_String`],
  ['condition-numeric', `${OPERATORS}#Conditions_Numeric`],
  ['condition-date', `${OPERATORS}#Conditions_Date`],
  ['condition-bool', `${OPERATORS}#Conditions_Boolean`],
  ['condition-ip', `${OPERATORS}#Conditions_IPAddress`],
  ['condition-arn', `${OPERATORS}#Conditions_ARN`],
  ['condition-null', `${OPERATORS}#Conditions_Null`],
  ['condition-binary', `${OPERATORS}#Conditions_BinaryEquals`],
  ['not-resource', `${UG}reference_policies_elements_notresource.html`],
  ['resource-wildcard', `${UG}reference_policies_elements_resource.html`],
  ['resource-arn', `${UG}reference_policies_elements_resource.html`],
  ['not-action', `${UG}reference_policies_elements_notaction.html`],
  ['action-wildcard', `${UG}reference_policies_elements_action.html`],
  ['explicit-deny', `${UG}reference_policies_evaluation-logic.html`],
];

/** The page a cause is most specifically about: the first feature of DOCS the example has. */
export function docFor(features: readonly Feature[], operators: readonly string[]): string {
  const hit = DOCS.find(([f]) => features.includes(f));
  if (hit) return hit[1];
  return operators.length > 0 ? OPERATORS : `${UG}reference_policies_evaluation-logic.html`;
}

/**
 * One expectation entry per cause not yet covered, matching by the cause's signature: an accepted
 * invalid policy by the rule it breaks; a refused valid one by the evaluator's reason (`error`); anything else by its telling forms and features and, when its
 * signature names exactly one, its operator's family (`operatorFamily`: any set qualifier, with or without
 * `IfExists`). Any answer pair (a refusal: `error`, a crash: `errored`). A signature with nothing in it
 * is recorded by its example. Status `unconfirmed` and a description to rewrite: the author reviews each
 * before committing.
 */
export function causeExpectations(result: TriageResult, evaluatorName: string): Expectation[] {
  // Causes whose entries would be equal are one entry (counts summed, the smallest example kept).
  const merged = new Map<string, { cause: TriageCause; count: number; pairs: Map<string, number> }>();
  for (const c of result.causes) {
    if (c.coveredBy !== undefined) continue;
    const key = JSON.stringify(entryOf(c));
    const m = merged.get(key);
    if (!m) {
      merged.set(key, { cause: c, count: c.count, pairs: new Map(Object.entries(c.pairs)) });
      continue;
    }
    m.count += c.count;
    for (const [p, n] of Object.entries(c.pairs)) m.pairs.set(p, (m.pairs.get(p) ?? 0) + n);
    if (JSON.stringify(c.example).length < JSON.stringify(m.cause.example).length) m.cause = c;
  }
  const used = new Set<string>();
  return [...merged.values()]
    .sort((a, b) => b.count - a.count)
    .map(({ cause: c, count, pairs }, i): Expectation => {
      const base = `cause-${slug(idOf(c))}`;
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      const feature: Feature = c.features.find((f) => DOCS.some(([d]) => d === f)) ?? c.features[0] ?? 'explicit-deny';
      return {
        id,
        description: `TODO (triage cause ${i + 1}): what ${evaluatorName} does differently — ${[...pairs].map(([p, n]) => `${p} ×${n}`).join(', ')}`,
        ...entryOf(c),
        citation: c.doc,
        feature,
        status: 'unconfirmed',
        note: `triage: ${count} divergence(s); example: ${JSON.stringify(c.example)}`,
      };
    });
}

/** The words of an entry's id: the kind, then the rule, first form, operator or feature. */
function idOf(c: TriageCause): string {
  const p = c.parts;
  const what = p?.rule ?? p?.refusal?.replace(/^\^/, '').split(':')[0] ?? p?.forms[0]?.replace('|', '-') ?? p?.operators[0] ?? p?.features[0] ?? p?.action ?? 'case';
  return p?.kind === 'decides' || p === undefined ? what : `${p.kind} ${what}`;
}

/** The match and answers of a cause's entry. */
function entryOf(c: TriageCause): Pick<Expectation, 'match' | 'case' | 'expected' | 'actual'> {
  const p = c.parts ?? signatureOf(c.example, c.expected, c.actual);
  const actual = p.kind === 'crash' ? ('errored' as const) : p.kind === 'rejects' ? ('error' as const) : ('any' as const);
  if (p.rule !== undefined) return { match: { features: ['malformed-policy'], rule: p.rule }, expected: p.kind === 'accepts' ? 'error' : 'any', actual };
  if (p.refusal !== undefined) return { match: { error: p.refusal }, expected: 'any', actual };
  // Several operators and no telling form: their condition features narrow the entry instead.
  const conditions = p.operators.length > 1 ? c.features.filter((f) => f.startsWith('condition-') && f !== 'condition-key-case') : [];
  const features = [...p.features, ...conditions];
  const match = {
    ...(p.action !== undefined ? { action: p.action } : {}),
    ...(features.length > 0 ? { features } : {}),
    ...(p.forms.length > 0 ? { forms: p.forms } : {}),
    ...(p.operators.length === 1 ? { operatorFamily: p.operators[0] } : {}),
  };
  // A match with no field would excuse every divergence: such a cause is recorded by its example.
  return Object.keys(match).length > 0 ? { match, expected: 'any', actual } : { case: c.example, expected: c.expected, actual: c.actual };
}

const slug = (s: string): string =>
  s
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'case';
