/**
 * Rebuilds specs/expectations/iam-simulate.json: one exact entry per vector case iam-simulate answers
 * differently (its cause from triage-classify.ts, the wording and citation from iam-simulate-causes.ts),
 * plus the few families below for generated cases. Prints any divergence it cannot attribute and then
 * refuses to write: every entry must have an understood, cited cause.
 *
 *   npx tsx tools/triage/build-iam-simulate-expectations.ts [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateWithIamSimulate, loadIamSimulate } from '../../evaluators/iam-simulate.js';
import { packageRoot } from '../../harness/package-root.js';
import { evaluate } from '../../oracle/index.js';
import { CONDITION_OPERATORS, type Case } from '../../oracle/types.js';
import { answerOf, describeResult, expectedVerdict, type Answer } from '../../harness/compare.js';
import { loadExpectations, type Expectation, type ExpectationMatch } from '../../harness/expectations.js';
import { groupCases, loadVectorFiles } from '../../harness/vector-file.js';
import { CAUSES, type CauseId } from './iam-simulate-causes.js';
import { classify } from './triage-classify.js';

type Family = { cause: CauseId; id: string; match: ExpectationMatch; pairs: [Answer | 'any', Answer | 'errored' | 'any'][]; note?: string };

/** One entry for the cause, whatever answer pair a statement's Effect gives it. */
const ANY: ['any', 'any'][] = [['any', 'any']];

/** A policy the oracle rejects, evaluated by iam-simulate (any decision). */
const ACCEPTED: ['error', 'any'][] = [['error', 'any']];

/**
 * Families for generated cases, each keyed on its cause. `iam-conformance run` masks a matching divergence
 * with the oracle's answer in the differential and validation properties only (metamorphic properties
 * compare the evaluator with itself and are never masked), so a family may name what the *policy* does.
 * `pattern` is a regular expression over the case's compact JSON (policies first, then the request):
 * each one below describes its cause as exactly as a regex over one case allows, not the symptom.
 */
