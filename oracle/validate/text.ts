/**
 * What the policy looks like as text: its size and its characters. The document arrives parsed, so the text is
 * taken to be its compact JSON serialization (what `JSON.stringify` sends to AWS); see DECISIONS.md (size-limit,
 * characters). One walk, no serialization, no closures, early exit once over the limit, and a depth cap so no
 * input can recurse without bound (a valid policy is at most 8 levels deep).
 * Characters: policyDocumentType pattern `[\u0009\u000A\u000D\u0020-\u00FF]+`
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html
 */

const MAX_DEPTH = 32;

export interface TextScan {
  /** Characters of the compact serialization (exact up to `limit`, then a lower bound). */
  length: number;
  /** Same, without the whitespace inside strings (the managed-policy count excludes whitespace). */
  nonWhitespace: number;
  /** Path of the first string or key holding a character above U+00FF (lone surrogates are escaped), if any. */
  badCharacterPath?: string;
  /** The first such character, as `U+XXXX`. */
  badCharacter?: string;
}

interface Walk extends TextScan {
  readonly limit: number;
  /** The limited measure is `nonWhitespace` (the managed-policy limit), not `length`. */
  readonly managed: boolean;
  badCode: number;
}

/**
 * Measures `doc` as compact JSON and finds characters AWS refuses; stops counting once the measure that
 * is limited (`length`, or `nonWhitespace` for the managed-policy limit) is past `limit`.
 */
export function scanText(doc: unknown, limit: number, measure: 'length' | 'nonWhitespace' = 'length'): TextScan {
  const w: Walk = { length: 0, nonWhitespace: 0, limit, managed: measure === 'nonWhitespace', badCode: -1 };
  walk(w, doc, 0);
  const scan: TextScan = { length: w.length, nonWhitespace: w.nonWhitespace };
  if (w.badCode >= 0) {
    // Rare: walk again to name the place (the main walk keeps no trail, so the valid path stays cheap).
    const trail: Array<string | number> = [];
    if (locate(doc, 0, trail)) scan.badCharacterPath = render(trail);
    scan.badCharacter = `U+${w.badCode.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return scan;
}

/** Whether the walk may stop: the limited measure is past the limit. */
const spent = (w: Walk): boolean => (w.managed ? w.nonWhitespace : w.length) > w.limit;

function walk(w: Walk, v: unknown, depth: number): void {
  if (spent(w) || depth > MAX_DEPTH) return;
  if (typeof v === 'string') return str(w, v);
  if (typeof v === 'number') return add(w, Number.isFinite(v) ? String(v).length : 4);
  if (typeof v === 'boolean') return add(w, v ? 4 : 5);
  if (v === null || typeof v !== 'object') return add(w, 4);
  if (Array.isArray(v)) {
    add(w, v.length === 0 ? 2 : v.length + 1); // brackets and commas
    for (let i = 0; i < v.length && !spent(w); i++) walk(w, v[i], depth + 1);
    return;
  }
  const keys = Object.keys(v);
  add(w, keys.length === 0 ? 2 : 2 * keys.length + 1); // braces, colons, commas
  for (let i = 0; i < keys.length && !spent(w); i++) {
    const k = keys[i] as string;
    str(w, k);
    walk(w, (v as Record<string, unknown>)[k], depth + 1);
  }
}

function add(w: Walk, n: number): void {
  w.length += n;
  w.nonWhitespace += n;
}

/** Any character other than U+0021–U+00FF, `"` and `\` (the ones the loop below must look at). */
const SPECIAL = /[^\x21\x23-\x5b\x5d-\xff]/;

function str(w: Walk, s: string): void {
  const n = s.length;
  // Over the length budget whatever it holds: no need to read it character by character (but a long
  // run of spaces counts for nothing against the managed limit, so there every string is read).
  if (n > w.limit && !w.managed) return add(w, n + 2);
  // Most strings (names, ARNs) hold only characters JSON writes as themselves and that count everywhere:
  // one native scan settles them (the loop below handles spaces, quotes, escapes and wide characters).
  if (!SPECIAL.test(s)) return add(w, n + 2);
  let extra = 0;
  let spaces = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    // The common case first: a printable character JSON writes as itself (not space, `"` or `\`).
    if (c > 0x22 && c <= 0xff && c !== 0x5c) continue;
    if (c >= 0x20 && c <= 0xff) {
      if (c === 0x22 || c === 0x5c) extra++;
      else if (c === 0x20) spaces++;
    } else if (c < 0x20) {
      // Escaped by JSON (\t \n \r \b \f take one extra, others \u00XX five) so the text stays in range.
      const short = c === 9 || c === 10 || c === 13 || c === 8 || c === 12;
      extra += short ? 1 : 5;
      if (c === 9 || c === 10 || c === 13) spaces++;
    } else if (c >= 0xd800 && c <= 0xdfff && !pairAt(s, i)) {
      extra += 5; // a lone surrogate: JSON.stringify writes it as \uXXXX, which is in range
    } else {
      if (w.badCode < 0) w.badCode = c;
      if (c >= 0xd800 && c <= 0xdbff) i++; // the low half of the pair is the same character
    }
  }
  w.length += n + 2 + extra;
  w.nonWhitespace += n + 2 + extra - spaces;
}

/** True when a high surrogate at `i` (or a low one at `i` preceded by a high one) forms a valid pair. */
function pairAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c <= 0xdbff) {
    const next = s.charCodeAt(i + 1);
    return next >= 0xdc00 && next <= 0xdfff;
  }
  const prev = s.charCodeAt(i - 1);
  return prev >= 0xd800 && prev <= 0xdbff;
}

/** Whether `s` holds a character the compact JSON text would carry above U+00FF. */
function hasWide(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff && (c < 0xd800 || c > 0xdfff || pairAt(s, i))) return true;
  }
  return false;
}

/** Finds the first string or key with a character above U+00FF, filling `trail` with its path. */
function locate(v: unknown, depth: number, trail: Array<string | number>): boolean {
  // Same order and depth cap as `walk`, so this never visits more than the walk that found the character.
  if (depth > MAX_DEPTH) return false;
  if (typeof v === 'string') return hasWide(v);
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      trail.push(i);
      if (locate(v[i], depth + 1, trail)) return true;
      trail.pop();
    }
    return false;
  }
  for (const k of Object.keys(v)) {
    trail.push(k);
    if (hasWide(k) || locate((v as Record<string, unknown>)[k], depth + 1, trail)) return true;
    trail.pop();
  }
  return false;
}

/** `Statement[1].Condition` from `['Statement', 1, 'Condition']`. */
function render(trail: ReadonlyArray<string | number>): string {
  let out = '';
  for (const part of trail) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out;
}
