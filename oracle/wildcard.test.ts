import { describe, expect, it } from 'vitest';
import { compileGlob, compileGlobRuns, globMatches } from './wildcard.js';

const matches = (pattern: string, text: string, ignoreCase = false): boolean => globMatches(compileGlob(pattern, ignoreCase), text);

/** A slow but obviously right reference: dynamic programming over (pattern, text). */
function reference(pattern: string, text: string): boolean {
  const m = pattern.length;
  const n = text.length;
  let row = new Array<boolean>(n + 1).fill(false);
  row[0] = true;
  for (let i = 1; i <= m; i++) {
    const p = pattern[i - 1];
    const next = new Array<boolean>(n + 1).fill(false);
    next[0] = p === '*' && row[0]!;
    for (let j = 1; j <= n; j++) {
      if (p === '*') next[j] = row[j]! || next[j - 1]!;
      else next[j] = row[j - 1]! && (p === '?' || p === text[j - 1]);
    }
    row = next;
  }
  return row[n]!;
}

describe('glob matching', () => {
  it('matches literals exactly and case-sensitively by default', () => {
    expect(matches('abc', 'abc')).toBe(true);
    expect(matches('abc', 'ABC')).toBe(false);
    expect(matches('abc', 'abcd')).toBe(false);
    expect(matches('', '')).toBe(true);
    expect(matches('', 'a')).toBe(false);
  });

  it('lets * match any run, including the empty one', () => {
    expect(matches('*', '')).toBe(true);
    expect(matches('*', 'anything/at:all')).toBe(true);
    expect(matches('a*', 'a')).toBe(true);
    expect(matches('a*c', 'abbbc')).toBe(true);
    expect(matches('a*c', 'abbb')).toBe(false);
    expect(matches('*b*', 'abc')).toBe(true);
    expect(matches('*b*', 'ac')).toBe(false);
  });

  it('lets ? match exactly one character', () => {
    expect(matches('a?c', 'abc')).toBe(true);
    expect(matches('a?c', 'ac')).toBe(false);
    expect(matches('a?c', 'abbc')).toBe(false);
    expect(matches('???', 'abc')).toBe(true);
    expect(matches('?*', '')).toBe(false);
  });

  it('ignores case when asked', () => {
    expect(matches('Describe*', 'describeendpoint', true)).toBe(true);
    expect(matches('DESCRIBE?NDPOINT', 'describeEndpoint', true)).toBe(true);
  });

  it('keeps * and ? from literal runs literal', () => {
    const glob = compileGlobRuns([
      { text: 'a*', wild: true },
      { text: '*?', wild: false },
    ]);
    expect(globMatches(glob, 'axyz*?')).toBe(true);
    expect(globMatches(glob, 'axyz*x')).toBe(false);
    expect(globMatches(glob, 'a*?')).toBe(true);
  });

  it('agrees with a reference matcher on many small patterns', () => {
    const alphabet = ['a', 'b', '*', '?'];
    const texts = ['', 'a', 'b', 'ab', 'ba', 'aab', 'abab', 'bbba', 'aaaa', 'abba'];
    const patterns: string[] = [''];
    for (let len = 1; len <= 4; len++) {
      const previous = patterns.filter((p) => p.length === len - 1);
      for (const p of previous) for (const c of alphabet) patterns.push(p + c);
    }
    for (const p of patterns) for (const t of texts) expect(matches(p, t), `${p} vs ${t}`).toBe(reference(p, t));
  });

  it('answers pathological patterns quickly and correctly', () => {
    const stars = '*'.repeat(5000);
    const long = 'a'.repeat(100_000);
    expect(matches(stars, long)).toBe(true);
    expect(matches(`${stars}b`, long)).toBe(false);
    expect(matches(`${'*a'.repeat(2000)}*b`, long)).toBe(false);
    expect(matches(`${'a*'.repeat(2000)}`, long)).toBe(true);
    expect(matches(`*${'?'.repeat(99_999)}`, long)).toBe(true);
    expect(matches(`*${'a*'.repeat(50)}b*`, `${'a'.repeat(10_000)}b`)).toBe(true);
    expect(matches(`*${'a'.repeat(2000)}b*`, long)).toBe(false);
    // A piece holding `?` is searched directly: O(text × piece) for that piece, still fast at this size.
    expect(matches(`*${'a'.repeat(200)}?b*`, long)).toBe(false);
    expect(matches(`x*${'a'.repeat(120_000)}*`, `x${'a'.repeat(120_000)}`)).toBe(true);
  });
});
