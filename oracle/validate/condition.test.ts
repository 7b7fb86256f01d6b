import { describe, expect, it } from 'vitest';
import { CONDITION_OPERATORS } from '../types.js';
import type { Condition } from '../types.js';
import { validatePolicy } from './index.js';

const statement = (Condition: unknown): Record<string, unknown> => ({ Effect: 'Allow', Action: '*', Resource: '*', Condition });

/** The conditions of a one-statement policy, or the broken (path, rule) pairs. */
const read = (condition: unknown, version = '2012-10-17'): readonly Condition[] | Array<[string, string]> => {
  const r = validatePolicy({ Version: version, Statement: [statement(condition)] });
  return r.ok ? (r.policy.statements[0]?.conditions ?? []) : r.errors.map((e): [string, string] => [e.path, e.rule]);
};

describe('Condition: parsing into the model', () => {
  it('makes one condition per (operator, key), with values as strings', () => {
    expect(read({ StringEquals: { 'aws:RequestTag/team': 'ml', 'sagemaker:RootAccess': ['Disabled'] }, NumericLessThan: { 'sagemaker:MaxRuntimeInSeconds': 3600 } })).toEqual([
      { raw: 'StringEquals', operator: 'StringEquals', ifExists: false, key: 'aws:RequestTag/team', values: ['ml'] },
      { raw: 'StringEquals', operator: 'StringEquals', ifExists: false, key: 'sagemaker:RootAccess', values: ['Disabled'] },
      { raw: 'NumericLessThan', operator: 'NumericLessThan', ifExists: false, key: 'sagemaker:MaxRuntimeInSeconds', values: ['3600'] },
    ]);
  });

  it('splits set qualifier, base operator and IfExists', () => {
    expect(read({ 'ForAllValues:StringLikeIfExists': { 'sagemaker:InstanceTypes': ['ml.c5.*'] } })).toEqual([
      { raw: 'ForAllValues:StringLikeIfExists', qualifier: 'ForAllValues', operator: 'StringLike', ifExists: true, key: 'sagemaker:InstanceTypes', values: ['ml.c5.*'] },
    ]);
    expect(read({ 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'a' } })).toMatchObject([{ qualifier: 'ForAnyValue', operator: 'StringEquals', ifExists: false }]);
  });

  it('stringifies JSON numbers and booleans (quotes are optional in policies)', () => {
    expect(read({ Bool: { 'aws:SecureTransport': true }, NumericEquals: { 'n:k': [1.5, -2, 0] } })).toMatchObject([
      { values: ['true'] },
      { values: ['1.5', '-2', '0'] },
    ]);
  });

  it('keeps the key as written (matching is the evaluator’s business)', () => {
    expect(read({ StringEquals: { 'AWS:SourceVpc': 'vpc-1' } })).toMatchObject([{ key: 'AWS:SourceVpc' }]);
  });

  it('accepts an empty Condition block and an operator with no keys (DECISIONS.md: empty-condition)', () => {
    expect(read({})).toEqual([]);
    expect(read({ StringEquals: {} })).toEqual([]);
  });

  it('knows every operator of types.ts, with every qualifier and IfExists', () => {
    for (const op of CONDITION_OPERATORS) {
      for (const prefix of ['', 'ForAllValues:', 'ForAnyValue:']) {
        for (const suffix of op === 'Null' ? [''] : ['', 'IfExists']) {
          const value = op === 'Null' || op === 'Bool' ? 'true' : op.startsWith('Numeric') ? '1' : op.startsWith('Date') ? '2020-01-01T00:00:00Z' : op.includes('Ip') ? '10.0.0.0/8' : op === 'BinaryEquals' ? 'QmluYXJ5' : 'x';
          const parsed = read({ [`${prefix}${op}${suffix}`]: { 'a:b': value } });
          expect(parsed, `${prefix}${op}${suffix}`).toMatchObject([{ operator: op, ifExists: suffix !== '' }]);
        }
      }
    }
  });
});

