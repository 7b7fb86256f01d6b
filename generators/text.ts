/** Small pure helpers the renderers share. No randomness here: every choice arrives as a number. */

/** `xs[i mod n]`; the arrays it is used on are never empty. */
export function pick<T>(xs: readonly T[], i: number): T {
  const x = xs[i % xs.length];
  if (x === undefined && xs.length === 0) throw new Error('pick from an empty list');
  return x as T;
}

/**
 * `s` with the letter case of some characters flipped: bit k of `mask` flips the k-th letter (mod 16), so
 * mask 0 leaves `s` unchanged and shrinking leads back to the original spelling.
 */
export function flipCase(s: string, mask: number): string {
  if (mask === 0) return s;
  let k = 0;
  let out = '';
  for (const ch of s) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    if (lower === upper) {
      out += ch;
      continue;
    }
    out += (mask >> k % 16) & 1 ? (ch === lower ? upper : lower) : ch;
    k += 1;
  }
  return out === s ? swapFirstLetter(s) : out;
}

function swapFirstLetter(s: string): string {
  const i = [...s].findIndex((c) => c.toLowerCase() !== c.toUpperCase());
  if (i < 0) return s;
  const c = s[i] as string;
  return s.slice(0, i) + (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) + s.slice(i + 1);
}

/** Replaces the character at `i mod len` with `?` (never a `:`, which would change the ARN/action shape). */
export function questionAt(s: string, i: number, from = 0): string {
  const span = s.length - from;
  if (span <= 0) return s;
  let at = from + (i % span);
  while (at < s.length && (s[at] === ':' || s[at] === '/')) at += 1;
  if (at >= s.length) return s;
  return s.slice(0, at) + '?' + s.slice(at + 1);
}

/** `s` cut after `from + (i mod span)` characters and finished with `*` (a prefix wildcard). */
export function starAfter(s: string, i: number, from = 0): string {
  const span = s.length - from + 1;
  return s.slice(0, from + (i % span)) + '*';
}

/**
 * Deduplicates keeping first occurrences. The lists renderers dedupe are short (a few to a few dozen
 * items), where a linear scan beats building a Set; both compare by SameValueZero.
 */
export function unique<T>(xs: readonly T[]): T[] {
  if (xs.length > 32) return [...new Set(xs)];
  const out: T[] = [];
  for (const x of xs) if (!out.includes(x)) out.push(x);
  return out;
}

