/**
 * The oracle: AWS's decision for one identity-policy request.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
 *
 * 1. An applicable Deny in any identity policy or permissions boundary → `explicitDeny`.
 * 2. Otherwise an applicable Allow in the identity policies, and — when boundaries are given — an
 *    applicable Allow in every boundary → `allowed`. A boundary never grants by itself.
 * 3. Otherwise → `implicitDeny`.
 * Statement order, policy order and Sid do not matter.
 */
import { requestAction } from './action.js';
import { compilePolicyDocument, dedupeIgnoringCase, keysOf, statementsForAction, type CompiledPolicy, type CompiledStatement } from './compile.js';
import { checkCase, INVALID_INPUT, type CheckedCase } from './request.js';
import { appliesBeyondAction, statementApplies, type PreparedRequest } from './statement.js';
import { MALFORMED_POLICY, type Case, type Decision, type DecisionVerdict, type MatchedStatement, type PolicySet, type TraceStep, type Verdict } from './types.js';

/** The code of the error verdict for a failure inside the oracle itself (never expected). */
export const ORACLE_ERROR = 'OracleError';

/**
 * Evaluates a Case: sync, pure, and total — any input yields a Verdict, never an exception.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
export function evaluate(c: Case): Verdict {
  try {
    return evaluateChecked(c);
  } catch (e) {
    return { error: { code: ORACLE_ERROR, message: `The oracle failed: ${e instanceof Error ? e.message : String(e)}` } };
  }
}

function evaluateChecked(c: unknown): Verdict {
  const checked = checkCase(c);
  if (!checked.ok) return { error: { code: INVALID_INPUT, message: checked.message, path: checked.path } };
  const identity = compileAll(checked.value.policies, 'policies');
  if (!Array.isArray(identity)) return identity;
  const boundaries = compileAll(checked.value.permissionsBoundaries, 'permissionsBoundaries');
  if (!Array.isArray(boundaries)) return boundaries;
  const request = prepareRequest(checked.value);
  const { decision, matchedStatements } = decide(identity, boundaries, request);
  return new OracleVerdict(decision, matchedStatements, identity, boundaries, request);
}

/**
 * A decision verdict whose `missingContextKeys` and `trace` are computed on first read: the decision
 * needs neither, and differential runs compare decisions only. `toJSON` includes both, so JSON output
 * (reports, the `cmd:` protocol) always carries them. (Own accessor properties per verdict would cost
 * more than the whole evaluation; these are getters on the class.)
 */
class OracleVerdict implements DecisionVerdict {
  #missing: string[] | undefined;
  #trace: TraceStep[] | undefined;
  readonly #identity: readonly CompiledPolicy[];
  readonly #boundaries: readonly CompiledPolicy[];
  readonly #request: PreparedRequest;

  constructor(
    readonly decision: Decision,
    readonly matchedStatements: readonly MatchedStatement[],
    identity: readonly CompiledPolicy[],
    boundaries: readonly CompiledPolicy[],
    request: PreparedRequest,
  ) {
    this.#identity = identity;
    this.#boundaries = boundaries;
    this.#request = request;
  }

  get missingContextKeys(): readonly string[] {
    this.#missing ??= missingKeys(this.#identity, this.#boundaries, this.#request);
    return this.#missing;
  }

  get trace(): readonly TraceStep[] {
    this.#trace ??= traceOf(this.#identity, this.#boundaries, this.#request);
    return this.#trace;
  }

  toJSON(): DecisionVerdict {
    const { decision, matchedStatements, missingContextKeys, trace } = this;
    return { decision, matchedStatements, missingContextKeys, trace };
  }
}

/** Re-runs the decision, this time recording every element of every statement. */
function traceOf(identity: readonly CompiledPolicy[], boundaries: readonly CompiledPolicy[], request: PreparedRequest): TraceStep[] {
  const trace: TraceStep[] = [];
  try {
    decide(identity, boundaries, request, trace);
  } catch {
    // Never expected; reading a trace must not turn a decision into an exception.
  }
  return trace;
}

/** Validates and compiles every document of one input list, or the error verdict for the first invalid one. */
function compileAll(docs: readonly unknown[], list: 'policies' | 'permissionsBoundaries'): CompiledPolicy[] | Verdict {
  const compiled: CompiledPolicy[] = [];
  for (let i = 0; i < docs.length; i++) {
    const result = compilePolicyDocument(docs[i]);
    if (!result.ok) {
      const inner = result.error.path;
      const path = inner === '' ? `${list}[${i}]` : inner.startsWith('[') ? `${list}[${i}]${inner}` : `${list}[${i}].${inner}`;
      return { error: { code: MALFORMED_POLICY, message: result.error.message, path } };
    }
    compiled.push(result.compiled);
  }
  return compiled;
}

