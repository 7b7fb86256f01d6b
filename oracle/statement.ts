/**
 * Whether a statement applies to a request: its action, its resource and every condition match.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
 * (operators AND, keys AND — each compiled condition is one operator/key pair, so "every condition").
 */
import { actionPatternMatches, matchesAction, type RequestAction } from './action.js';
import { readArn, type SplitArn } from './arn.js';
import { actionOf, conditionsOf, resourceOf, type CompiledStatement } from './compile.js';
import { conditionHolds } from './conditions/condition.js';
import type { RequestContext } from './context.js';
import { matchesResource, matchesWrittenResource, resourcePatternMatches } from './resource.js';
import type { PolicySet, TraceStep } from './types.js';
import type { ContextLookup } from './variables.js';

/**
 * A request read once: action split and lower-cased, context indexed, and the resource split into ARN
 * segments on first need (`resourceArnOf`: elements of `*` and plain ARNs, and remembered answers, need
 * no split).
 */
export interface PreparedRequest {
  readonly actionName: string;
  readonly action: RequestAction;
  readonly resource: string;
  splitResource: SplitArn | undefined;
  readonly context: RequestContext;
  readonly lookup: ContextLookup;
}

/** The request resource split into ARN segments, once per request. */
export function resourceArnOf(request: PreparedRequest): SplitArn {
  return (request.splitResource ??= readArn(request.resource));
}

/** Where a statement sits, for the trace. */
export interface StatementPlace {
  readonly policySet: PolicySet;
  readonly policyIndex: number;
  /** The SCP level, for service control policies. */
  readonly level?: number;
}

/**
 * Whether the statement applies (action ∧ resource ∧ all conditions). Without a trace it stops at the
 * first element that fails; with one it checks every element and records why each held or not.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html
 */
export function statementApplies(s: CompiledStatement, request: PreparedRequest, place?: StatementPlace, trace?: TraceStep[]): boolean {
  if (!trace || !place) return matchesAction(actionOf(s), request.action) && appliesBeyondAction(s, request);
  const step = (element: string, holds: boolean, reason: string, detail?: string): boolean => {
    const base = { ...place, statementIndex: s.statement.index, element, holds, reason };
    trace.push(detail === undefined ? base : { ...base, detail });
    return holds;
  };
  const actionHolds = step(s.statement.action.negated ? 'NotAction' : 'Action', matchesAction(actionOf(s), request.action), actionReason(s, request));
  const resourceHolds = step(
    s.statement.resource.negated ? 'NotResource' : 'Resource',
    matchesResource(resourceOf(s), resourceArnOf(request), request.lookup),
    resourceReason(s, request),
  );
  let conditionsHold = true;
  for (const c of conditionsOf(s)) {
    const [holds, why] = conditionHolds(c, request.context);
    step('Condition', holds, why, `${c.condition.raw}/${c.condition.key}`);
    conditionsHold &&= holds;
  }
  const applies = actionHolds && resourceHolds && conditionsHold;
  step('Statement', applies, applies ? `applies: ${s.statement.effect}` : 'does not apply');
  return applies;
}

/**
 * The rest of the check for a statement whose Action/NotAction already covers the request: resource
 * and every condition, stopping at the first that fails.
 */
export function appliesBeyondAction(s: CompiledStatement, request: PreparedRequest): boolean {
  if (!resourceHolds(s, request)) return false;
  for (const c of conditionsOf(s)) if (!conditionHolds(c, request.context)[0]) return false;
  return true;
}

/**
 * The Resource/NotResource element's answer, remembered for the last resource when it has no
 * variables. Elements of `*` and plain ARNs are answered as written, without compiling them.
 */
function resourceHolds(s: CompiledStatement, request: PreparedRequest): boolean {
  if (s.lastResource === request.resource) return s.lastResourceHolds;
  const written = matchesWrittenResource(s.statement.resource, request.resource);
  const holds = written ?? matchesResource(resourceOf(s), resourceArnOf(request), request.lookup);
  if (written !== undefined || !resourceOf(s).variables) {
    s.lastResource = request.resource;
    s.lastResourceHolds = holds;
  }
  return holds;
}

function actionReason(s: CompiledStatement, request: PreparedRequest): string {
  const hit = actionOf(s).patterns.find((p) => actionPatternMatches(p, request.action));
  const listed = hit ? `${request.actionName} matches ${JSON.stringify(hit.source)}` : `no pattern matches ${request.actionName}`;
  return s.statement.action.negated ? `${listed} (NotAction: ${hit ? 'excluded' : 'included'})` : listed;
}

function resourceReason(s: CompiledStatement, request: PreparedRequest): string {
  const hit = resourceOf(s).patterns.find((p) => resourcePatternMatches(p, resourceArnOf(request), request.lookup));
  const listed = hit ? `${request.resource} matches ${JSON.stringify(hit.source)}` : `no pattern matches ${request.resource}`;
  return s.statement.resource.negated ? `${listed} (NotResource: ${hit ? 'excluded' : 'included'})` : listed;
}
