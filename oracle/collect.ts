/**
 * Collecting the statements of one policy that apply to a request, in AWS `MatchedStatements` coordinates.
 * Shared by the identity-only evaluation (evaluate.ts) and the whole chain (chain.ts).
 */
import { statementsForAction, type CompiledPolicy, type CompiledStatement } from './compile.js';
import { appliesBeyondAction, statementApplies, type PreparedRequest } from './statement.js';
import type { MatchedStatement, PolicySet, TraceStep } from './types.js';

/** Appends the statements of one policy that apply to the request to `denies` or `allows`. */
export function collectApplicable(
  policy: CompiledPolicy,
  policySet: PolicySet,
  policyIndex: number,
  request: PreparedRequest,
  denies: MatchedStatement[],
  allows: MatchedStatement[],
  trace?: TraceStep[],
  level?: number,
): void {
  // Read before statementsForAction marks the policy evaluated.
  const warm = policy.evaluated;
  if (level !== undefined) {
    collectAtLevel(policy, policyIndex, level, request, denies, allows, trace);
    return;
  }
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
export function matchedStatement(s: CompiledStatement, policySet: PolicySet, policyIndex: number, warm: boolean): MatchedStatement {
  // Only identity policies and boundaries are memoised: SCPs and resource policies are rarer, and their
  // statements need the level, which the memo does not key on.
  const memoised = warm && (policySet === 'identity' || policySet === 'permissionsBoundary');
  const cache = memoised ? (s.matchedAs ??= { identity: [], permissionsBoundary: [] })[policySet] : undefined;
  let matched = cache?.[policyIndex];
  if (matched === undefined) {
    const { index: statementIndex, sid, effect } = s.statement;
    matched = sid === undefined ? { policySet, policyIndex, statementIndex, effect } : { policySet, policyIndex, statementIndex, sid, effect };
    if (cache) cache[policyIndex] = Object.freeze(matched);
  }
  return matched;
}

/** An SCP's applicable statements, placed at their level (never memoised: see matchedStatement). */
function collectAtLevel(
  policy: CompiledPolicy,
  policyIndex: number,
  level: number,
  request: PreparedRequest,
  denies: MatchedStatement[],
  allows: MatchedStatement[],
  trace?: TraceStep[],
): void {
  const place = { policySet: 'serviceControlPolicy', policyIndex, level } as const;
  for (const s of trace ? policy.statements : statementsForAction(policy, request.action)) {
    if (trace ? statementApplies(s, request, place, trace) : appliesBeyondAction(s, request)) {
      const { index: statementIndex, sid, effect } = s.statement;
      const matched: MatchedStatement = sid === undefined ? { ...place, statementIndex, effect } : { ...place, statementIndex, sid, effect };
      (effect === 'Deny' ? denies : allows).push(matched);
    }
  }
}