function prepareRequest(c: CheckedCase): PreparedRequest {
  const { context } = c;
  return {
    actionName: c.action,
    action: requestAction(c.action),
    resource: c.resource,
    splitResource: undefined,
    context,
    lookup: (key) => context.get(key),
  };
}

/**
 * Explicit deny over allow over implicit deny; boundaries cap what identity policies allow.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html
 */
function decide(
  identity: readonly CompiledPolicy[],
  boundaries: readonly CompiledPolicy[],
  request: PreparedRequest,
  trace?: TraceStep[],
): { decision: Decision; matchedStatements: MatchedStatement[] } {
  const denies: MatchedStatement[] = [];
  const allows: MatchedStatement[] = [];
  for (let i = 0; i < identity.length; i++) collectApplicable(identity[i]!, 'identity', i, request, denies, allows, trace);
  const identityAllows = allows.length > 0;
  let everyBoundaryAllows = true;
  for (let i = 0; i < boundaries.length; i++) {
    const before = allows.length;
    collectApplicable(boundaries[i]!, 'permissionsBoundary', i, request, denies, allows, trace);
    if (allows.length === before) everyBoundaryAllows = false;
  }
  if (denies.length > 0) return { decision: 'explicitDeny', matchedStatements: denies };
  if (identityAllows && everyBoundaryAllows) return { decision: 'allowed', matchedStatements: allows };
  return { decision: 'implicitDeny', matchedStatements: [] };
}

/** Appends the statements of one policy that apply to the request to `denies` or `allows`. */
function collectApplicable(
  policy: CompiledPolicy,
  policySet: PolicySet,
  policyIndex: number,
  request: PreparedRequest,
  denies: MatchedStatement[],
  allows: MatchedStatement[],
  trace?: TraceStep[],
): void {
  // Read before statementsForAction marks the policy evaluated.
  const warm = policy.evaluated;
  if (trace) {
    const place = { policySet, policyIndex };
    for (const s of policy.statements) {
      if (statementApplies(s, request, place, trace)) (s.statement.effect === 'Deny' ? denies : allows).push(matchedStatement(s, policySet, policyIndex, warm));
    }
    return;
  }
  for (const s of statementsForAction(policy, request.action)) {
    if (appliesBeyondAction(s, request)) (s.statement.effect === 'Deny' ? denies : allows).push(matchedStatement(s, policySet, policyIndex, warm));
  }
}

/**
 * The statement in AWS `MatchedStatements` coordinates, built once per statement and place for a
 * policy that is evaluated again (`warm`), and frozen, since every verdict then shares it; a policy
 * evaluated once gets no memo, and its verdict its own object.
 */
function matchedStatement(s: CompiledStatement, policySet: PolicySet, policyIndex: number, warm: boolean): MatchedStatement {
  const cache = warm ? (s.matchedAs ??= { identity: [], permissionsBoundary: [] })[policySet] : undefined;
  let matched = cache?.[policyIndex];
  if (matched === undefined) {
    const { index: statementIndex, sid, effect } = s.statement;
    matched = sid === undefined ? { policySet, policyIndex, statementIndex, effect } : { policySet, policyIndex, statementIndex, sid, effect };
    if (cache) cache[policyIndex] = Object.freeze(matched);
  }
  return matched;
}

/**
 * Keys referenced anywhere in the policies (conditions and variables) that the request does not supply
 * (AWS `MissingContextValues`); first spelling kept, compared ignoring case.
 */
function missingKeys(identity: readonly CompiledPolicy[], boundaries: readonly CompiledPolicy[], request: PreparedRequest): string[] {
  const missing: string[] = [];
  const sources = missingFrom(identity, request, missing) + missingFrom(boundaries, request, missing);
  return sources > 1 ? dedupeIgnoringCase(missing) : missing;
}

/** Appends each policy's keys the request lacks; returns how many policies contributed any. */
function missingFrom(policies: readonly CompiledPolicy[], request: PreparedRequest, missing: string[]): number {
  let sources = 0;
  for (const policy of policies) {
    const before = missing.length;
    const { keys, keysLower } = keysOf(policy);
    for (let i = 0; i < keysLower.length; i++) if (!request.context.has(keysLower[i]!)) missing.push(keys[i]!);
    if (missing.length > before) sources++;
  }
  return sources;
}