const FAMILIES: readonly Family[] = [
  {
    cause: 'request-resource-star',
    id: 'request-resource-star',
    match: { contains: '"resource":"*"', features: ['resource-arn'] },
    pairs: [
      ['implicitDeny', 'allowed'],
      ['explicitDeny', 'implicitDeny'],
      ['implicitDeny', 'explicitDeny'],
      ['explicitDeny', 'allowed'],
      ['allowed', 'implicitDeny'],
    ],
  },
  // The generators' case-flipped near misses upper-case an ARN from its service segment on.
  ...(['SAGEMAKER', 'S3', 'IAM', 'EC2'] as const).map((service) => ({
    cause: 'arn-segment-case' as const,
    id: `arn-segment-case-${service.toLowerCase()}`,
    match: { resource: `arn:aws:${service}:*` },
    pairs: [
      ['implicitDeny', 'allowed'],
      ['implicitDeny', 'explicitDeny'],
      ['explicitDeny', 'implicitDeny'],
      ['allowed', 'implicitDeny'],
    ] as [Answer, Answer][],
  })),
  {
    cause: 'date-epoch-seconds',
    id: 'date-epoch-seconds',
    // A Date operator (any qualifier, IfExists or not) whose first value is all digits: an epoch-seconds date.
    match: { features: ['condition-date'], pattern: '"(?:ForAnyValue:|ForAllValues:)?Date[A-Za-z]*":\\{"[^"]+":\\[?"-?[0-9]+"' },
    pairs: ANY,
    note: 'Family: a Date operator in a policy whose value is epoch seconds',
  },
  {
    cause: 'resource-type-wildcard',
    id: 'resource-type-wildcard',
    // A * or ? in the sixth ARN part before its first / or : (the resource type), in Resource or NotResource.
    match: { features: ['resource-wildcard'], pattern: '"arn:[^:"]*:[^:"]*:[^:"]*:[^:"]*:[^/:"]*[*?]' },
    pairs: ANY,
    note: 'Family: a policy ARN with * or ? in its resource-type part',
  },
  {
    cause: 'version-2008-variables',
    id: 'version-2008-variables',
    // A policy with Version 2008-10-17, or none, that holds ${ before the next policy's Version or the request.
    match: { pattern: '(?:"Version":"2008-10-17"|[\\[,]\\{"Statement":)(?:(?!"Version"|"request")[\\s\\S])*?\\$\\{' },
    pairs: ANY,
    note: 'Family: a ${ in a policy whose Version is 2008-10-17 or absent (variables are literal text there)',
  },
  {
    cause: 'negated-operator-absent-variable',
    id: 'negated-operator-absent-variable',
    // A negated operator (…Not…, any qualifier) whose value holds ${key} (no default) for a key the request lacks.
    match: {
      features: ['policy-variables'],
      pattern: '"(?:ForAnyValue:|ForAllValues:)?[A-Za-z]*Not[A-Za-z]*":\\{[^}]*\\$\\{([^},\']+)\\}(?![\\s\\S]*"key":"\\1")', patternFlags: 'i',
    },
    pairs: ANY,
    note: 'Family: a negated operator with a ${variable} the request does not supply',
  },
  {
    cause: 'foranyvalue-ifexists-absent-key',
    id: 'foranyvalue-ifexists-absent-key',
    // ForAnyValue:…IfExists on a key (the first of its block) the request does not supply.
    match: { features: ['set-operators', 'if-exists', 'missing-key'], pattern: '"ForAnyValue:[A-Za-z]*IfExists":\\{"([^"]+)"(?![\\s\\S]*"key":"\\1")', patternFlags: 'i' },
    pairs: ANY,
    note: 'Family: ForAnyValue:...IfExists on an absent key',
  },
  {
    cause: 'notresource-absent-variable',
    id: 'notresource-absent-variable',
    // A NotResource pattern with ${key} (no default) for a key the request lacks.
    match: { features: ['not-resource', 'policy-variables'], pattern: '"NotResource":[^\\]}]*\\$\\{([^},\']+)\\}(?![\\s\\S]*"key":"\\1")', patternFlags: 'i' },
    pairs: ANY,
    note: 'Family: NotResource with a ${variable} the request does not supply',
  },
  {
    cause: 'ipv4-slash-zero',
    id: 'ipv4-slash-zero',
    match: { features: ['condition-ip'], pattern: '"(?:ForAnyValue:|ForAllValues:)?(?:Not)?IpAddress(?:IfExists)?":\\{[^}]*"[0-9.]+/0"' },
    pairs: ANY,
    note: 'Family: an IPv4 /0 range in an IP operator',
  },
  {
    cause: 'bare-ip-other-family',
    id: 'bare-ip-other-family',
    // NotIpAddress with a bare IPv4 value on a key the request supplies as an IPv6 address (or the reverse).
    match: {
      features: ['condition-ip'],
      pattern:
        '"(?:ForAnyValue:|ForAllValues:)?NotIpAddress(?:IfExists)?":\\{"([^"]+)":\\[?(?:"[^"]*",)*(?:"[0-9.]+"[\\s\\S]*"key":"\\1","type":"ip(?:List)?","values":\\[[^\\]]*:|"[0-9a-fA-F:]*:[0-9a-fA-F:]*"[\\s\\S]*"key":"\\1","type":"ip(?:List)?","values":\\["[0-9.]+")',
      patternFlags: 'i',
    },
    pairs: ANY,
    note: 'Family: NotIpAddress with a bare IP value and a request address of the other family',
  },
  {
    cause: 'plain-operator-list-type',
    id: 'plain-operator-list-type',
    // A plain (unqualified) operator on a key the request supplies as a ...List type.
    match: { features: ['multivalued-context'], pattern: '[{,]"[A-Za-z]+":\\{"([^"]+)":[^}]*\\}[\\s\\S]*"key":"\\1","type":"[a-z]+List"', patternFlags: 'i' },
    pairs: ANY,
    note: 'Family: a plain operator on a key supplied as a ...List type',
  },
  {
    cause: 'arn-variable-spans-segments',
    id: 'arn-variable-spans-segments',
    // An ARN operator whose value is one whole ${variable}.
    match: { features: ['condition-arn', 'policy-variables'], pattern: '"(?:ForAnyValue:|ForAllValues:)?Arn[A-Za-z]*":\\{"[^"]+":\\[?(?:"[^"]*",)*"\\$\\{[^}]+\\}"' },
    pairs: ANY,
    note: 'Family: an ARN operator value that is a whole ${variable}',
  },
  {
    cause: 'catalogue-typed-context',
    id: 'catalogue-typed-context',
    // Several values for one key under a single-valued type (one entry, or the key supplied twice), or aws:TagKeys as a plain string.
    match: {
      pattern: '"type":"(?:string|numeric|boolean|ip|binary|date)","values":\\["[^"]*","|"key":"([^"]+)","type":"[a-z]+","values":\\[[^\\]]*\\][\\s\\S]*"key":"\\1"|"key":"aws:TagKeys","type":"string"',
      patternFlags: 'i',
    },
    pairs: ANY,
    note: 'Family: a key with several values under a single-valued type, a key supplied twice, or aws:TagKeys as a string',
  },
  {
    cause: 'accepts-invalid-sid',
    id: 'accepts-invalid-sid',
    // A Sid with a character other than ASCII letters and digits, or a Sid repeated within one policy.
    match: { features: ['malformed-policy'], pattern: '"Sid":"[^"]*[^A-Za-z0-9"][^"]*"|"Sid":"([^"]*)"(?:(?!"Version")[\\s\\S])*?"Sid":"\\1"' },
    pairs: ACCEPTED,
    note: 'Family: an invalid or repeated Sid',
  },
  {
    cause: 'crash-on-null',
    id: 'crash-on-null',
    // A null where a document, a Statement, a statement or a condition block belongs; only a crash is excused.
    match: { features: ['malformed-policy'], pattern: '[\\[,:]null[,\\]}]' },
    pairs: [['error', 'errored']],
    note: 'Family: a null in a policy document, answered by a crash',
  },
  {
    cause: 'special-variable-in-equals',
    id: 'special-variable-in-equals',
    // ${*}, ${?} or ${$} in a value of a String/Arn Equals operator (any qualifier, IfExists).
    match: {
      features: ['policy-variables'],
      pattern: '"(?:ForAnyValue:|ForAllValues:)?(?:String|Arn)(?:Not)?Equals(?:IgnoreCase)?(?:IfExists)?":\\{(?:[^{}]|\\$\\{[^}]*\\})*?\\$\\{[*?$]\\}',
    },
    pairs: ANY,
    note: 'Family: a special variable in an Equals operator',
  },
  {
    cause: 'numeric-request-lenient',
    id: 'numeric-request-lenient',
    // A numeric request value with a leading/trailing space or trailing text.
    match: { features: ['condition-numeric'], pattern: '"type":"numeric(?:List)?","values":\\[[^\\]]*"(?:\\s[^"]*|[^"]*\\s|[+-]?[0-9.]+[A-Za-z][^"]*)"' },
    pairs: ANY,
    note: 'Family: a numeric request value with spaces or trailing text',
  },
  {
    cause: 'numeric-exponent',
    id: 'numeric-policy-forms',
    // A numeric policy value with a plus sign or an exponent.
    match: { features: ['condition-numeric'], pattern: '"(?:ForAnyValue:|ForAllValues:)?Numeric[A-Za-z]*":\\{[^}]*"(?:\\+[^"]*|[^"]*[eE][^"]*)"' },
    pairs: ANY,
    note: 'Family: a numeric policy value with a sign or an exponent',
  },
  {
    cause: 'several-boundaries',
    id: 'several-boundaries',
    // The second boundary the generators add: Allow * on *, last before the request.
    match: {
      features: ['permissions-boundary'],
      pattern: '\\},\\{"Version":"2012-10-17","Statement":\\[\\{"Effect":"Allow","Action":"\\*","Resource":"\\*"\\}\\]\\}\\],"request"',
    },
    pairs: ANY,
    note: 'Family: several permissions boundaries',
  },
  {
    cause: 'wildcard-newline',
    id: 'wildcard-newline',
    // A Like operator and a request value holding a line break.
    match: { pattern: 'Like(?:IfExists)?":[\\s\\S]*"values":\\[[^\\]]*\\\\[nr]' },
    pairs: ANY,
    note: 'Family: a line break in a request value under a Like operator',
  },
  {
    cause: 'date-epoch-seconds',
    id: 'date-epoch-request',
    // An epoch-seconds date in the request (the policy side is the date-epoch-seconds family).
    match: { features: ['condition-date'], pattern: '"type":"date(?:List)?","values":\\[[^\\]]*"-?[0-9]+"' },
    pairs: ANY,
    note: 'Family: an epoch-seconds request date',
  },
  // Validation choices the docs do not settle (accepts-undocumented-invalid): one family per rule.
  ...(
    [
      ['empty-element', '"(?:Not)?(?:Action|Resource)":\\[\\]', 'an empty Action, NotAction, Resource or NotResource array'],
      ['empty-statement', '"Statement":\\[\\]', 'an empty Statement array'],
      ['null-ifexists', '"NullIfExists":', 'the NullIfExists operator'],
      [
        'resource-not-arn',
        '"(?:Not)?Resource":\\[?(?:"[^"]*",)*"(?:(?!arn:)(?!\\*")[^"]*|arn(?::[^:"]*){0,4})"',
        'a Resource or NotResource that is neither an ARN (six colon-separated parts) nor *',
      ],
      [
        'unknown-operator',
        `[{,]"(?!(?:(?:ForAnyValue:|ForAllValues:)?(?:${CONDITION_OPERATORS.join('|')})(?:IfExists)?|Condition|Statement|Principal|NotPrincipal)")[^"]*":\\{"[^"]*":[\\["]`,
        'a condition operator that does not exist (or in the wrong case)',
      ],
      ['bool-null-value', '"(?:Bool|Null)(?:IfExists)?":\\{[^}]*"(?!true"|false")[^"]*"[\\],}]', 'a Bool or Null value other than true or false'],
      ['numeric-value', '"Numeric[A-Za-z]*":\\{[^}]*"(?!-?[0-9]+(?:\\.[0-9]+)?")[^"]*"[\\],}]', 'a Numeric value that is not a number'],
      [
        'date-value',
        '"Date[A-Za-z]*":\\{[^}]*"(?!-?[0-9]+"|[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:T[0-9:.]+(?:Z|[+-][0-9:]+)?)?")[^"]*"[\\],}]',
        'a Date value that is neither a W3C date nor epoch seconds',
      ],
      ['ip-value', '"(?:Not)?IpAddress(?:IfExists)?":\\{[^}]*"(?![0-9]{1,3}(?:\\.[0-9]{1,3}){3}(?:/[0-9]{1,2})?"|[0-9a-fA-F]*:[0-9a-fA-F:]*(?:/[0-9]{1,3})?")[^"]*"[\\],}]', 'an IP value that is not an address or CIDR'],
      ['action-format', '"(?:Not)?Action":\\[?(?:"[^"]*",)*"(?:[^":]*[*?][^":]*:|[^":]*:[^":]*:|[^":*]+")', 'an action with a wildcard in the service prefix, two colons, or no prefix'],
    ] as const
  ).map(([id, pattern, what]) => ({
    cause: 'accepts-undocumented-invalid' as const,
    id: `accepts-${id}`,
    match: { features: ['malformed-policy' as const], pattern },
    pairs: ACCEPTED,
    note: `Family: ${what}`,
  })),
];

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);

