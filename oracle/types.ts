/**
 * The shared vocabulary of iam-conformance. Every other module speaks these words; they are AWS's own
 * wherever AWS has a word (EvalDecision, ContextKeyType, policy element names).
 *
 * Nothing here has behaviour beyond `as const` lists and tiny type guards.
 */

/** AWS `EvalDecision` values, as `SimulatePrincipalPolicy` returns them. */
export const DECISIONS = ['allowed', 'explicitDeny', 'implicitDeny'] as const;
export type Decision = (typeof DECISIONS)[number];

/** AWS `ContextKeyType` values (API_ContextEntry.html). Values always travel as strings. */
export const CONTEXT_KEY_TYPES = [
  'string',
  'stringList',
  'numeric',
  'numericList',
  'boolean',
  'booleanList',
  'ip',
  'ipList',
  'binary',
  'binaryList',
  'date',
  'dateList',
] as const;
export type ContextKeyType = (typeof CONTEXT_KEY_TYPES)[number];

/** One `ContextEntries` item of the simulator: key name, type and values (several for `…List` types). */
export interface ContextEntry {
  readonly key: string;
  readonly type: ContextKeyType;
  readonly values: readonly string[];
}

/** What is being asked: one concrete action (no wildcards) on one resource ARN (or `*`). */
export interface Request {
  readonly action: string;
  readonly resource: string;
  readonly context: readonly ContextEntry[];
  /**
   * `CallerArn`: the calling IAM user's ARN (`arn:aws:iam::ACCOUNT:user/NAME`); the simulator takes only an
   * IAM user when a resource policy is simulated.
   * @defaultValue {@link DEFAULT_CALLER}
   */
  readonly caller?: string;
  /**
   * `ResourceOwner`, as a 12-digit account ID (sent to AWS as `arn:aws:iam::ID:root`).
   * @defaultValue the caller's account
   */
  readonly resourceOwner?: string;
}

/** The caller when a request names none: a plain IAM user in the suite's account. */
export const DEFAULT_CALLER = 'arn:aws:iam::123456789012:user/iam-conformance';

/**
 * A policy document exactly as a user writes it: parsed JSON, not yet validated. `unknown` on purpose —
 * the oracle must give an error verdict, never a crash, for any JSON value.
 */
export type PolicyDocument = unknown;

/**
 * One evaluation question. Maps one-to-one onto SimulatePrincipalPolicy / SimulateCustomPolicy inputs:
 * policies → PolicyInputList, permissionsBoundaries → PermissionsBoundaryPolicyInputList (AWS accepts one),
 * serviceControlPolicies → OrderedOrganizationPolicyInputList (one element per level), resourcePolicy →
 * ResourcePolicy, request → ActionNames / ResourceArns / ContextEntries / CallerArn / ResourceOwner.
 */
export interface Case {
  /** Identity-based policies of the caller. */
  readonly policies: readonly PolicyDocument[];
  readonly permissionsBoundaries?: readonly PolicyDocument[];
  /** SCP levels, organization root first, account last; absent: the caller's account is in no organization. */
  readonly serviceControlPolicies?: readonly (readonly PolicyDocument[])[];
  /** The resource-based policy attached to `request.resource`. */
  readonly resourcePolicy?: PolicyDocument;
  readonly request: Request;
}

/** Which input a statement came from. */
export type PolicySet = 'identity' | 'permissionsBoundary' | 'serviceControlPolicy' | 'resourcePolicy';

/** A statement that applied to the request (AWS `MatchedStatements`, in our coordinates). */
export interface MatchedStatement {
  readonly policySet: PolicySet;
  /**
   * Index in `Case.policies`, `Case.permissionsBoundaries` or the SCP level (`level`); 0 for the
   * resource policy.
   */
  readonly policyIndex: number;
  /** For `serviceControlPolicy`: the level in `Case.serviceControlPolicies` (0 = organization root). */
  readonly level?: number;
  /** Index in the policy's `Statement` array (0 when `Statement` is a single object). */
  readonly statementIndex: number;
  readonly sid?: string;
  readonly effect: Effect;
}

/** One step of the oracle's explanation: which statement, which element, what it concluded. */
export interface TraceStep {
  readonly policySet: PolicySet;
  readonly policyIndex: number;
  /** For `serviceControlPolicy`: the level. */
  readonly level?: number;
  readonly statementIndex: number;
  /**
   * `Action`, `NotAction`, `Resource`, `NotResource`, `Condition`, `Principal`, `NotPrincipal`, `Statement`
   * (the summary) or `Decision` (the last step: which policy type decided, for cases with SCPs, a resource
   * policy or a resource owner).
   */
  readonly element: string;
  /** For conditions, e.g. `StringEquals/aws:RequestTag/team`. */
  readonly detail?: string;
  readonly holds: boolean;
  /** Human-readable reason, e.g. "key absent: negated operator holds". */
  readonly reason: string;
}

/** A decision, with the evidence the oracle (or AWS) gives for it. */
export interface DecisionVerdict {
  readonly decision: Decision;
  readonly matchedStatements?: readonly MatchedStatement[];
  /** Condition keys referenced by the policies but absent from the request (AWS `MissingContextValues`). */
  readonly missingContextKeys?: readonly string[];
  /** Which statement and which condition decided; the oracle always fills it. */
  readonly trace?: readonly TraceStep[];
}

/** A policy was rejected (AWS `MalformedPolicyDocument`), or the evaluator refused the case. */
export interface ErrorVerdict {
  readonly error: {
    readonly code: string;
    readonly message: string;
    /** JSON path of the offending element, e.g. `policies[0].Statement[1].Effect`. */
    readonly path?: string;
  };
}

