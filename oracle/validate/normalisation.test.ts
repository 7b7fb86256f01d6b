import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validatePolicy } from './index.js';

// Valid documents only, so every run checks the model rather than an error.
const word = fc.stringMatching(/^[A-Za-z0-9]{1,8}$/);
const action = fc.oneof(fc.constant('*'), fc.tuple(fc.constantFrom('sagemaker', 's3', 'iam'), fc.stringMatching(/^[A-Za-z*?]{1,10}$/)).map(([s, a]) => `${s}:${a}`));
const resource = fc.oneof(fc.constant('*'), word.map((w) => `arn:aws:sagemaker:us-east-1:111122223333:endpoint/${w}`), word.map((w) => `arn:aws:s3:::${w}/*`));
const list = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | T[]> => fc.oneof(a, fc.array(a, { minLength: 1, maxLength: 3 }));
const stringValue = fc.oneof(fc.string({ maxLength: 6, unit: 'binary-ascii' }), fc.integer(), fc.boolean());
const conditionBlock = fc.record(
  {
    StringEquals: fc.dictionary(word.map((w) => `aws:RequestTag/${w}`), list(stringValue), { minKeys: 1, maxKeys: 2 }),
    'ForAllValues:StringLike': fc.dictionary(fc.constant('sagemaker:InstanceTypes'), list(fc.constantFrom('ml.c5.*', 'ml.m5.large')), { minKeys: 1 }),
    NumericLessThanIfExists: fc.dictionary(fc.constant('sagemaker:MaxRuntimeInSeconds'), list(fc.oneof(fc.integer(), fc.integer().map(String))), { minKeys: 1 }),
    Bool: fc.dictionary(fc.constant('aws:SecureTransport'), list(fc.constantFrom(true, false, 'true', 'false')), { minKeys: 1 }),
    Null: fc.dictionary(fc.constant('sagemaker:VpcSubnets'), fc.constantFrom('true', 'false'), { minKeys: 1 }),
  },
  { requiredKeys: [] },
);
const statement = fc.record(
  {
    Effect: fc.constantFrom('Allow', 'Deny'),
    actions: fc.tuple(fc.constantFrom('Action', 'NotAction'), list(action)),
    resources: fc.tuple(fc.constantFrom('Resource', 'NotResource'), list(resource)),
    Condition: fc.option(conditionBlock, { nil: undefined }),
  },
).map(({ Effect, actions, resources, Condition }) => ({ Effect, [actions[0]]: actions[1], [resources[0]]: resources[1], ...(Condition ? { Condition } : {}) }));
const document = fc.record({ Version: fc.option(fc.constantFrom('2012-10-17', '2008-10-17'), { nil: undefined }), Statement: fc.oneof(statement, fc.array(statement, { minLength: 1, maxLength: 4 })) }).map((d) =>
  d.Version === undefined ? { Statement: d.Statement } : d,
);

const asList = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

describe('normalisation (properties)', () => {
  it('accepts every well-formed document and mirrors it in the model', () => {
    fc.assert(
      fc.property(document, (doc) => {
        const r = validatePolicy(doc);
        expect(r.ok ? [] : r.errors).toEqual([]);
        if (!r.ok) return;
        expect(r.policy.version).toBe((doc as { Version?: string }).Version ?? '2008-10-17');
        const statements = asList(doc.Statement as Array<Record<string, unknown>>);
        expect(r.policy.statements).toHaveLength(statements.length);
        r.policy.statements.forEach((s, i) => {
          const raw = statements[i] ?? {};
          expect(s.index).toBe(i);
          expect(s.effect).toBe(raw.Effect);
          expect(s.action).toEqual({ negated: 'NotAction' in raw, patterns: asList((raw.Action ?? raw.NotAction) as string[]) });
          expect(s.resource).toEqual({ negated: 'NotResource' in raw, patterns: asList((raw.Resource ?? raw.NotResource) as string[]) });
          const expected = Object.entries((raw.Condition ?? {}) as Record<string, Record<string, unknown>>).flatMap(([op, keys]) =>
            Object.entries(keys).map(([key, v]) => ({ raw: op, key, values: asList(v).map(String) })),
          );
          expect(s.conditions.map((c) => ({ raw: c.raw, key: c.key, values: c.values }))).toEqual(expected);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same model for a lone statement and a one-element array', () => {
    fc.assert(
      fc.property(statement, (s) => {
        const lone = validatePolicy({ Statement: s });
        const array = validatePolicy({ Statement: [s] });
        expect(lone).toEqual(array);
      }),
      { numRuns: 100 },
    );
  });

  it('gives the same model for a bare string and a one-element array in Action, Resource and condition values', () => {
    const a = validatePolicy({ Statement: { Effect: 'Allow', Action: 's3:Get*', Resource: '*', Condition: { StringEquals: { 'k:k': 'v' } } } });
    const b = validatePolicy({ Statement: { Effect: 'Allow', Action: ['s3:Get*'], Resource: ['*'], Condition: { StringEquals: { 'k:k': ['v'] } } } });
    expect(a).toEqual(b);
  });

  it('does not depend on key order', () => {
    const a = validatePolicy({ Version: '2012-10-17', Statement: { Effect: 'Deny', Action: '*', Resource: '*', Sid: 'S' } });
    const b = validatePolicy({ Statement: { Sid: 'S', Resource: '*', Action: '*', Effect: 'Deny' }, Version: '2012-10-17' });
    expect(a).toEqual(b);
  });
});
