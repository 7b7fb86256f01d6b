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
 * Compiles one Action/NotAction entry.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 */
export function compileActionPattern(source: string): ActionPattern {
  // The globs are memoised by the lower-cased text: policies write the same few hundred actions in
  // every letter case (generated ones on purpose), and the lower-cased forms repeat.
  const lower = source.toLowerCase();
  let globs = compiled.get(lower);
  if (globs === undefined) {
    globs = buildGlobs(lower);
    if (compiled.size >= 10_000) compiled.clear();
    compiled.set(lower, globs);
  }
  return { source, service: globs.service, name: globs.name };
}

const compiled = new Map<string, Omit<ActionPattern, 'source'>>();

function buildGlobs(lower: string): Omit<ActionPattern, 'source'> {
  const colon = lower.indexOf(':');
  if (colon < 0) return { service: undefined, name: compileGlob(lower) };
  return { service: compileGlob(lower.slice(0, colon)), name: compileGlob(lower.slice(colon + 1)) };
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
