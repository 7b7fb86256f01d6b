/**
 * Every understood cause of disagreement between iam-simulate and the oracle, with who is right and why.
 * One table feeds the triage tool's labels, the expectation entries (specs/expectations/iam-simulate.json,
 * built by build-iam-simulate-expectations.ts) and docs/evaluators/iam-simulate.md.
 */
import type { Feature } from '../../oracle/types.js';

export interface Cause {
  /** What iam-simulate does, one present-tense sentence. */
  readonly description: string;
  readonly citation: string;
  readonly feature: Feature;
  /** `evaluator-bug`: the AWS docs say iam-simulate is wrong; `unconfirmed`: the docs do not settle it. */
  readonly status: 'evaluator-bug' | 'unconfirmed';
  readonly note?: string;
}

const RESOURCE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html';
const OPERATORS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html';
const VARIABLES = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html';

export const CAUSES = {
  'resource-type-wildcard': {
    description:
      'iam-simulate reads the resource-type part of an ARN resource segment (up to the first / or :) literally, so * and ? there never match',
    citation: RESOURCE,
    feature: 'resource-wildcard',
    status: 'evaluator-bug',
    note: 'AWS: wildcards (* and ?) may be used within the individual segments of an ARN. iam-simulate util.getResourceSegments + resource.ts "Product does not match".',
  },
  'request-resource-star': {
    description:
      'iam-simulate reads a request for resource * as "some resource": an Allow on a specific ARN applies and a Deny on a specific ARN does not',
    citation: 'https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html',
    feature: 'resource-arn',
    status: 'unconfirmed',
    note: 'The API says ResourceArns defaults to * (all resources) without saying how * meets specific ARNs. Users report the AWS simulator matches it literally (implicitDeny for ARN-scoped Allows): https://github.com/cloud-custodian/cloud-custodian/issues/4612 , https://github.com/aws/aws-cli/issues/8650. Settle live.',
  },
  'arn-segment-case': {
    description: 'iam-simulate matches the partition, service, region and account segments of resource ARNs case-insensitively',
    citation: RESOURCE,
    feature: 'resource-arn',
    status: 'unconfirmed',
    note: 'The Resource page only says the IAM user name is case sensitive; the oracle matches every segment case-sensitively (iam-semantics.md section 4, UNCONFIRMED item 6).',
  },
  'version-2008-variables': {
    description: 'iam-simulate substitutes ${...} policy variables in policies whose Version is 2008-10-17 or absent, where AWS reads them as literal text',
    citation: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html',
    feature: 'version-2008',
    status: 'evaluator-bug',
  },
  'foranyvalue-ifexists-absent-key': {
    description: 'iam-simulate does not let ForAnyValue:...IfExists hold when the key is absent: it ignores IfExists under a set qualifier',
    citation: OPERATORS,
    feature: 'set-operators',
    status: 'unconfirmed',
    note: 'IfExists: "if the key is not present, the condition evaluates to true"; the docs never combine it with set qualifiers (iam-semantics.md UNCONFIRMED item 11). The iam-simulate author documents the opposite reading at https://iam.cloudcopilot.io/resources/operators/ForAnyValue:StringNotEqualsIfExists.',
  },
  'negated-operator-absent-variable': {
    description: 'iam-simulate lets no negated operator match when its policy value holds a ${variable} with no value; AWS says negated operators then match',
    citation: VARIABLES,
    feature: 'policy-variables',
    status: 'evaluator-bug',
    note: 'Section "Policy variables with no value". iam-simulate makes the unresolved value match nothing and then also fails the negated comparison (StringNotEquals.js: errors → matches:false).',
  },
  'notresource-absent-variable': {
    description: 'iam-simulate makes a statement not apply when a NotResource pattern holds a ${variable} with no value; the oracle reads the pattern as matching nothing, so NotResource matches',
    citation: VARIABLES,
    feature: 'not-resource',
    status: 'unconfirmed',
    note: 'The docs say a Resource pattern with an unresolved variable matches nothing; NotResource is not discussed. iam-simulate treats the mismatch as not invertible (resourceMismatchReasons.unresolvablePolicyVariable).',
  },
  'date-epoch-seconds': {
    description: 'iam-simulate compares an epoch-seconds date with an ISO 8601 date as if the epoch were in milliseconds, off by a factor of 1000',
    citation: OPERATORS,
    feature: 'condition-date',
    status: 'evaluator-bug',
    note: 'Date values may be ISO 8601 or epoch (UNIX) time. condition/date/date.js parseDate returns epoch seconds but Date.parse milliseconds.',
  },
  'ipv4-slash-zero': {
    description: 'iam-simulate matches an IPv4 /0 range only against its network address',
    citation: OPERATORS,
    feature: 'condition-ip',
    status: 'evaluator-bug',
    note: 'ipv4.js: mask = -1 << (32 - prefix); JavaScript shifts by 32 mod 32 = 0, so /0 compares all 32 bits.',
  },
  'bare-ip-other-family': {
    description: 'iam-simulate does not let NotIpAddress hold when the policy value is a bare IP (no /prefix) and the request address is of the other family',
    citation: OPERATORS,
    feature: 'condition-ip',
    status: 'evaluator-bug',
    note: 'An IPv6 address is not the IPv4 address named, so the negated operator holds; iam-simulate already does so for CIDR values (ip.js checkIfIpAddress).',
  },
  'plain-operator-list-type': {
    description: 'iam-simulate never matches a plain (non-set) operator against a key supplied as a ...List type, even with one value',
    citation: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html',
    feature: 'multivalued-context',
    status: 'unconfirmed',
    note: 'The oracle reads a one-value list like a single value; behaviour of AWS for plain operators on multivalued keys is undocumented (iam-semantics.md UNCONFIRMED item 9).',
  },
  'empty-list-key': {
    description: 'iam-simulate counts a key supplied with an empty list as present: Null "true" fails and plain operators do not match',
    citation: 'https://docs.aws.amazon.com/IAM/latest/APIReference/API_ContextEntry.html',
    feature: 'multivalued-context',
    status: 'unconfirmed',
    note: 'The oracle reads an entry with no values as no entry (oracle/context.ts DECISION); the simulator API does not say.',
  },
  'empty-string-null': {
    description: 'iam-simulate counts a key whose only value is the empty string as present for Null; the oracle reads it as a null dataset',
    citation: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html',
    feature: 'condition-null',
    status: 'unconfirmed',
    note: 'The docs call an empty value a null dataset only for set operators. The vector "An empty string is a null dataset to Null" (unconfirmed) states the oracle\'s reading and names iam-simulate\'s as the alternative.',
  },
  'arn-like-short-pattern': {
    description: 'iam-simulate never matches ArnLike/ArnEquals patterns with fewer than six colon-separated parts',
    citation: 'https://docs.aws.amazon.com/sagemaker/latest/dg/security_iam_id-based-policy-examples.html',
    feature: 'condition-arn',
    status: 'unconfirmed',
    note: 'The operators page checks "each of the six colon-delimited components"; the SageMaker guide nevertheless uses ArnLike "*key/volume-kms-key-12345".',
  },
  'arn-variable-spans-segments': {
    description:
      'iam-simulate splits an ARN-operator policy value into its six parts before substituting ${...} variables, so a variable (or its default) standing for several parts never matches',
    citation: VARIABLES,
    feature: 'condition-arn',
    status: 'evaluator-bug',
    note: 'Policy variables may be used in ARN operator values and are replaced by the request value; nothing limits a variable to one ARN segment. ArnLike {"aws:SourceArn": "${aws:username}"} with aws:username = an ARN matches in the oracle, never in iam-simulate.',
  },
  'arn-like-non-arn-value': {
    description: 'iam-simulate never matches ArnLike or ArnNotLike when the request value is not an ARN',
    citation: OPERATORS,
    feature: 'condition-arn',
    status: 'unconfirmed',
  },
  'variable-empty-string': {
    description: 'iam-simulate treats a ${variable} whose key holds the empty string as a variable with no value',
    citation: VARIABLES,
    feature: 'policy-variables',
    status: 'unconfirmed',
    note: 'util.js replaceIamStringToken tests `if (requestValue)`, which is false for "". The oracle substitutes "" (iam-semantics.md UNCONFIRMED item 14).',
  },
  'catalogue-typed-context': {
    description: 'iam-simulate decides single vs multivalued from its own catalogue, not from the request: aws:TagKeys sent as one string becomes a list, and several values for a single-valued key are cut to the first',
    citation: 'https://docs.aws.amazon.com/IAM/latest/APIReference/API_ContextEntry.html',
    feature: 'multivalued-context',
    status: 'unconfirmed',
  },
  'wildcard-newline': {
    description: 'iam-simulate lets no * wildcard match a newline character (a regular expression . without the s flag)',
    citation: OPERATORS,
    feature: 'condition-string',
    status: 'evaluator-bug',
    note: 'A * stands for any combination of characters. Only reachable through the simulator API: tag values cannot hold newlines.',
  },
  'numeric-exponent': {
    description: 'iam-simulate does not read a numeric policy value with a plus sign or in exponent form (+5, 1e2, 50e-1), so the condition never matches',
    citation: OPERATORS,
    feature: 'condition-numeric',
    status: 'unconfirmed',
    note: 'The docs say "integer or decimal" only; the oracle reads signs and exponents (oracle/validate/DECISIONS #9), which the live mode must settle.',
  },
  'numeric-request-lenient': {
    description: 'iam-simulate reads a numeric request value with leading or trailing spaces or trailing text as the number, where the oracle reads it as no number',
    citation: OPERATORS,
    feature: 'condition-numeric',
    status: 'unconfirmed',
    note: "The docs say numeric values are integers or decimals; what IAM does with ' 5' or '5abc' in a request is not documented (oracle/DECISIONS #9: a value the operator cannot read satisfies neither the operator nor its negation).",
  },
  'short-resource-pattern': {
    description: 'iam-simulate lets a Resource pattern of fewer than six parts match longer ARNs although its last segment does not end in *',
    citation: RESOURCE,
    feature: 'resource-arn',
    status: 'unconfirmed',
    note: 'IAM accepts such patterns (arn:aws:fdsasf, moto\'s AWS-verified tests); the Resource page lets only a * that ends a segment expand past colons (oracle/DECISIONS #2). Settle live.',
  },
  'special-variable-in-equals': {
    description: 'iam-simulate leaves ${*}, ${?} and ${$} unreplaced in StringEquals, StringNotEquals, their IgnoreCase forms and ArnEquals/ArnNotEquals, so the value never equals the literal character',
    citation: VARIABLES,
    feature: 'policy-variables',
    status: 'evaluator-bug',
    note: 'The variables page: "These predefined policy variables can be used in any string where you can use regular policy variables." util.js replaceIamStringToken returns the escaped token text when the operator does not convert to a regex.',
  },
  'several-boundaries': {
    description: 'iam-simulate allows what any one of several permissions boundaries allows; the oracle requires every boundary to allow',
    citation: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html',
    feature: 'permissions-boundary',
    status: 'unconfirmed',
    note: 'AWS accepts one boundary per entity; with several the oracle intersects them (oracle/DECISIONS #26). The generators add `Allow *` as a second boundary, which the pattern recognises.',
  },
  'front-end-dropped-context': {
    description:
      'iam-simulate drops supplied context keys its catalogue says the action does not take; the adapter re-asks its engine, except for a resource * request whose exact pattern is implicitly denied, where the drop is not reported',
    citation: 'https://docs.aws.amazon.com/IAM/latest/APIReference/API_ContextEntry.html',
    feature: 'missing-key',
    status: 'evaluator-bug',
    note: 'The simulator uses every supplied context entry a policy references. iam-simulate does this by design (it models which keys real requests carry).',
  },
  'accepts-invalid-sid': {
    description: 'iam-simulate accepts a Sid with characters other than ASCII letters and digits, and duplicate Sids in one policy',
    citation: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html',
    feature: 'malformed-policy',
    status: 'evaluator-bug',
  },
  'accepts-non-latin1': {
    description: 'iam-simulate evaluates policies holding characters outside TAB, LF, CR and U+0020-U+00FF, which IAM rejects',
    citation: 'https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html',
    feature: 'malformed-policy',
    status: 'evaluator-bug',
    note: 'PolicyInputList members must match [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+.',
  },
  'accepts-undocumented-invalid': {
    description: 'iam-simulate evaluates a policy the suite rejects where the AWS docs do not say whether IAM rejects it',
    citation: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html',
    feature: 'malformed-policy',
    status: 'unconfirmed',
    note: 'Empty Statement array, Id element, Resource not an ARN, unknown operator, unreadable typed values, empty value list, NullIfExists, empty action name (iam-semantics.md UNCONFIRMED items 2 and 4; oracle/validate DECISIONS.md).',
  },
  'crash-on-null': {
    description: 'iam-simulate throws (Cannot convert undefined or null to object) on a null policy document, Statement, statement or condition block instead of rejecting the policy',
    citation: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html',
    feature: 'malformed-policy',
    status: 'evaluator-bug',
    note: 'The grammar has no null policy, statement or condition block; AWS answers such documents with MalformedPolicyDocument ("Syntax errors in policy.", https://github.com/kubernetes/kops/issues/13095). Recorded with actual "errored": excused in generated properties only',
  },
  'not-principal-account-entry': {
    description: 'iam-simulate lets an account entry in a NotPrincipal Deny leave out every user of that account, not only the account itself',
    citation: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html',
    feature: 'principal-element',
    status: 'evaluator-bug',
    note: 'AWS\'s example lists user/Bob and the account root and says "all principals except the user named Bob in AWS account 444455556666 are explicitly denied" (oracle/DECISIONS.md #40). iam-simulate principal.js: an AccountLevelMatch against a NotPrincipal entry excludes the caller.',
  },
  'not-principal-allow': {
    description: 'iam-simulate evaluates NotPrincipal with Allow (granting everyone not listed), which the current docs call not supported',
    citation: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html',
    feature: 'principal-element',
    status: 'unconfirmed',
    note: 'Current page: "Using it with "Effect":"Allow" is not supported"; the 2023 page described it as allowing all principals except those listed.',
  },
  'accepts-invalid-principal': {
    description: 'iam-simulate evaluates resource-policy statements without Principal or NotPrincipal, and principals the grammar rejects (a partial wildcard, "Service": "*", a string other than "*", an unknown principal type)',
    citation: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html',
    feature: 'principal-element',
    status: 'evaluator-bug',
    note: 'Grammar: "The principal_block element is required in resource-based policies"; Principal page: "You cannot use a wildcard to match part of a principal name or ARN", "The service principal in an IAM policy can\'t be "Service": "*"". iam-simulate validateResourcePolicy checks none of these.',
  },
  'scp-version-unchecked': {
    description: 'iam-simulate evaluates an SCP without "Version": "2012-10-17"',
    citation: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html',
    feature: 'service-control-policy',
    status: 'unconfirmed',
    note: 'The SCP syntax page: "Every SCP must include a Version element with the value "2012-10-17""; whether the simulator enforces it is not documented.',
  },
} as const satisfies Record<string, Cause>;

export type CauseId = keyof typeof CAUSES;

/** Which cause a validation rule of the oracle (PolicyError.rule) belongs to when iam-simulate accepts the policy. */
export const VALIDATION_CAUSES: Readonly<Record<string, CauseId>> = {
  'sid-format': 'accepts-invalid-sid',
  'sid-unique': 'accepts-invalid-sid',
  'document-characters': 'accepts-non-latin1',
  'principal-missing': 'accepts-invalid-principal',
  'principal-xor-notprincipal': 'accepts-invalid-principal',
  'principal-type': 'accepts-invalid-principal',
  'principal-key-unknown': 'accepts-invalid-principal',
  'principal-value-type': 'accepts-invalid-principal',
  'principal-empty': 'accepts-invalid-principal',
  'principal-partial-wildcard': 'accepts-invalid-principal',
  'principal-service-wildcard': 'accepts-invalid-principal',
  'not-principal-allow': 'not-principal-allow',
  'scp-version': 'scp-version-unchecked',
};
