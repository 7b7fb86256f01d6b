/**
 * IAM glob matching: `*` matches any run of characters (including none), `?` exactly one.
 * Used by Action, Resource, StringLike and ArnLike. Patterns are compiled once into a small
 * object and reused; no regular expression is ever built from a pattern (a pattern is user data,
 * and a backtracking regex over thousands of `*` would hang).
 *
 * The part before the first `*` (head) must match the start of the text and the part after the
 * last `*` (tail) its end; each piece between two stars is then placed at its leftmost occurrence
 * after the previous one — greedy leftmost placement is exact for globs. Pieces without `?` are found
 * with the native `indexOf`; pieces with `?` by a direct scan (O(n·k) for that piece only).
 *
 * Characters are UTF-16 code units: `?` matches one code unit. Policies may only hold
 * U+0009–U+00FF, so this differs from code points only for request values outside the BMP.
 */
import { BoundedMap } from './memo.js';

/** A token of a compiled glob: a char code (>= 0), or one of these two wildcards. */
const STAR = -1;
const QMARK = -2;

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
  /** The pieces between consecutive stars, in order. */
  readonly pieces: readonly Piece[];
}

/** Tokens between two stars; `literal` is set when the piece has no `?` (so `indexOf` can find it). */
interface Piece {
  readonly tokens: Int32Array;
  readonly literal: string | undefined;
}

/**
 * Compiles a wildcard pattern where every `*` and `?` is a wildcard.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
export function compileGlob(pattern: string, ignoreCase = false): Glob {
  // Policies repeat the same few segments (`arn`, `aws`, `*`, account ids, `Describe*`): compile each once.
  const cache = ignoreCase ? cacheIgnoringCase : cacheExact;
  let glob = cache.get(pattern);
  if (glob === undefined) {
    glob = buildGlob([{ text: pattern, wild: true }], ignoreCase);
    cache.set(pattern, glob);
  }
  return glob;
}

const CACHE_LIMIT = 10_000;
const cacheExact = new BoundedMap<string, Glob>(CACHE_LIMIT);
const cacheIgnoringCase = new BoundedMap<string, Glob>(CACHE_LIMIT);

/**
 * Compiles a pattern made of runs, some literal (escapes like `${*}`, substituted variable values).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */
export function compileGlobRuns(runs: readonly PatternRun[], ignoreCase = false): Glob {
  // A literal run without `*` or `?` reads the same as a wild one: the whole pattern is then one
  // plain pattern string, compiled once and cached (substituted variable values almost always are).
  let text = '';
  for (const run of runs) {
    if (!run.wild && WILDCARD_CHAR.test(run.text)) return buildGlob(runs, ignoreCase);
    text += run.text;
  }
  return compileGlob(text, ignoreCase);
}

const WILDCARD_CHAR = /[*?]/;

const NO_TOKENS = new Int32Array(0);

function buildGlob(runs: readonly PatternRun[], ignoreCase: boolean): Glob {
  const texts = runs.map((run) => (ignoreCase ? run.text.toLowerCase() : run.text));
  const literal = texts.join('');
  if (!runs.some((run) => run.wild && /[*?]/.test(run.text))) {
    // No wildcard at all (most ARN segments): a string comparison, no tokens needed.
    return { kind: 'literal', literal, tokens: NO_TOKENS, ignoreCase, head: 0, tail: 0, minLength: literal.length, pieces: [] };
  }
  const buffer = new Int32Array(literal.length);
  const pieces: Piece[] = [];
  let length = 0;
  let wildcards = 0;
  let stars = 0;
  let firstStar = -1;
  let lastStar = -1;
  let pieceHasQuestion = false;
  const endPiece = (): void => {
    if (lastStar >= 0 && length > lastStar + 1) {
      const tokens = buffer.slice(lastStar + 1, length);
      pieces.push({ tokens, literal: pieceHasQuestion ? undefined : charsOf(tokens) });
    }
  };
  runs.forEach((run, r) => {
    const text = texts[r]!;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (run.wild && code === 42 /* * */) {
        wildcards++;
        if (length > 0 && buffer[length - 1] === STAR) continue; // `**` ≡ `*`
        endPiece();
        if (firstStar < 0) firstStar = length;
        lastStar = length;
        buffer[length++] = STAR;
        stars++;
        pieceHasQuestion = false;
      } else if (run.wild && code === 63 /* ? */) {
        wildcards++;
        buffer[length++] = QMARK;
        pieceHasQuestion = true;
      } else {
        buffer[length++] = code;
      }
    }
  });
  const tokens = buffer.slice(0, length);
  return {
    kind: wildcards === 0 ? 'literal' : length === 1 && stars === 1 ? 'matchAll' : 'glob',
    literal,
    tokens,
    ignoreCase,
    head: firstStar < 0 ? length : firstStar,
    tail: lastStar < 0 ? 0 : length - lastStar - 1,
    minLength: length - stars,
    pieces,
  };
}

/** The characters of literal tokens as a string (in chunks: spreading 100k arguments would overflow). */
function charsOf(tokens: Int32Array): string {
  let out = '';
  for (let i = 0; i < tokens.length; i += 8192) out += String.fromCharCode(...tokens.subarray(i, i + 8192));
  return out;
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
  if (!sameAt(tokens, 0, text, 0, glob.head)) return false;
  if (!sameAt(tokens, m - glob.tail, text, n - glob.tail, glob.tail)) return false;
  let position = glob.head;
  const end = n - glob.tail;
  for (const piece of glob.pieces) {
    const at = find(piece, text, position, end);
    if (at < 0) return false;
    position = at + piece.tokens.length;
  }
  return true;
}

/** Leftmost index in text[from, end) where the piece fits entirely, or -1. */
function find(piece: Piece, text: string, from: number, end: number): number {
  const length = piece.tokens.length;
  if (piece.literal !== undefined) {
    const at = text.indexOf(piece.literal, from);
    return at >= 0 && at + length <= end ? at : -1;
  }
  for (let at = from; at + length <= end; at++) if (sameAt(piece.tokens, 0, text, at, length)) return at;
  return -1;
}

/** Whether `count` tokens from `p` match `count` characters from `t` (no `*` among them). */
function sameAt(tokens: Int32Array, p: number, text: string, t: number, count: number): boolean {
  for (let i = 0; i < count; i++) {
    const token = tokens[p + i]!;
    if (token !== QMARK && token !== text.charCodeAt(t + i)) return false;
  }
  return true;
}
