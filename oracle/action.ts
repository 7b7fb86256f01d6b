/**
 * The Action / NotAction element.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 *
 * `service:ActionName`, both parts case-insensitive; `*` (any run) and `?` (one character) in the
 * action name; a bare `*` matches every action of every service. The pattern is lower-cased once here
 * and the request action once per request, so matching itself is case-sensitive and allocation-free.
 */
import { compileGlob, globMatches, type Glob } from './wildcard.js';
import { BoundedMap } from './memo.js';

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
    compiled.set(lower, globs);
  }
  return { source, service: globs.service, name: globs.name };
}

const compiled = new BoundedMap<string, Omit<ActionPattern, 'source'>>(10_000);

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
    requestActions.set(action, split);
  }
  return split;
}

const requestActions = new BoundedMap<string, RequestAction>(2_000);

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

/** Entries longer than this take the compiled path (the shortcut below backtracks, O(length²)). */
const WRITTEN_MAX = 256;

/**
 * Whether one Action/NotAction entry, as written, covers the request action, read in place without
 * compiling it: a document evaluated once (most of a cold run) is never asked again, so compiling its
 * patterns is wasted work. Same rules as `actionPatternMatches` on the compiled entry (ASCII letters
 * fold to lower case; `*` any run, `?` one code unit, within the action name). `undefined` for an
 * entry this shortcut does not read: over WRITTEN_MAX characters, holding a non-ASCII character
 * (whose case folding the compiled path leaves to `toLowerCase`), or a wildcard in the service prefix.
 */
export function writtenActionMatches(source: string, action: RequestAction): boolean | undefined {
  if (source.length > WRITTEN_MAX || NOT_ASCII.test(source)) return undefined;
  const colon = source.indexOf(':');
  // Without a colon the entry is `*` (validation allows nothing else): matched against the whole action.
  if (colon < 0) return foldedGlobMatches(source, 0, action.full);
  const service = action.service;
  if (colon !== service.length) return false;
  for (let i = 0; i < colon; i++) {
    const c = lowerAscii(source.charCodeAt(i));
    if (c === 42 || c === 63) return undefined;
    if (c !== service.charCodeAt(i)) return false;
  }
  return foldedGlobMatches(source, colon + 1, action.name);
}

// eslint-disable-next-line no-control-regex -- the range starts at NUL on purpose: every ASCII character
const NOT_ASCII = /[^\x00-\x7f]/;

/** The lower-case code of an ASCII character. */
function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * ASCII `pattern` from `start`, folded to lower case, against `text` in full: the classic wildcard
 * walk that, on a mismatch, lets the last `*` take one more character.
 */
function foldedGlobMatches(pattern: string, start: number, text: string): boolean {
  const pn = pattern.length;
  const tn = text.length;
  let p = start;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < tn) {
    if (p < pn) {
      const c = lowerAscii(pattern.charCodeAt(p));
      if (c === 42 /* * */) {
        star = p++;
        mark = t;
        continue;
      }
      if (c === 63 /* ? */ || c === text.charCodeAt(t)) {
        p++;
        t++;
        continue;
      }
    }
    if (star < 0) return false;
    p = star + 1;
    t = ++mark;
  }
  while (p < pn && pattern.charCodeAt(p) === 42) p++;
  return p === pn;
}

/**
 * Action/NotAction as written (see `writtenActionMatches`), compiling only the entries the shortcut
 * does not read.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
 */
export function matchesWrittenAction(element: { readonly negated: boolean; readonly patterns: readonly string[] }, action: RequestAction): boolean {
  let listed = false;
  for (const source of element.patterns) {
    if (writtenActionMatches(source, action) ?? actionPatternMatches(compileActionPattern(source), action)) {
      listed = true;
      break;
    }
  }
  return element.negated ? !listed : listed;
}
