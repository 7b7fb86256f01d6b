/**
 * One grammar rule broken at a time. Each breakage takes a valid policy document (a fresh copy) and
 * returns it with exactly that rule violated, naming the rule id the validator reports
 * (oracle/validate/DECISIONS.md) and the doc that states the rule.
 * Grammar: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
import { pick } from './text.js';

type Doc = Record<string, unknown>;
type Stmt = Record<string, unknown>;

export interface Breakage {
  /** The validator's rule id for what is broken. */
  readonly rule: string;
  readonly description: string;
  /** Breaks `doc` in place (it is a private copy); `n` picks among variants. */
  readonly apply: (doc: Doc, n: number) => unknown;
}

/** The statements as an array (writing a lone object back as a one-element array is still valid). */
function statements(doc: Doc): Stmt[] {
  const s = doc.Statement;
  const list = (Array.isArray(s) ? s : [s]) as Stmt[];
  doc.Statement = list;
  return list;
}

const first = (doc: Doc): Stmt => statements(doc)[0] as Stmt;

/** Gives the first statement both `element` and `Not<element>`, the one it lacked set to `other`. */
function withBoth(doc: Doc, element: 'Action' | 'Resource', other: string): Doc {
  const s = first(doc);
  s[element] = s[element] ?? s[`Not${element}`];
  s[`Not${element}`] = other;
  return doc;
}

/** Replaces Action/NotAction values with one bad action string. */
function badAction(value: string) {
  return (doc: Doc): Doc => {
    const s = first(doc);
    delete s.NotAction;
    s.Action = [value];
    return doc;
  };
}

function badResource(value: string | string[]) {
  return (doc: Doc): Doc => {
    const s = first(doc);
    delete s.NotResource;
    s.Resource = value;
    return doc;
  };
}

function badCondition(operator: string, key: string, values: readonly unknown[]) {
  return (doc: Doc, n: number): Doc => {
    const s = first(doc);
    s.Condition = { ...((s.Condition) ?? {}), [operator]: { [key]: pick(values, n) } };
    return doc;
  };
}

