import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ValidationResult } from '../types.js';
import { validatePolicy } from './index.js';

/** A result is well-formed: either a policy, or at least one error with string path, rule and message. */
const wellFormed = (r: ValidationResult): boolean =>
  r.ok
    ? Array.isArray(r.policy.statements) && r.policy.statements.length > 0
    : r.errors.length > 0 && r.errors.every((e) => typeof e.path === 'string' && /^[a-z0-9-]+$/.test(e.rule) && e.message.length > 0);

// Policy-shaped JSON: right keys, random values — reaches deep into the validator, unlike random JSON.
const keys = ['Version', 'Id', 'Statement', 'Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition', 'Principal', '__proto__', 'constructor'];
const operators = ['StringEquals', 'ForAllValues:StringLike', 'NumericLessThanIfExists', 'DateEquals', 'Bool', 'IpAddress', 'BinaryEquals', 'Null', 'NullIfExists', 'ArnLike', 'hasOwnProperty', '__proto__'];
const scalar = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom('Allow', 'Deny', '*', 'a:b', 'arn:aws:s3:::b', '2012-10-17', 'true', '10.0.0.0/8'));
const values = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.jsonValue({ maxDepth: 3 }));
const conditionBlock = fc.dictionary(fc.constantFrom(...operators), fc.oneof(fc.dictionary(fc.string({ maxLength: 8 }), values, { maxKeys: 3 }), values), { maxKeys: 3 });
const statement = fc.dictionary(fc.constantFrom(...keys), fc.oneof(values, conditionBlock), { maxKeys: 6 });
const policyShaped = fc.dictionary(fc.constantFrom('Version', 'Id', 'Statement', '__proto__', 'Foo'), fc.oneof(statement, fc.array(statement, { maxLength: 3 }), values), { maxKeys: 4 });

describe('validatePolicy never throws', () => {
  it('on any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => wellFormed(validatePolicy(v))), { numRuns: 500 });
  });

  it('on anything JavaScript can hold (undefined, NaN, -0, null-prototype objects, sparse arrays, …)', () => {
    const anything = fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withObjectString: true, withSparseArray: true, withTypedArray: true, withDate: true, withBigInt: true, maxDepth: 4 });
    fc.assert(fc.property(anything, (v) => wellFormed(validatePolicy(v))), { numRuns: 500 });
    fc.assert(fc.property(anything, (v) => wellFormed(validatePolicy({ Statement: v }))), { numRuns: 300 });
  });

  it('on policy-shaped documents with random contents', () => {
    fc.assert(fc.property(policyShaped, (v) => wellFormed(validatePolicy(v))), { numRuns: 1000 });
  });

  it('on documents parsed from JSON text with prototype-pollution keys', () => {
    const texts = [
      '{"__proto__":{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}}',
      '{"Statement":{"__proto__":{"Effect":"Allow"},"Action":"*","Resource":"*"}}',
      '{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"__proto__":"x","constructor":"y"}}}}',
      '{"constructor":{"prototype":{"polluted":true}},"Statement":[]}',
    ];
    for (const t of texts) expect(wellFormed(validatePolicy(JSON.parse(t)))).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A document inherits nothing: Object.prototype members are not policy elements.
    expect(validatePolicy(JSON.parse(texts[0] ?? '')).ok).toBe(false);
  });

  it('on very deep nesting', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(wellFormed(validatePolicy(deep))).toBe(true);
    expect(wellFormed(validatePolicy({ Statement: { Effect: 'Allow', Action: '*', Resource: '*', Foo: deep } }))).toBe(true);
    let deepObject: unknown = {};
    for (let i = 0; i < 100_000; i++) deepObject = { Condition: deepObject };
    expect(wellFormed(validatePolicy({ Statement: deepObject, Version: deepObject, Id: deepObject }))).toBe(true);
  });

  it('on cyclic objects and throwing getters', () => {
    const cyclic: Record<string, unknown> = { Version: '2012-10-17' };
    cyclic.Statement = { Effect: 'Allow', Action: '*', Resource: '*', Condition: cyclic };
    cyclic.Self = cyclic;
    expect(wellFormed(validatePolicy(cyclic))).toBe(true);
    const wide: Record<string, unknown> = {};
    wide.a = wide;
    wide.b = wide;
    wide.c = wide;
    expect(wellFormed(validatePolicy({ Statement: { Effect: 'Allow', Action: '*', Resource: '*' }, Foo: wide }))).toBe(true);
    const trap = { get Statement(): unknown { throw new Error('boom'); } };
    expect(validatePolicy(trap)).toMatchObject({ ok: false, errors: [{ rule: 'document-unreadable' }] });
    const proxy = new Proxy({}, { ownKeys: () => { throw new Error('no keys'); } });
    expect(validatePolicy(proxy)).toMatchObject({ ok: false, errors: [{ rule: 'document-unreadable' }] });
  });

  it('on huge arrays', () => {
    expect(wellFormed(validatePolicy({ Statement: new Array(10_000_000) }))).toBe(true);
    expect(wellFormed(validatePolicy({ Statement: { Effect: 'Allow', Action: new Array(1_000_000).fill('a:b'), Resource: '*' } }))).toBe(true);
  });
});