function entry(
  id: string,
  cause: CauseId,
  expected: Answer | 'any',
  actual: Answer | 'errored' | 'any',
  rest: { case?: Case; match?: ExpectationMatch },
  unconfirmedVector = false,
  familyNote?: string,
): Expectation {
  const c = CAUSES[cause];
  const note = 'note' in c ? c.note : undefined;
  return {
    id,
    description: c.description,
    ...rest,
    expected,
    actual,
    citation: c.citation,
    feature: c.feature,
    status: unconfirmedVector ? 'unconfirmed' : c.status,
    note: [`cause: ${cause}`, familyNote, note, unconfirmedVector && c.status !== 'unconfirmed' ? 'The vector itself is unconfirmed.' : undefined]
      .filter(Boolean)
      .join('. '),
  };
}

const sim = await loadIamSimulate();
const out: Expectation[] = [];
const unexplained: string[] = [];
const ids = new Set<string>();
for (const file of await loadVectorFiles([join(packageRoot(), 'specs', 'vectors')])) {
  for (const group of file.groups) {
    for (const gc of groupCases(group)) {
      const result = await evaluateWithIamSimulate(sim, gc.case);
      if (result.kind !== 'verdict') {
        unexplained.push(`${file.file} › ${group.description} › ${gc.description}: ${describeResult(result)} — not an expectation`);
        continue;
      }
      const actual = answerOf(result.verdict);
      if (actual === gc.expected) continue;
      const oracle = evaluate(gc.case);
      if (answerOf(oracle) !== gc.expected) console.error(`note: the oracle disagrees with the vector: ${group.description} › ${gc.description}`);
      const cause = classify(gc.case, oracle, result.verdict) ?? classify(gc.case, expectedVerdict(gc.expected), result.verdict);
      if (!cause) {
        unexplained.push(`${group.description} › ${gc.description}: ${gc.expected} vs ${actual}`);
        continue;
      }
      let id = `vector-${slug(`${group.description} ${gc.description}`)}`;
      while (ids.has(id)) id += '-x';
      ids.add(id);
      out.push(entry(id, cause, gc.expected, actual, { case: gc.case }, group.unconfirmed === true));
    }
  }
}
for (const f of FAMILIES) {
  for (const [expected, actual] of f.pairs) {
    const id = f.pairs.length === 1 && actual === 'any' ? `family-${f.id}` : `family-${f.id}-${expected}-${actual}`;
    out.push(entry(slug(id), f.cause, expected, actual, { match: f.match }, false, f.note));
  }
}

console.error(`${out.length} entries (${out.filter((e) => e.case).length} exact)`);
for (const u of unexplained) console.error(`unexplained: ${u}`);
const target = join(packageRoot(), 'specs', 'expectations', 'iam-simulate.json');
const text = `${JSON.stringify(out, null, 2)}\n`;
if (process.argv.includes('--check')) {
  const same = readFileSync(target, 'utf8') === text;
  console.log(same ? 'specs/expectations/iam-simulate.json is up to date' : 'specs/expectations/iam-simulate.json is stale');
  process.exit(same ? 0 : 1);
}
if (unexplained.some((u) => !u.includes('errored'))) {
  console.error('not written: attribute every divergence to a cause first');
  process.exit(1);
}
writeFileSync(target, text);
loadExpectations(target); // validates against specs/schemas/expectations.schema.json
console.log(`wrote ${out.length} entries to ${target}`);