describe('Condition: rules', () => {
  it('must be an object', () => {
    for (const c of [null, [], 'x', 1]) expect(read(c)).toEqual([['Statement[0].Condition', 'condition-type']]);
  });

  it('rejects unknown operators, naming them in the path', () => {
    expect(read({ StringEqual: { 'a:b': 'x' } })).toEqual([['Statement[0].Condition.StringEqual', 'condition-operator-unknown']]);
    expect(read({ 'ForSomeValues:StringEquals': { 'a:b': 'x' } })).toEqual([['Statement[0].Condition.ForSomeValues:StringEquals', 'condition-operator-unknown']]);
    expect(read({ 'StringEqualsIfExists:ForAllValues': { 'a:b': 'x' } })).toMatchObject([[expect.any(String), 'condition-operator-unknown']]);
  });

  it('accepts an unknown operator with an empty block and adds no condition (DECISIONS.md #29)', () => {
    expect(read({ a: {}, x: {}, DateGreaterThan: {} })).toEqual([]);
    expect(read({ x: { a: '1' } })).toEqual([['Statement[0].Condition.x', 'condition-operator-unknown']]);
    expect(read({ x: [] })).toEqual([['Statement[0].Condition.x', 'condition-operator-unknown']]);
  });

  it('is case-sensitive in operator names (DECISIONS.md: operator-case)', () => {
    for (const op of ['stringEquals', 'STRINGEQUALS', 'forallvalues:StringEquals', 'StringEqualsifexists']) {
      expect(read({ [op]: { 'a:b': 'x' } })).toEqual([[`Statement[0].Condition.${op}`, 'condition-operator-unknown']]);
    }
  });

  it('rejects IfExists on Null', () => {
    expect(read({ NullIfExists: { 'a:b': 'true' } })).toEqual([['Statement[0].Condition.NullIfExists', 'condition-null-ifexists']]);
    expect(read({ 'ForAllValues:NullIfExists': { 'a:b': 'true' } })).toEqual([['Statement[0].Condition.ForAllValues:NullIfExists', 'condition-null-ifexists']]);
  });

  it('requires each operator to map keys to values', () => {
    for (const v of ['x', ['a:b'], null, 3]) expect(read({ StringEquals: v })).toEqual([['Statement[0].Condition.StringEquals', 'condition-operator-type']]);
  });

  it('rejects an empty key name', () => {
    expect(read({ StringEquals: { '': 'x' } })).toEqual([['Statement[0].Condition.StringEquals.', 'condition-key-empty']]);
  });

  it('rejects values that are not string/number/boolean or a non-empty array of them', () => {
    expect(read({ StringEquals: { 'aws:SourceVpc': null } })).toEqual([['Statement[0].Condition.StringEquals.aws:SourceVpc', 'condition-value-type']]);
    expect(read({ StringEquals: { 'aws:SourceVpc': { a: 1 } } })).toEqual([['Statement[0].Condition.StringEquals.aws:SourceVpc', 'condition-value-type']]);
    expect(read({ StringEquals: { 'aws:SourceVpc': ['a', ['b']] } })).toEqual([['Statement[0].Condition.StringEquals.aws:SourceVpc[1]', 'condition-value-type']]);
  });

  it('accepts an empty value list as zero values (DECISIONS.md #7)', () => {
    expect(read({ StringEquals: { 'aws:SourceVpc': [] }, DateGreaterThan: { a: [] } })).toMatchObject([
      { operator: 'StringEquals', key: 'aws:SourceVpc', values: [] },
      { operator: 'DateGreaterThan', key: 'a', values: [] },
    ]);
  });

  it('uses "Statement.Condition…" paths when Statement is a lone object', () => {
    const r = validatePolicy({ Statement: statement({ NumericEquals: { 'a:b': 'x' } }) });
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['Statement.Condition.NumericEquals.a:b']);
  });

  it('uses the key verbatim in the path, even with dots and prototype names', () => {
    expect(read({ Bool: { 'a.b': 'no', __proto__: 'x' } })).toEqual([['Statement[0].Condition.Bool.a.b', 'condition-value-bool']]);
    const parsed = JSON.parse('{"Bool":{"__proto__":"maybe"}}') as unknown;
    expect(read(parsed)).toEqual([['Statement[0].Condition.Bool.__proto__', 'condition-value-bool']]);
  });
});

