/**
 * What the policy looks like as text: its size and its characters. The document arrives parsed, so the text is
 * taken to be its compact JSON serialization (what `JSON.stringify` sends to AWS); see DECISIONS.md (size-limit,
 * characters). One walk, no serialization, early exit once over the limit, and a depth cap so no input can
 * recurse without bound (a valid policy is at most 8 levels deep).
 * Characters: policyDocumentType pattern `[\u0009\u000A\u000D\u0020-\u00FF]+`
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html
 */

const MAX_DEPTH = 32;

export interface TextScan {
  /** Characters of the compact serialization (capped a little past `limit`). */
  length: number;
  /** Same, without the whitespace inside strings (the managed-policy count excludes whitespace). */
  nonWhitespace: number;
  /** Path of the first string or key holding a character outside U+0000–U+00FF, if any. */
  badCharacterPath?: string;
  /** The first offending character, as `U+XXXX`. */
  badCharacter?: string;
}

/** Measures `doc` as compact JSON and finds characters AWS refuses; stops counting once past `limit`. */
export function scanText(doc: unknown, limit: number): TextScan {
  const scan: TextScan = { length: 0, nonWhitespace: 0 };
  const trail: Array<string | number> = [];

  const str = (s: string): void => {
    // Over the budget already: no need to read it character by character.
    if (s.length > limit) {
      scan.length += s.length + 2;
      scan.nonWhitespace += s.length + 2;
      return;
    }
    let extra = 0;
    let spaces = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x20 && c <= 0xff) {
        if (c === 0x22 || c === 0x5c) extra++;
        else if (c === 0x20) spaces++;
      } else if (c < 0x20) {
        // Escaped by JSON (\t \n \r \b \f one extra, others \u00XX) so the text stays in range.
        extra += c === 9 || c === 10 || c === 13 || c === 8 || c === 12 ? 1 : 5;
        if (c === 9 || c === 10 || c === 13) spaces++;
      } else if (scan.badCharacterPath === undefined) {
        scan.badCharacterPath = render(trail);
        scan.badCharacter = `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
      }
    }
    scan.length += s.length + 2 + extra;
    scan.nonWhitespace += s.length + 2 + extra - spaces;
  };

  const add = (n: number): void => {
    scan.length += n;
    scan.nonWhitespace += n;
  };

  const walk = (v: unknown, depth: number): void => {
    if (scan.length > limit || depth > MAX_DEPTH) return;
    if (typeof v === 'string') return str(v);
    if (typeof v === 'number') return add(Number.isFinite(v) ? String(v).length : 4);
    if (typeof v === 'boolean') return add(v ? 4 : 5);
    if (v === null || typeof v !== 'object') return add(4);
    if (Array.isArray(v)) {
      add(v.length === 0 ? 2 : v.length + 1);
      for (let i = 0; i < v.length && scan.length <= limit; i++) {
        trail.push(i);
        walk(v[i], depth + 1);
        trail.pop();
      }
      return;
    }
    const keys = Object.keys(v);
    add(keys.length === 0 ? 2 : 2 * keys.length + 1); // braces, colons, commas
    for (const k of keys) {
      if (scan.length > limit) return;
      trail.push(k);
      str(k);
      walk((v as Record<string, unknown>)[k], depth + 1);
      trail.pop();
    }
  };

  walk(doc, 0);
  return scan;
}

/** `Statement[1].Condition` from `['Statement', 1, 'Condition']`, built only when an error needs it. */
function render(trail: ReadonlyArray<string | number>): string {
  let out = '';
  for (const part of trail) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out;
}
