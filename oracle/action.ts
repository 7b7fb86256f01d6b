/**
 * The Action / NotAction element.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 *
 * `service:ActionName`, both parts case-insensitive; `*` (any run) and `?` (one character) in the
 * action name; a bare `*` matches every action of every service. The pattern is lower-cased once here
 * and the request action once per request, so matching itself is case-sensitive and allocation-free.
 */
import { compileGlob, globMatches, type Glob } from './wildcard.js';

/** A compiled action pattern: a glob for the service prefix and one for the action name. */
export interface ActionPattern {
  readonly source: string;
  /** `undefined` for a pattern without a colon (`*`), which is matched against the whole action. */
  readonly service: Glob | undefined;
  readonly name: Glob;
}

/** A request action split once, lower-cased. */
export interface RequestAction {
  readonly full: string;
  readonly service: string;
  readonly name: string;
}

/**
 * Compiles one Action/NotAction entry (memoised: generated policies repeat the same actions).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 */
export function compileActionPattern(source: string): ActionPattern {
  let pattern = compiled.get(source);
  if (pattern === undefined) {
    pattern = buildActionPattern(source);
    if (compiled.size >= 10_000) compiled.clear();
    compiled.set(source, pattern);
  }
  return pattern;
}

const compiled = new Map<string, ActionPattern>();

function buildActionPattern(source: string): ActionPattern {
  const lower = source.toLowerCase();
  const colon = lower.indexOf(':');
  if (colon < 0) return { source, service: undefined, name: compileGlob(lower) };
  return { source, service: compileGlob(lower.slice(0, colon)), name: compileGlob(lower.slice(colon + 1)) };
}

/**
 * Splits and lower-cases the request action (`sagemaker:CreateModel`).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html
 */
export function requestAction(action: string): RequestAction {
  // Memoised: a run asks the same few hundred actions over and over.
  let split = requestActions.get(action);
  if (split === undefined) {
    const full = action.toLowerCase();
    const colon = full.indexOf(':');
    split = { full, service: full.slice(0, colon), name: full.slice(colon + 1) };
    if (requestActions.size >= 2_000) requestActions.clear();
    requestActions.set(action, split);
  }
  return split;
}

const requestActions = new Map<string, RequestAction>();

/**
 * Whether one action pattern covers the request action.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 */
export function actionPatternMatches(pattern: ActionPattern, action: RequestAction): boolean {
  if (!pattern.service) return globMatches(pattern.name, action.full);
  return globMatches(pattern.service, action.service) && globMatches(pattern.name, action.name);
}

/**
 * Action: some pattern matches. NotAction: no pattern matches (every action except those listed).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
 */
export function matchesAction(
  element: { readonly negated: boolean; readonly patterns: readonly ActionPattern[] },
  action: RequestAction,
): boolean {
  let listed = false;
  for (const p of element.patterns) {
    if (actionPatternMatches(p, action)) {
      listed = true;
      break;
    }
  }
  return element.negated ? !listed : listed;
}
