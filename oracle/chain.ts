/**
 * The whole evaluation chain, for cases with SCPs, a resource-based policy or a resource owner: identity
 * policies, the permissions boundary, the SCP levels of the caller's account and the resource policy,
 * within one account or across two.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
 *
 * 1. A Deny that applies in any identity policy, boundary, SCP, or resource-policy statement that takes
 *    in the caller → `explicitDeny`.
 * 2. With SCPs, every level must have an applicable Allow ("an explicit Allow statement at every level
 *    from the root through each OU in the direct path to the account"); an SCP never grants.
 * 3. Same account: a resource-policy Allow naming the caller (its ARN or `*`) grants on its own, "not
 *    limited by an implicit deny in an identity-based policy or permissions boundary"; otherwise an
 *    identity Allow within the boundary grants (an Allow naming the account only delegates to it).
 * 4. Across accounts: the resource policy must allow the caller or its account, and the identity
 *    policies (within the boundary) must allow too.
 */
import { collectApplicable } from './collect.js';
import type { CompiledPolicy, CompiledStatement } from './compile.js';
import { statementsForAction } from './compile.js';
import { principalTakesIn, type PrincipalMatch } from './principal.js';
import type { CheckedChain } from './request.js';
import { appliesBeyondAction, statementApplies, type PreparedRequest } from './statement.js';
import type { Decision, MatchedStatement, PolicySet, TraceStep } from './types.js';

export interface ChainPolicies {
  readonly identity: readonly CompiledPolicy[];
  readonly boundaries: readonly CompiledPolicy[];
  readonly levels: readonly (readonly CompiledPolicy[])[] | undefined;
  readonly resource: CompiledPolicy | undefined;
  readonly who: CheckedChain;
}

export interface ChainDecision {
  readonly decision: Decision;
  readonly matchedStatements: MatchedStatement[];
}

/** Decides a case with the whole chain; with `trace`, records every element and, last, which policy type decided. */
export function decideChain(p: ChainPolicies, request: PreparedRequest, trace?: TraceStep[]): ChainDecision {
  const denies: MatchedStatement[] = [];
  const identityAllows: MatchedStatement[] = [];
  for (let i = 0; i < p.identity.length; i++) collectApplicable(p.identity[i]!, 'identity', i, request, denies, identityAllows, trace);
  const boundaryAllows: MatchedStatement[] = [];
  let everyBoundaryAllows = true;
  for (let i = 0; i < p.boundaries.length; i++) {
    const before = boundaryAllows.length;
    collectApplicable(p.boundaries[i]!, 'permissionsBoundary', i, request, denies, boundaryAllows, trace);
    if (boundaryAllows.length === before) everyBoundaryAllows = false;
  }
  const levelMissingAllow = scpLevelWithoutAllow(p.levels, request, denies, trace);
  const resource = p.resource ? resourceStatements(p.resource, p.who, p.boundaries.length > 0, request, denies, trace) : NO_RESOURCE;

  const decided = (decision: Decision, by: PolicySet, reason: string, matchedStatements: MatchedStatement[]): ChainDecision => {
    trace?.push({ policySet: by, policyIndex: 0, statementIndex: 0, element: 'Decision', holds: decision === 'allowed', reason });
    return { decision, matchedStatements };
  };
  if (denies.length > 0) {
    const first = denies[0]!;
    return decided('explicitDeny', first.policySet, `a Deny statement in the ${NAME[first.policySet]} applies, and an explicit deny overrides every Allow.`, denies);
  }
  if (levelMissingAllow !== undefined) {
    return decided('implicitDeny', 'serviceControlPolicy', `SCP level ${levelMissingAllow} has no applicable Allow; every level must allow, and an SCP never grants.`, []);
  }
  const identityGrants = identityAllows.length > 0 && everyBoundaryAllows;
  const identityMatched = (): MatchedStatement[] => [...identityAllows, ...boundaryAllows];
  if (p.who.resourceOwner === p.who.callerAccount) {
    if (resource.direct.length > 0) {
      return decided('allowed', 'resourcePolicy', 'the resource-based policy allows the caller by name, which grants within one account on its own.', [...resource.direct, ...(identityGrants ? identityMatched() : [])]);
    }
    if (identityGrants) return decided('allowed', 'identity', 'an identity policy allows (within every permissions boundary) and no Deny applies.', [...identityMatched(), ...resource.account]);
    return decided('implicitDeny', identityAllows.length > 0 ? 'permissionsBoundary' : 'identity', sameAccountMiss(identityAllows.length > 0, resource), []);
  }
  const resourceAllows = [...resource.direct, ...resource.account];
  if (resourceAllows.length === 0) {
    return decided('implicitDeny', 'resourcePolicy', 'across accounts the resource-based policy must allow the caller or its account, and none does.', []);
  }
  if (identityGrants) return decided('allowed', 'identity', 'across accounts both sides allow: the resource-based policy and the caller\'s identity policies.', [...resourceAllows, ...identityMatched()]);
  return decided('implicitDeny', identityAllows.length > 0 ? 'permissionsBoundary' : 'identity', 'across accounts the caller\'s own identity policies (within its boundary) must allow too, and they do not.', []);
}