describe('Condition: typed values per family', () => {
  const at = (op: string, key = 'k:k'): string => `Statement[0].Condition.${op}.${key}`;

  it('accepts any string for String and ARN operators (DECISIONS.md: arn-values)', () => {
    expect(read({ StringLike: { 'k:k': ['', '*', '${aws:username}'] }, ArnLike: { 'k:k': '*key/volume-kms-key-12345' } })).toHaveLength(2);
  });

  it('requires numbers for Numeric operators', () => {
    expect(read({ NumericLessThan: { 'k:k': ['10', '1.5', -3, '1e3'] } })).toHaveLength(1);
    expect(read({ NumericLessThan: { 'k:k': 'ten' } })).toEqual([[at('NumericLessThan'), 'condition-value-numeric']]);
    expect(read({ NumericEqualsIfExists: { 'k:k': ['1', ''] } })).toEqual([[`${at('NumericEqualsIfExists')}[1]`, 'condition-value-numeric']]);
  });

  it('requires ISO-8601 dates or epoch seconds for Date operators', () => {
    expect(read({ DateGreaterThan: { 'aws:CurrentTime': ['2020-01-01T00:00:00Z', '2020-01-01', 1577836800, '1577836800'] } })).toHaveLength(1);
    expect(read({ DateGreaterThan: { 'aws:CurrentTime': 'yesterday' } })).toEqual([[at('DateGreaterThan', 'aws:CurrentTime'), 'condition-value-date']]);
  });

  it('requires true/false for Bool and Null, in any case (DECISIONS.md: bool-case)', () => {
    expect(read({ Bool: { 'k:k': ['true', 'False', false] }, Null: { 'k:k': 'TRUE' } })).toHaveLength(2);
    expect(read({ Bool: { 'k:k': 'yes' } })).toEqual([[at('Bool'), 'condition-value-bool']]);
    expect(read({ Null: { 'k:k': 1 } })).toEqual([[at('Null'), 'condition-value-null']]);
  });

  it('requires addresses or CIDR blocks for IP operators', () => {
    expect(read({ IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '203.0.113.7', '2001:db8::/32', '::1'] } })).toHaveLength(1);
    expect(read({ NotIpAddress: { 'aws:SourceIp': '10.0.0.0/33' } })).toEqual([[at('NotIpAddress', 'aws:SourceIp'), 'condition-value-ip']]);
  });

  it('requires base64 for BinaryEquals', () => {
    expect(read({ BinaryEquals: { 'k:k': 'QmluYXJ5VmFsdWU=' } })).toHaveLength(1);
    expect(read({ BinaryEquals: { 'k:k': 'not base64!' } })).toEqual([[at('BinaryEquals'), 'condition-value-binary']]);
  });

  it('treats variables as literal text where AWS does not substitute them (DECISIONS.md: typed-variables)', () => {
    expect(read({ NumericLessThan: { 'k:k': '${aws:EpochTime}' } })).toEqual([[at('NumericLessThan'), 'condition-value-numeric']]);
    expect(read({ DateLessThan: { 'k:k': '${aws:CurrentTime}' } })).toEqual([[at('DateLessThan'), 'condition-value-date']]);
    expect(read({ IpAddress: { 'k:k': '${aws:SourceIp}' } })).toEqual([[at('IpAddress'), 'condition-value-ip']]);
    expect(read({ Null: { 'k:k': '${aws:username}' } })).toEqual([[at('Null'), 'condition-value-null']]);
  });

  it('accepts a whole variable as a Bool value under 2012-10-17 only (DECISIONS.md: bool-variables)', () => {
    expect(read({ Bool: { 'k:k': '${aws:PrincipalTag/mfa}' } })).toHaveLength(1);
    expect(read({ Bool: { 'k:k': '${aws:PrincipalTag/mfa}' } }, '2008-10-17')).toEqual([[at('Bool'), 'condition-value-bool']]);
  });
});