export const BREAKAGES: readonly Breakage[] = [
  {
    rule: 'effect-value',
    description: 'Effect in the wrong case (case-sensitive: reference_policies_elements_effect.html)',
    apply: (doc, n) => ((first(doc).Effect = pick(['allow', 'deny', 'ALLOW', 'Permit'], n)), doc),
  },
  { rule: 'effect-missing', description: 'no Effect', apply: (doc) => (delete first(doc).Effect, doc) },
  {
    rule: 'principal-forbidden',
    description: 'Principal in an identity policy (reference_policies_elements_principal.html)',
    apply: (doc, n) => ((first(doc)[pick(['Principal', 'NotPrincipal'], n)] = pick(['*', { AWS: 'arn:aws:iam::123456789012:root' }], n)), doc),
  },
  {
    rule: 'action-xor-notaction',
    description: 'both Action and NotAction',
    apply: (doc) => withBoth(doc, 'Action', 'sagemaker:DeleteModel'),
  },
  { rule: 'action-missing', description: 'neither Action nor NotAction', apply: (doc) => (delete first(doc).Action, delete first(doc).NotAction, doc) },
  {
    rule: 'resource-xor-notresource',
    description: 'both Resource and NotResource',
    apply: (doc) => withBoth(doc, 'Resource', '*'),
  },
  { rule: 'resource-missing', description: 'neither Resource nor NotResource', apply: (doc) => (delete first(doc).Resource, delete first(doc).NotResource, doc) },
  {
    rule: 'version-value',
    description: 'a Version that is not 2012-10-17 or 2008-10-17 (reference_policies_elements_version.html)',
    apply: (doc, n) => ((doc.Version = pick(['2012-10-18', '2012-10-17 ', '2016-10-17', '2012-17-10'], n)), doc),
  },
  { rule: 'version-type', description: 'a numeric Version', apply: (doc) => ((doc.Version = 2012), doc) },
  {
    rule: 'sid-format',
    description: 'a Sid with characters other than letters and digits (reference_policies_elements_sid.html)',
    apply: (doc, n) => ((first(doc).Sid = pick(['bad sid', 'a-b', 'stmt_1', 'S!'], n)), doc),
  },
  {
    rule: 'sid-unique',
    description: 'two statements with the same Sid',
    apply: (doc) => {
      const list = statements(doc);
      const s = list[0] as Stmt;
      s.Sid = 'Dup';
      list.push({ ...s });
      return doc;
    },
  },
  {
    rule: 'condition-operator-unknown',
    description: 'an operator that does not exist or is in the wrong case',
    apply: badCondition('StringEqualz', 'aws:username', ['x']),
  },
  { rule: 'condition-operator-unknown', description: 'operator in lower case', apply: badCondition('stringEquals', 'aws:username', ['x']) },
  { rule: 'condition-null-ifexists', description: 'IfExists on Null', apply: badCondition('NullIfExists', 'aws:TagKeys', ['true']) },
  {
    rule: 'condition-value-numeric',
    description: 'a non-numeric Numeric value',
    apply: badCondition('NumericLessThan', 'sagemaker:MaxRuntimeInSeconds', ['ten', '1,000', '0x10', '']),
  },
  {
    rule: 'condition-value-date',
    description: 'a value that is not a W3C date or epoch seconds',
    apply: badCondition('DateGreaterThan', 'aws:CurrentTime', ['2026-13-01T00:00:00Z', 'yesterday', '2026-02-30']),
  },
  {
    rule: 'condition-value-ip',
    description: 'a value that is not an IP address or CIDR',
    apply: badCondition('IpAddress', 'aws:SourceIp', ['10.0.0.256', '10.0.0.0/33', 'not-an-ip', '10.1']),
  },
  { rule: 'condition-value-bool', description: 'a Bool value that is not true/false', apply: badCondition('Bool', 'aws:SecureTransport', ['yes', '1', 'on']) },
  { rule: 'condition-value-null', description: 'a Null value that is not true/false', apply: badCondition('Null', 'aws:TagKeys', ['absent', 'no']) },
  { rule: 'condition-type', description: 'a Condition that is not an object', apply: (doc) => ((first(doc).Condition = 'StringEquals'), doc) },
  {
    rule: 'action-format',
    description: 'a wildcard in the service prefix ("Action vendors must not contain wildcards")',
    apply: (doc, n) => badAction(pick(['sage*:CreateModel', '*:CreateModel', 'sagemake?:CreateModel'], n))(doc),
  },
  { rule: 'action-format', description: 'two colons in an action', apply: (doc) => badAction('sagemaker:Create:Model')(doc) },
  { rule: 'action-format', description: 'an action without a service prefix', apply: (doc) => badAction('CreateModel')(doc) },
  {
    rule: 'resource-format',
    description: 'a resource that is neither an ARN nor * ("must be in ARN format")',
    apply: (doc, n) => badResource([pick(['endpoint/prod-a', 'sagemaker:endpoint/prod-a', 'arn:aws', 'arn:aws::::endpoint/prod-a', 'arn:aws:sagemaker::endpoint/prod-a'], n)])(doc),
  },
  {
    rule: 'action-empty',
    description: 'an empty Action array',
    apply: (doc) => {
      const s = first(doc);
      delete s.NotAction;
      s.Action = [];
      return doc;
    },
  },
  { rule: 'resource-empty', description: 'an empty Resource array', apply: (doc) => badResource([])(doc) },
  {
    rule: 'statement-type',
    description: 'a statement that is not an object',
    apply: (doc, n) => (statements(doc).push(pick<unknown>(['Allow', 42, null, ['Allow']], n) as Stmt), doc),
  },
  { rule: 'statement-empty', description: 'an empty Statement array', apply: (doc) => ((doc.Statement = []), doc) },
  { rule: 'statement-missing', description: 'no Statement', apply: (doc) => (delete doc.Statement, doc) },
  { rule: 'statement-key-unknown', description: 'an element name with a typo', apply: (doc) => ((first(doc).Actions = ['sagemaker:CreateModel']), doc) },
  { rule: 'document-key-unknown', description: 'a Condition at policy level', apply: (doc) => ((doc.Condition = {}), doc) },
  { rule: 'document-type', description: 'a document that is not an object', apply: (doc, n) => pick([[doc], 'policy', null], n) },
];
