/**
 * IAM glob matching: `*` matches any run of characters (including none), `?` exactly one.
 * Used by Action, Resource, StringLike and ArnLike. Patterns are compiled once into a small
 * object and reused; no regular expression is ever built from a pattern (a pattern is user data,
 * and a backtracking regex over thousands of `*` would hang).
 *
 * Matching is the classic greedy two-pointer walk that, on a mismatch, backtracks only to the
 * last `*` seen: O(n·m) worst case, linear in practice. Runs of `*` collapse to one at compile time,
 * and the literal head (before the first `*`) and tail (after the last) are checked first.
 *
 * Characters are UTF-16 code units: `?` matches one code unit. Policies may only hold
 * U+0009–U+00FF, so this differs from code points only for request values outside the BMP.
 */

/** A token of a compiled glob: a char code (>= 0), or one of these two wildcards. */
const STAR = -1;
const QMARK = -2;
/** Past the end of the pattern: matches nothing. */
const END = -3;

/** One run of pattern text: `wild` runs give `*` and `?` their wildcard meaning, others are literal. */
export interface PatternRun {
  readonly text: string;
  readonly wild: boolean;
}

/** A compiled glob; build it with `compileGlob` or `compileGlobRuns`, test with `globMatches`. */
export interface Glob {
  /** `matchAll`: the pattern is only `*`s; `literal`: no wildcard at all; otherwise a real glob. */
  readonly kind: 'matchAll' | 'literal' | 'glob';
  /** The pattern with wildcards resolved away (for `literal`), lower-cased when `ignoreCase`. */
  readonly literal: string;
  readonly tokens: Int32Array;
  readonly ignoreCase: boolean;
  /** Tokens before the first `*` and after the last `*` (both literal or `?`). */
  readonly head: number;
  readonly tail: number;
  readonly minLength: number;
}

/**
 * Compiles a wildcard pattern where every `*` and `?` is a wildcard.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
export function compileGlob(pattern: string, ignoreCase = false): Glob {
  return compileGlobRuns([{ text: pattern, wild: true }], ignoreCase);
}

/**
 * Compiles a pattern made of runs, some literal (escapes like `${*}`, substituted variable values).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */
export function compileGlobRuns(runs: readonly PatternRun[], ignoreCase = false): Glob {
  const tokens: number[] = [];
  let literalOnly = true;
  let literal = '';
  for (const run of runs) {
    const text = ignoreCase ? run.text.toLowerCase() : run.text;
    literal += text;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (run.wild && code === 42 /* * */) {
        literalOnly = false;
        if (tokens[tokens.length - 1] !== STAR) tokens.push(STAR);
      } else if (run.wild && code === 63 /* ? */) {
        literalOnly = false;
        tokens.push(QMARK);
      } else {
        tokens.push(code);
      }
    }
  }
  const firstStar = tokens.indexOf(STAR);
  const lastStar = tokens.lastIndexOf(STAR);
  const kind = literalOnly ? 'literal' : tokens.length > 0 && tokens.every((t) => t === STAR) ? 'matchAll' : 'glob';
  return {
    kind,
    literal,
    tokens: Int32Array.from(tokens),
    ignoreCase,
    head: firstStar < 0 ? tokens.length : firstStar,
    tail: lastStar < 0 ? 0 : tokens.length - lastStar - 1,
    minLength: tokens.filter((t) => t !== STAR).length,
  };
}

/**
 * Whether `text` matches the glob in full.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
 */
export function globMatches(glob: Glob, input: string): boolean {
  if (glob.kind === 'matchAll') return true;
  const text = glob.ignoreCase ? input.toLowerCase() : input;
  if (glob.kind === 'literal') return text === glob.literal;
  const tokens = glob.tokens;
  const n = text.length;
  const m = tokens.length;
  if (n < glob.minLength) return false;
  if (glob.head === m) return n === m && sameAt(tokens, 0, text, 0, m); // only `?`, no `*`
  // Literal head and tail first: cheap rejections, and the middle walk never revisits them.
  if (!sameAt(tokens, 0, text, 0, glob.head)) return false;
  if (!sameAt(tokens, m - glob.tail, text, n - glob.tail, glob.tail)) return false;
  return walk(tokens, glob.head, m - glob.tail, text, glob.head, n - glob.tail);
}

/** Whether `count` tokens from `p` match `count` characters from `t` (no `*` among them). */
function sameAt(tokens: Int32Array, p: number, text: string, t: number, count: number): boolean {
  for (let i = 0; i < count; i++) {
    const token = tokens[p + i]!;
    if (token !== QMARK && token !== text.charCodeAt(t + i)) return false;
  }
  return true;
}

/** Greedy walk with backtracking to the last `*` over tokens[p, pEnd) and text[t, tEnd). */
function walk(tokens: Int32Array, p: number, pEnd: number, text: string, t: number, tEnd: number): boolean {
  let starP = -1;
  let starT = -1;
  while (t < tEnd) {
    const token = p < pEnd ? tokens[p]! : END;
    if (token === STAR) {
      starP = p++;
      starT = t;
    } else if (token === QMARK || token === text.charCodeAt(t)) {
      p++;
      t++;
    } else if (starP >= 0) {
      p = starP + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (p < pEnd && tokens[p] === STAR) p++;
  return p === pEnd;
}
