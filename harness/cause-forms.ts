/**
 * What a divergence hangs on, read from its (minimised) case alone: the value forms of the coverage
 * matrix at the level of an operator family (`Numeric|request-spaces` whichever Numeric operator), two
 * forms of the request (`Request|resource-star`, `Request|arn-case`), the features that tell causes apart,
 * the base condition operators and the grammar rules a document breaks. Triage clusters by these and the
 * expectation entries it writes match by them (`forms`, `rule`, `operatorFamily`, `features`), so one
 * cause is one cluster and one entry whatever the answer pair, the Effect, the `IfExists` or the set
 * qualifier it was seen through.
 */
import type { Case, Feature } from '../oracle/types.js';
import { validatePolicy, type ValidateOptions } from '../oracle/validate/index.js';
import { baseOperator, caseCoverage, operatorFamily } from './coverage.js';

/** Forms every case has some of (the `request-` prefixed and `×` combined ones too): they name no cause. */
const PLAIN_FORMS = new Set([
  'exact',
  'wildcard',
  'variable',
  'integer',
  'date-time',
  'lower-case',
  'ipv4-cidr',
  'ipv4-bare',
  'ipv6-compressed',
  'one-value',
  'many-values',
]);

/**
 * Features that tell how a case is read. Left out: those of the answer's direction (`explicit-deny`: the
 * same bug seen through a Deny), of the operator (named itself) and of incidental shape
 * (`multiple-policies`, `resource-arn`, wildcards in Action or Resource).
 */
const HOW_FEATURES: ReadonlySet<Feature> = new Set<Feature>([
  'version-2008',
  'policy-variables',
  'not-resource',
  'not-action',
  'set-operators',
  'if-exists',
  'action-case',
  'missing-key',
  'multivalued-context',
  'condition-key-case',
]);

/** Features that tell which policy types decide: the cause only when nothing else tells. */
const WHERE_FEATURES: ReadonlySet<Feature> = new Set<Feature>(['permissions-boundary', 'service-control-policy', 'resource-policy', 'cross-account', 'principal-element']);

/**
 * The features of a case that tell its cause: how it is read and — when no form and no such feature
 * tells — which policy types decide (a misread date is one cause whether a boundary or a resource
 * policy holds it; a resource policy that is not read is another).
 */
export function tellingFeatures(features: readonly Feature[], forms: readonly string[]): Feature[] {
  const how = features.filter((f) => HOW_FEATURES.has(f));
  return how.length > 0 || forms.length > 0 ? how : features.filter((f) => WHERE_FEATURES.has(f));
}

const CONDITION_ROWS = new Set(['Resource', 'NotResource', 'Context', 'Policy']);

/** A coverage cell at the level of its operator family: `NumericLessThan|request-spaces` → `Numeric|request-spaces`. */
function familyCell(cell: string): string {
  const [row = '', form = ''] = cell.split('|');
  return CONDITION_ROWS.has(row) ? cell : `${operatorFamily(row)}|${form}`;
}

/** Whether a form names a cause: not a plain one, nor an empty ARN segment in Resource (S3's ARNs have them). */
function telling(cell: string): boolean {
  const [row = '', form = ''] = cell.split('|');
  if ((row === 'Resource' || row === 'NotResource') && form === 'empty-segment') return false;
  return !form.split('×').every((f) => PLAIN_FORMS.has(f.replace(/^request-/, '')));
}

/** Every form of a case, per operator family, and of its request. */
export function caseForms(c: Case): string[] {
  return [...new Set([...caseCoverage(c).map(familyCell), ...requestForms(c)])].sort();
}

/** The forms of a case that name a cause. */
export const tellingForms = (c: Case): string[] => caseForms(c).filter(telling);

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const statementsOf = (doc: Json): Json[] => {
  const st = isObject(doc) ? doc.Statement : undefined;
  return Array.isArray(st) ? st : st === undefined ? [] : [st];
};
const allDocuments = (c: Case): Json[] => [
  ...c.policies,
  ...(c.permissionsBoundaries ?? []),
  ...(c.serviceControlPolicies ?? []).flat(),
  ...(c.resourcePolicy !== undefined ? [c.resourcePolicy] : []),
];

/**
 * `Request|resource-star`: the request names resource `*` while a statement names a resource pattern
 * (the docs do not say what a pattern makes of `*`; evaluators differ). `Request|arn-case`: the request's
 * ARN has capitals in its partition, service, region or account. `Resource|type-wildcard`: a Resource (or
 * NotResource) pattern has a wildcard in the resource type (`device-f?eet/…`), not only in its id.
 */
function requestForms(c: Case): string[] {
  const out: string[] = [];
  for (const d of allDocuments(c)) {
    for (const s of statementsOf(d)) {
      if (!isObject(s)) continue;
      for (const el of ['Resource', 'NotResource']) {
        const typed = [s[el] ?? []].flat().some((p) => {
          const resource = typeof p === 'string' ? p.split(':').slice(5).join(':') : '';
          return resource.includes('/') && /[*?]/.test(resource.split('/')[0] ?? '');
        });
        if (typed) out.push(`${el}|type-wildcard`);
      }
    }
  }
  const r = typeof c.request?.resource === 'string' ? c.request.resource : '*';
  if (r === '*') {
    const patterned = allDocuments(c).some((d) =>
      statementsOf(d).some((s) => isObject(s) && ['Resource', 'NotResource'].some((el) => [s[el] ?? []].flat().some((p) => typeof p === 'string' && p !== '*'))),
    );
    if (patterned) out.push('Request|resource-star');
  } else if (/[A-Z]/.test(r.split(':').slice(0, 5).join(':'))) out.push('Request|arn-case');
  return out;
}

/** The base condition operators (no set qualifier, no `IfExists`) the documents of a case use. */
export function conditionOperators(c: Case): string[] {
  const out = new Set<string>();
  for (const doc of allDocuments(c)) {
    for (const s of statementsOf(doc)) {
      const cond = isObject(s) ? s.Condition : undefined;
      if (isObject(cond)) for (const op of Object.keys(cond)) out.add(baseOperator(op));
    }
  }
  return [...out].sort();
}

/** The grammar rules (oracle/validate) the documents of a case break, each document read as its policy type. */
export function brokenRules(c: Case): string[] {
  const read = (docs: readonly Json[], policyType: ValidateOptions['policyType']) =>
    docs.flatMap((d) => {
      const r = validatePolicy(d, { policyType });
      return r.ok ? [] : r.errors.map((e) => e.rule);
    });
  return [
    ...new Set([
      ...read([...c.policies, ...(c.permissionsBoundaries ?? [])], 'identity'),
      ...read((c.serviceControlPolicies ?? []).flat(), 'serviceControl'),
      ...read(c.resourcePolicy !== undefined ? [c.resourcePolicy] : [], 'resource'),
    ]),
  ];
}
