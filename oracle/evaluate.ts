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
import { compilePolicyDocument, dedupeIgnoringCase, keysOf, type CompiledPolicy } from './compile.js';
import { decideChain, type ChainPolicies } from './chain.js';
import { collectApplicable } from './collect.js';
import { checkCase, INVALID_INPUT, type CheckedCase } from './request.js';
import type { PreparedRequest } from './statement.js';
import { MALFORMED_POLICY, type Case, type Decision, type DecisionVerdict, type MatchedStatement, type PolicyType, type TraceStep, type Verdict } from './types.js';

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
  const { chain } = checked.value;
  if (chain !== undefined) {
    // SCPs, a resource policy or a resource owner: the whole chain (chain.ts).
    const levels: CompiledPolicy[][] = [];
    const scps = chain.serviceControlPolicies ?? [];
    for (let l = 0; l < scps.length; l++) {
      const level = compileAll(scps[l]!, `serviceControlPolicies[${l}]`, 'serviceControl');
      if (!Array.isArray(level)) return level;
      levels.push(level);
    }
    let resource: CompiledPolicy | undefined;
    if (chain.hasResourcePolicy) {
      const compiled = compileAll([chain.resourcePolicy], 'resourcePolicy', 'resource');
      if (!Array.isArray(compiled)) return compiled;
      resource = compiled[0];
    }
    const policies: ChainPolicies = { identity, boundaries, levels: chain.serviceControlPolicies && levels, resource, who: chain };
    const { decision, matchedStatements } = decideChain(policies, request);
    // MissingContextValues "doesn't include context keys referenced by service control policies" (API_EvaluationResult.html).
    const all = [...identity, ...boundaries, ...(resource ? [resource] : [])];
    return new OracleVerdict(decision, matchedStatements, all, [], request, (trace) => decideChain(policies, request, trace));
  }
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
  readonly #retrace: ((trace: TraceStep[]) => unknown) | undefined;

  /**
   * `identity` and `boundaries` are the documents whose keys make MissingContextValues (for a chain case,
   * every document, in `identity`); `retrace` re-decides a chain case with a trace.
   */
  constructor(
    readonly decision: Decision,
    readonly matchedStatements: readonly MatchedStatement[],
    identity: readonly CompiledPolicy[],
    boundaries: readonly CompiledPolicy[],
    request: PreparedRequest,
    retrace?: (trace: TraceStep[]) => unknown,
  ) {
    this.#identity = identity;
    this.#boundaries = boundaries;
    this.#request = request;
    this.#retrace = retrace;
  }

  get missingContextKeys(): readonly string[] {
    this.#missing ??= missingKeys(this.#identity, this.#boundaries, this.#request);
    return this.#missing;
  }

  get trace(): readonly TraceStep[] {
    this.#trace ??= traceOf(this.#retrace ?? ((trace) => decide(this.#identity, this.#boundaries, this.#request, trace)));
    return this.#trace;
  }

  toJSON(): DecisionVerdict {
    const { decision, matchedStatements, missingContextKeys, trace } = this;
    return { decision, matchedStatements, missingContextKeys, trace };
  }
}

/** Re-runs the decision, this time recording every element of every statement. */
function traceOf(decideWith: (trace: TraceStep[]) => unknown): TraceStep[] {
  const trace: TraceStep[] = [];
  try {
    decideWith(trace);
  } catch {
    // Never expected; reading a trace must not turn a decision into an exception.
  }
  return trace;
}

/** Validates and compiles every document of one input list, or the error verdict for the first invalid one. */
function compileAll(docs: readonly unknown[], list: string, policyType?: Exclude<PolicyType, 'identity'>): CompiledPolicy[] | Verdict {
  const compiled: CompiledPolicy[] = [];
  for (let i = 0; i < docs.length; i++) {
    const result = compilePolicyDocument(docs[i], policyType);
    if (!result.ok) {
      const inner = result.error.path;
      // The resource policy is one document, not a list: `resourcePolicy.Statement[0].Principal`.
      const at = policyType === 'resource' ? list : `${list}[${i}]`;
      const path = inner === '' ? at : inner.startsWith('[') ? `${at}${inner}` : `${at}.${inner}`;
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
