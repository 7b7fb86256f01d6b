import { describe, expect, it } from 'vitest';
import { conditionHolds } from './condition.js';
import { condition, context, holds } from './test-helpers.js';

describe('missing keys', () => {
  it('positive operators are false, negated ones true, IfExists true', () => {
    expect(holds('StringEquals', ['a'], undefined)).toBe(false);
    expect(holds('StringNotEquals', ['a'], undefined)).toBe(true);
    expect(holds('StringEquals', ['a'], undefined, { ifExists: true })).toBe(true);
    expect(holds('StringNotEquals', ['a'], undefined, { ifExists: true })).toBe(true);
    expect(holds('NumericLessThan', ['1'], undefined)).toBe(false);
    expect(holds('ArnNotLike', ['arn:*:*:*:*:*'], undefined)).toBe(true);
  });

  it('IfExists evaluates normally when the key is present', () => {
    expect(holds('StringEquals', ['a'], ['b'], { ifExists: true })).toBe(false);
    expect(holds('StringEquals', ['a'], ['a'], { ifExists: true })).toBe(true);
  });

  it('a context entry with no values counts as absent', () => {
    expect(holds('StringNotEquals', ['a'], [])).toBe(true);
    expect(holds('Null', ['true'], [])).toBe(true);
  });

  it('a plain operator sees an empty string as an ordinary value', () => {
    expect(holds('StringEquals', [''], [''])).toBe(true);
    expect(holds('StringNotEquals', ['a'], [''])).toBe(true);
    expect(holds('StringLike', ['*'], [''])).toBe(true);
  });
});

describe('condition key names', () => {
  it('are case-insensitive, including the tag-key part', () => {
    const c = condition('StringEquals', 'AWS:RequestTag/Team', ['red']);
    expect(conditionHolds(c, context({ 'aws:requesttag/team': ['red'] }))[0]).toBe(true);
  });
});

describe('Null', () => {
  it('"true" holds when the key is absent, "false" when it has a value', () => {
    expect(holds('Null', ['true'], undefined)).toBe(true);
    expect(holds('Null', ['true'], ['x'])).toBe(false);
    expect(holds('Null', ['false'], ['x'])).toBe(true);
    expect(holds('Null', ['false'], undefined)).toBe(false);
    expect(holds('Null', ['true', 'false'], ['x'])).toBe(true);
  });

  it('treats an empty-string value (a null dataset) as null', () => {
    expect(holds('Null', ['false'], [''])).toBe(false);
    expect(holds('Null', ['true'], [''])).toBe(true);
    expect(holds('Null', ['true'], ['', ''])).toBe(true);
    expect(holds('Null', ['false'], ['', 'a'])).toBe(true);
  });
});

describe('a plain operator on a key with several request values', () => {
  it('does not match, positive or negated', () => {
    expect(holds('StringEquals', ['a', 'b'], ['a', 'b'])).toBe(false);
    expect(holds('StringNotEquals', ['x'], ['a', 'b'])).toBe(false);
    expect(holds('StringEquals', ['a'], ['a', 'b'], { ifExists: true })).toBe(false);
  });
});

describe('ForAllValues', () => {
  it('holds when every request value matches some policy value', () => {
    expect(holds('StringEquals', ['a', 'b'], ['a', 'b'], { qualifier: 'ForAllValues' })).toBe(true);
    expect(holds('StringEquals', ['a', 'b'], ['a'], { qualifier: 'ForAllValues' })).toBe(true);
    expect(holds('StringEquals', ['a'], ['a', 'c'], { qualifier: 'ForAllValues' })).toBe(false);
    expect(holds('StringLike', ['ml.c5.*'], ['ml.c5.large', 'ml.c5.xlarge'], { qualifier: 'ForAllValues' })).toBe(true);
  });

  it('holds vacuously when the key is absent, even for negated operators', () => {
    expect(holds('StringEquals', ['a'], undefined, { qualifier: 'ForAllValues' })).toBe(true);
    expect(holds('StringNotLike', ['a'], undefined, { qualifier: 'ForAllValues' })).toBe(true);
  });

  it('with a negated operator: no request value equals any policy value', () => {
    expect(holds('StringNotEquals', ['x', 'y'], ['a', 'b'], { qualifier: 'ForAllValues' })).toBe(true);
    expect(holds('StringNotEquals', ['x', 'y'], ['a', 'x'], { qualifier: 'ForAllValues' })).toBe(false);
  });

  it('fails when a request value is not of the operator type', () => {
    expect(holds('NumericLessThan', ['10'], ['1', 'x'], { qualifier: 'ForAllValues' })).toBe(false);
  });

  it('holds for a null dataset such as an empty string (AWS doc example)', () => {
    expect(holds('StringLike', ['key1*'], [''], { qualifier: 'ForAllValues' })).toBe(true);
    expect(holds('StringLike', ['key1*'], ['', 'x'], { qualifier: 'ForAllValues' })).toBe(false);
  });
});

describe('ForAnyValue', () => {
  it('holds when some request value matches some policy value', () => {
    expect(holds('StringEquals', ['a'], ['x', 'a'], { qualifier: 'ForAnyValue' })).toBe(true);
    expect(holds('StringEquals', ['a'], ['x', 'y'], { qualifier: 'ForAnyValue' })).toBe(false);
  });

  it('is false when the key is absent, even for negated operators; IfExists makes it true', () => {
    expect(holds('StringEquals', ['a'], undefined, { qualifier: 'ForAnyValue' })).toBe(false);
    expect(holds('StringNotEquals', ['a'], undefined, { qualifier: 'ForAnyValue' })).toBe(false);
    expect(holds('StringEquals', ['a'], undefined, { qualifier: 'ForAnyValue', ifExists: true })).toBe(true);
  });

  it('with a negated operator: some request value equals none of the policy values', () => {
    expect(holds('StringNotEquals', ['a', 'b'], ['a', 'c'], { qualifier: 'ForAnyValue' })).toBe(true);
    expect(holds('StringNotEquals', ['a', 'b'], ['a', 'b'], { qualifier: 'ForAnyValue' })).toBe(false);
  });

  it('is false for a null dataset', () => {
    expect(holds('StringLike', ['*'], [''], { qualifier: 'ForAnyValue' })).toBe(false);
  });

  it('skips request values that are not of the operator type', () => {
    expect(holds('NumericLessThan', ['10'], ['x', '1'], { qualifier: 'ForAnyValue' })).toBe(true);
  });
});

describe('several entries for one key', () => {
  it('are merged, making the key multivalued', () => {
    const ctx = context({ 'test:Key': ['a'], 'TEST:KEY': ['b'] });
    expect(ctx.get('test:key')).toEqual(['a', 'b']);
  });
});
