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
import { splitArn } from './arn.js';
import { compilePolicyDocument, dedupeIgnoringCase, type CompiledPolicy } from './compile.js';
import { requestContext } from './context.js';
import { checkCase, INVALID_INPUT, type CheckedCase } from './request.js';
import { statementApplies, type PreparedRequest } from './statement.js';
import { MALFORMED_POLICY, type Case, type Decision, type MatchedStatement, type PolicySet, type TraceStep, type Verdict } from './types.js';

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
  const verdict = { decision, matchedStatements, missingContextKeys: missingKeys([...identity, ...boundaries], request) };
  return withLazyTrace(verdict, () => {
    const trace: TraceStep[] = [];
    decide(identity, boundaries, request, trace);
    return trace;
  });
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
  const context = requestContext(c.context);
  return {
    actionName: c.action,
    action: requestAction(c.action),
    resource: c.resource,
    resourceParts: splitArn(c.resource),
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
  const identityMatches = identity.flatMap((p, i) => applicableStatements(p, 'identity', i, request, trace));
  const boundaryMatches = boundaries.map((p, i) => applicableStatements(p, 'permissionsBoundary', i, request, trace));
  const denies = [...identityMatches, ...boundaryMatches.flat()].filter((m) => m.effect === 'Deny');
  if (denies.length > 0) return { decision: 'explicitDeny', matchedStatements: denies };
  const identityAllows = identityMatches.filter((m) => m.effect === 'Allow');
  const everyBoundaryAllows = boundaryMatches.every((matches) => matches.some((m) => m.effect === 'Allow'));
  if (identityAllows.length > 0 && everyBoundaryAllows) {
    return { decision: 'allowed', matchedStatements: [...identityAllows, ...boundaryMatches.flat()] };
  }
  return { decision: 'implicitDeny', matchedStatements: [] };
}

/** The statements of one policy that apply to the request, in AWS `MatchedStatements` coordinates. */
function applicableStatements(
  policy: CompiledPolicy,
  policySet: PolicySet,
  policyIndex: number,
  request: PreparedRequest,
  trace?: TraceStep[],
): MatchedStatement[] {
  const matched: MatchedStatement[] = [];
  for (const s of policy.statements) {
    if (!statementApplies(s, request, { policySet, policyIndex }, trace)) continue;
    const { index: statementIndex, sid, effect } = s.statement;
    matched.push(sid === undefined ? { policySet, policyIndex, statementIndex, effect } : { policySet, policyIndex, statementIndex, sid, effect });
  }
  return matched;
}

/**
 * Keys referenced anywhere in the policies (conditions and variables) that the request does not supply
 * (AWS `MissingContextValues`); first spelling kept, compared ignoring case.
 */
function missingKeys(policies: readonly CompiledPolicy[], request: PreparedRequest): string[] {
  const missing = policies.flatMap((p) => p.keys.filter((k) => !request.context.has(k.toLowerCase())));
  return policies.length > 1 ? dedupeIgnoringCase(missing) : missing;
}

/**
 * Adds `trace` as an enumerable property computed on first read: the decision itself needs no trace,
 * so the common path (differential runs compare decisions) does not pay for building one.
 */
function withLazyTrace<T extends object>(verdict: T, build: () => TraceStep[]): T & { readonly trace: TraceStep[] } {
  let trace: TraceStep[] | undefined;
  Object.defineProperty(verdict, 'trace', {
    enumerable: true,
    configurable: true,
    get: () => {
      try {
        trace ??= build();
      } catch {
        trace = []; // never expected; a trace must not turn a decision into an exception
      }
      return trace;
    },
  });
  return verdict as T & { readonly trace: TraceStep[] };
}