export type Verdict = DecisionVerdict | ErrorVerdict;

export const isErrorVerdict = (v: Verdict): v is ErrorVerdict => 'error' in v;

/** The error code the oracle uses for invalid policies, AWS's own for the same rejection. */
export const MALFORMED_POLICY = 'MalformedPolicyDocument';

// ---------------------------------------------------------------------------------------------------
// Validated policy model: what `validatePolicy` produces and `evaluate` consumes.
// ---------------------------------------------------------------------------------------------------

export const POLICY_VERSIONS = ['2012-10-17', '2008-10-17'] as const;
export type PolicyVersion = (typeof POLICY_VERSIONS)[number];

export type Effect = 'Allow' | 'Deny';

/** String operators; `…IfExists` and set qualifiers are separate fields of a condition. */
export const STRING_OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
] as const;
export const NUMERIC_OPERATORS = [
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
] as const;
export const DATE_OPERATORS = [
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
] as const;
export const BOOL_OPERATORS = ['Bool'] as const;
export const BINARY_OPERATORS = ['BinaryEquals'] as const;
export const IP_OPERATORS = ['IpAddress', 'NotIpAddress'] as const;
export const ARN_OPERATORS = ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike'] as const;
export const NULL_OPERATORS = ['Null'] as const;

export const CONDITION_OPERATORS = [
  ...STRING_OPERATORS,
  ...NUMERIC_OPERATORS,
  ...DATE_OPERATORS,
  ...BOOL_OPERATORS,
  ...BINARY_OPERATORS,
  ...IP_OPERATORS,
  ...ARN_OPERATORS,
  ...NULL_OPERATORS,
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** Operators whose multiple policy values combine as NOR, and which hold when the key is absent. */
export const NEGATED_OPERATORS: ReadonlySet<ConditionOperator> = new Set<ConditionOperator>([
  'StringNotEquals',
  'StringNotEqualsIgnoreCase',
  'StringNotLike',
  'NumericNotEquals',
  'DateNotEquals',
  'NotIpAddress',
  'ArnNotEquals',
  'ArnNotLike',
]);

export type SetQualifier = 'ForAllValues' | 'ForAnyValue';

/** One (operator, key) pair of a Condition block, with its policy values as strings. */
export interface Condition {
  /** The operator as written, e.g. `ForAllValues:StringLikeIfExists`. */
  readonly raw: string;
  readonly qualifier?: SetQualifier;
  readonly operator: ConditionOperator;
  readonly ifExists: boolean;
  /** The condition key as written (matching is case-insensitive). */
  readonly key: string;
  /** Policy values; JSON numbers and booleans are kept as their string form. */
  readonly values: readonly string[];
}

/**
 * A resource policy's `Principal` / `NotPrincipal` element. `"*"` and `{"AWS": "*"}` both set `any`;
 * `aws` holds the `AWS` values as written; `others` the `Service`, `Federated` and `CanonicalUser` values,
 * which never name an IAM user. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */
export interface PrincipalElement {
  readonly negated: boolean;
  readonly any: boolean;
  readonly aws: readonly string[];
  readonly others: readonly string[];
}

export interface Statement {
  /** Position in the policy's Statement array (0 for a lone object). */
  readonly index: number;
  readonly sid?: string;
  readonly effect: Effect;
  readonly action: { readonly negated: boolean; readonly patterns: readonly string[] };
  readonly resource: { readonly negated: boolean; readonly patterns: readonly string[] };
  readonly conditions: readonly Condition[];
  /** Resource policies only: whom the statement concerns. */
  readonly principal?: PrincipalElement;
}

/**
 * Which grammar a document is read with: an identity policy (also a permissions boundary), a resource-based
 * policy (Principal or NotPrincipal required), or an SCP (no Principal; Version 2012-10-17).
 */
export type PolicyType = 'identity' | 'resource' | 'serviceControl';

export interface Policy {
  /** `2008-10-17` when the document has no Version (AWS's documented default). */
  readonly version: PolicyVersion;
  readonly statements: readonly Statement[];
}

/** A grammar rule a document broke, with the JSON path inside the document (e.g. `Statement[0].Effect`). */
export interface PolicyError {
  readonly path: string;
  /** Short rule id, e.g. `effect-value`, `sid-unique`, `action-xor-notaction`. */
  readonly rule: string;
  readonly message: string;
}

export type ValidationResult =
  | { readonly ok: true; readonly policy: Policy }
  | { readonly ok: false; readonly errors: readonly PolicyError[] };

// ---------------------------------------------------------------------------------------------------
// Features: a flat list (test262 style) used to tag, skip and count cases.
// ---------------------------------------------------------------------------------------------------

export const FEATURES = [
  'action-wildcard',
  'action-case',
  'not-action',
  'resource-arn',
  'resource-wildcard',
  'not-resource',
  'condition-string',
  'condition-numeric',
  'condition-date',
  'condition-bool',
  'condition-binary',
  'condition-ip',
  'condition-arn',
  'condition-null',
  'if-exists',
  'set-operators',
  'multivalued-context',
  'missing-key',
  'condition-key-case',
  'policy-variables',
  'version-2008',
  'multiple-policies',
  'explicit-deny',
  'permissions-boundary',
  'malformed-policy',
  'service-control-policy',
  'resource-policy',
  'cross-account',
  'principal-element',
] as const;
export type Feature = (typeof FEATURES)[number];

export const isFeature = (s: string): s is Feature => (FEATURES as readonly string[]).includes(s);
