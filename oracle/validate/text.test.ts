import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MANAGED_POLICY_MAX_CHARS, SIMULATOR_POLICY_MAX_CHARS, validatePolicy } from './index.js';
import { scanText } from './text.js';

const policy = (resource: string): Record<string, unknown> => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'sagemaker:*', Resource: resource }],
});
const compactLength = (doc: unknown): number => JSON.stringify(doc).length;

describe('scanText', () => {
  it('measures exactly what JSON.stringify produces, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(scanText(v, Number.MAX_SAFE_INTEGER).length).toBe(compactLength(v));
      }),
      { numRuns: 300 },
    );
  });

  it('counts escapes: quotes, backslashes and control characters', () => {
    const v = { 'k"': 'a\\b\n\u0001\t' };
    expect(scanText(v, 1e9).length).toBe(compactLength(v));
  });

  it('counts lone surrogates as the escapes JSON.stringify writes', () => {
    const v = ['\ud800', 'a\udfffb', '\udbff\udbff'];
    expect(scanText(v, 1e9)).toEqual({ length: compactLength(v), nonWhitespace: compactLength(v) });
  });

  it('measures exactly what JSON.stringify produces, for any string of any code units', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary', maxLength: 30 })), (v) => {
        const s = scanText(v, Number.MAX_SAFE_INTEGER);
        expect(s.length).toBe(compactLength(v));
        expect(s.badCharacterPath !== undefined).toBe(/[^\u0000-\u00ff]/u.test(JSON.stringify(v)));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves whitespace inside strings out of the non-whitespace count', () => {
    const v = { a: 'x y\tz' };
    const s = scanText(v, 1e9);
    expect(s.length - s.nonWhitespace).toBe(2);
  });
});

describe('policy size (DECISIONS.md: size-limit)', () => {
  const base = compactLength(policy(''));
  const filler = (n: number): string => `arn:aws:s3:::${'x'.repeat(n - base - 'arn:aws:s3:::'.length)}`;

  it('accepts a policy of exactly 131,072 characters by default', () => {
    const doc = policy(filler(SIMULATOR_POLICY_MAX_CHARS));
    expect(compactLength(doc)).toBe(SIMULATOR_POLICY_MAX_CHARS);
    expect(validatePolicy(doc).ok).toBe(true);
  });

  it('rejects one character more', () => {
    const r = validatePolicy(policy(filler(SIMULATOR_POLICY_MAX_CHARS + 1)));
    expect(r.ok ? [] : r.errors.map((e) => [e.path, e.rule])).toEqual([['', 'document-size']]);
  });

  it('applies the managed-policy limit of 6,144 when asked', () => {
    expect(validatePolicy(policy(filler(MANAGED_POLICY_MAX_CHARS)), { sizeLimit: 'managed' }).ok).toBe(true);
    const r = validatePolicy(policy(filler(MANAGED_POLICY_MAX_CHARS + 1)), { sizeLimit: 'managed' });
    expect(r.ok ? [] : r.errors.map((e) => e.rule)).toEqual(['document-size']);
    expect(validatePolicy(policy(filler(MANAGED_POLICY_MAX_CHARS + 1))).ok).toBe(true);
  });

  it('does not count whitespace against the managed limit', () => {
    const doc = policy(filler(MANAGED_POLICY_MAX_CHARS));
    const statement = (doc.Statement as Array<Record<string, unknown>>)[0] ?? {};
    statement.Condition = { StringLike: { 'k:k': ' '.repeat(20) } };
    const extra = compactLength(doc) - MANAGED_POLICY_MAX_CHARS; // all but the 20 spaces are structure
    statement.Resource = filler(MANAGED_POLICY_MAX_CHARS - extra + 20);
    expect(validatePolicy(doc, { sizeLimit: 'managed' }).ok).toBe(true);
  });

  it('rejects a huge string quickly without reading it', () => {
    const r = validatePolicy(policy(`arn:aws:s3:::${'x'.repeat(5_000_000)}`));
    expect(r.ok ? [] : r.errors.map((e) => e.rule)).toEqual(['document-size']);
  });
});

describe('policy characters (DECISIONS.md: characters)', () => {
  it('accepts Latin-1 text and control characters JSON escapes', () => {
    expect(validatePolicy(policy('arn:aws:s3:::caf\u00e9-\u00ff')).ok).toBe(true);
    expect(validatePolicy({ ...policy('*'), Statement: { Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'k:k': 'a\tb\nc\u0001' } } } }).ok).toBe(true);
  });

  it('rejects characters above U+00FF, naming the string that holds them', () => {
    const r = validatePolicy(policy('arn:aws:s3:::\u4e2d'));
    expect(r.ok ? [] : r.errors.map((e) => [e.path, e.rule])).toEqual([['Statement[0].Resource', 'document-characters']]);
  });

  it('checks keys too, and reports only the first offending place', () => {
    const doc = { ...policy('*'), Statement: { Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'k:\u0100': '\u2603', 'j:j': '\u2603' } } } };
    const r = validatePolicy(doc);
    expect(r.ok ? [] : r.errors.filter((e) => e.rule === 'document-characters').map((e) => [e.path, e.message])).toEqual([
      ['Statement.Condition.StringEquals.k:\u0100', expect.stringContaining('U+0100')],
    ]);
  });

  it('rejects emoji (surrogate pairs)', () => {
    const r = validatePolicy(policy('arn:aws:s3:::\u{1F600}'));
    expect(r.ok).toBe(false);
  });
});
