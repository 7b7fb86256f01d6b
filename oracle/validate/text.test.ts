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

  // The limit, held to JSON.stringify over every shape a valid document may take (escapes, unquoted
  // numbers and booleans, one statement or a list, value lists).
  const text = fc.string({ unit: fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 12 });
  const value = fc.oneof(text, fc.integer().map(String), fc.constantFrom('true', 'false'));
  const condition = fc.dictionary(
    fc.constantFrom('StringEquals', 'StringLike', 'ForAnyValue:StringNotEquals', 'StringEqualsIfExists'),
    fc.dictionary(text.filter((k) => k.length > 0), fc.oneof(value, fc.array(value, { minLength: 1, maxLength: 3 })), { maxKeys: 3 }),
    { maxKeys: 3 },
  );
  const unquoted = fc.record(
    { NumericLessThan: fc.dictionary(fc.constantFrom('k:n', 'k:m'), fc.oneof(fc.integer(), fc.array(fc.integer(), { minLength: 1, maxLength: 2 }))), Bool: fc.dictionary(fc.constant('aws:SecureTransport'), fc.boolean()) },
    { requiredKeys: [] },
  );
  const statement = fc.record(
    {
      Sid: fc.stringMatching(/^[0-9A-Za-z]{0,6}$/),
      Effect: fc.constantFrom('Allow', 'Deny'),
      Action: fc.oneof(fc.constant('sagemaker:*'), fc.array(fc.constantFrom('sagemaker:Create*', 's3:GetObject', '*'), { minLength: 1, maxLength: 3 })),
      Resource: fc.oneof(fc.constant('*'), fc.array(text.map((t) => `arn:aws:s3:::${t}`), { minLength: 1, maxLength: 3 })),
      Condition: fc.oneof(condition, unquoted),
    },
    { requiredKeys: ['Effect', 'Action', 'Resource'] },
  );
  const validDocument = fc.record(
    { Version: fc.constantFrom('2012-10-17', '2008-10-17'), Statement: fc.oneof(statement, fc.array(statement, { minLength: 1, maxLength: 3 })) },
    { requiredKeys: ['Statement'] },
  );

  it('measures valid documents exactly as JSON.stringify does: accepted at the limit, refused one over', () => {
    fc.assert(
      fc.property(validDocument, fc.integer({ min: -1, max: 1 }), (doc, offset) => {
        // Sids must be unique; dropping repeats keeps the document valid.
        const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
        const sids = new Set<string>();
        for (const s of statements) if (s.Sid !== undefined && s.Sid !== '' && (sids.has(s.Sid) || !sids.add(s.Sid))) delete s.Sid;
        expect(validatePolicy(doc).ok).toBe(true);
        // `,"Id":"…"` after the existing members is 8 characters plus the filler.
        const filler = SIMULATOR_POLICY_MAX_CHARS - compactLength(doc) - 8 + offset;
        const sized = { ...doc, Id: 'x'.repeat(filler) };
        expect(compactLength(sized)).toBe(SIMULATOR_POLICY_MAX_CHARS + offset);
        const r = validatePolicy(sized);
        expect(r.ok ? [] : r.errors.map((e) => e.rule)).toEqual(offset > 0 ? ['document-size'] : []);
      }),
      { numRuns: 200 },
    );
  });

  it('counts the whole document against the managed limit when whitespace comes first', () => {
    // 3,000 spaces, then two ARNs: the text passes 6,144 characters within the first ARN, while the
    // non-whitespace count passes it only with the second.
    const doc = {
      Statement: {
        Effect: 'Allow',
        Action: '*',
        Condition: { StringLike: { 'k:k': ' '.repeat(3000) } },
        Resource: [`arn:aws:s3:::${'a'.repeat(4000)}`, `arn:aws:s3:::${'b'.repeat(3000)}`],
      },
    };
    const r = validatePolicy(doc, { sizeLimit: 'managed' });
    expect(r.ok ? [] : r.errors.map((e) => e.rule)).toEqual(['document-size']);
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