const NAME: Readonly<Record<PolicySet, string>> = {
  identity: 'identity policies',
  permissionsBoundary: 'permissions boundary',
  serviceControlPolicy: 'service control policies',
  resourcePolicy: 'resource-based policy',
};

function sameAccountMiss(identityAllows: boolean, resource: ResourceAllows): string {
  if (identityAllows) return 'an identity policy allows, but a permissions boundary has no applicable Allow (and the resource-based policy does not name the caller).';
  if (resource.account.length > 0) return 'the resource-based policy allows the caller\'s account, which only delegates to its identity policies, and none allows.';
  return 'no Allow applies in the identity policies or the resource-based policy, so the request is denied by default.';
}

/**
 * Collects SCP Denies into `denies`; returns the first level (0 = root) with no applicable Allow, if any.
 * Every level is read, so a Deny at a later level is still found.
 */
function scpLevelWithoutAllow(
  levels: readonly (readonly CompiledPolicy[])[] | undefined,
  request: PreparedRequest,
  denies: MatchedStatement[],
  trace?: TraceStep[],
): number | undefined {
  if (levels === undefined) return undefined;
  let missing: number | undefined;
  for (let level = 0; level < levels.length; level++) {
    const allows: MatchedStatement[] = [];
    const policies = levels[level]!;
    for (let i = 0; i < policies.length; i++) collectApplicable(policies[i]!, 'serviceControlPolicy', i, request, denies, allows, trace, level);
    if (allows.length === 0) missing ??= level;
  }
  return missing;
}

interface ResourceAllows {
  /** Allows naming the caller (its ARN, `*`). */
  readonly direct: MatchedStatement[];
  /** Allows naming only the caller's account. */
  readonly account: MatchedStatement[];
}
const NO_RESOURCE: ResourceAllows = { direct: [], account: [] };

/** The resource policy's statements that take in the caller and apply; Denies go to `denies`. */
function resourceStatements(
  policy: CompiledPolicy,
  who: CheckedChain,
  hasBoundary: boolean,
  request: PreparedRequest,
  denies: MatchedStatement[],
  trace?: TraceStep[],
): ResourceAllows {
  const out = { direct: [] as MatchedStatement[], account: [] as MatchedStatement[] };
  const place = { policySet: 'resourcePolicy', policyIndex: 0 } as const;
  for (const s of trace ? policy.statements : statementsForAction(policy, request.action)) {
    const principal = s.statement.principal;
    const match: PrincipalMatch = principal ? principalTakesIn(principal, who, hasBoundary) : 'none';
    if (trace) {
      const element = principal?.negated ? 'NotPrincipal' : 'Principal';
      trace.push({ ...place, statementIndex: s.statement.index, element, holds: match !== 'none', reason: principalReason(match, principal?.negated === true, hasBoundary) });
      if (match === 'none') {
        trace.push({ ...place, statementIndex: s.statement.index, element: 'Statement', holds: false, reason: 'does not apply' });
        continue;
      }
      if (!statementApplies(s, request, place, trace)) continue;
    } else if (match === 'none' || !appliesBeyondAction(s, request)) continue;
    const matched = resourceMatched(s);
    if (s.statement.effect === 'Deny') denies.push(matched);
    else out[match === 'direct' ? 'direct' : 'account'].push(matched);
  }
  return out;
}

function resourceMatched(s: CompiledStatement): MatchedStatement {
  const { index: statementIndex, sid, effect } = s.statement;
  const base = { policySet: 'resourcePolicy', policyIndex: 0, statementIndex, effect } as const;
  return sid === undefined ? base : { ...base, sid };
}

function principalReason(match: PrincipalMatch, negated: boolean, hasBoundary: boolean): string {
  if (negated) {
    if (hasBoundary) return 'NotPrincipal with Deny takes in every principal that has a permissions boundary';
    return match === 'none' ? 'the caller is listed by its ARN: left out' : 'the caller is not listed by its ARN: taken in';
  }
  if (match === 'direct') return 'names the caller (its ARN or "*")';
  if (match === 'account') return 'names the caller\'s account (delegates to its identity policies)';
  return 'does not name the caller or its account';
}
