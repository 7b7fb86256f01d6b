import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { CONTEXT_KEY_TYPES, DECISIONS, type Case, type Verdict } from './types.js';

/** A verdict is well-formed: a known decision with array evidence, or an error with a code and message. */
const wellFormed = (v: Verdict): boolean =>
  'error' in v
    ? typeof v.error.code === 'string' && v.error.code.length > 0 && typeof v.error.message === 'string'
    : DECISIONS.includes(v.decision) && Array.isArray(v.matchedStatements) && Array.isArray(v.missingContextKeys) && Array.isArray(v.trace);

// Policy-shaped JSON (right element names, random values) reaches deep into validation and evaluation.
const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('Allow', 'Deny', '*', 'sagemaker:*', 'sagemaker:Create?odel', 'arn:aws:sagemaker:*:*:model/*', 'arn:aws:s3:::b/${aws:username}', '${aws:username}', '${*}', '10.0.0.0/8', 'true', '2020-01-01T00:00:00Z', 'QQ==', '12'),
);
const values = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }));
const operators = fc.constantFrom('StringEquals', 'StringNotLike', 'ForAllValues:StringLike', 'ForAnyValue:StringNotEquals', 'NumericLessThanIfExists', 'DateEquals', 'Bool', 'IpAddress', 'NotIpAddress', 'BinaryEquals', 'Null', 'ArnLike', 'ArnNotEquals');
const keys = fc.constantFrom('aws:username', 'aws:RequestTag/team', 'sagemaker:InstanceTypes', 'aws:SourceIp', 'aws:CurrentTime', 'k:b');
const condition = fc.dictionary(operators, fc.dictionary(keys, values, { maxKeys: 2 }), { maxKeys: 2 });
const statement = fc.record(
  {
    Sid: fc.constantFrom('A', 'B', ''),
    Effect: fc.constantFrom('Allow', 'Deny', 'allow'),
    Action: values,
    NotAction: values,
    Resource: values,
    NotResource: values,
    Condition: fc.oneof(condition, values),
  },
  { requiredKeys: [] },
);
const policy = fc.oneof(
  fc.record({ Version: fc.constantFrom('2012-10-17', '2008-10-17', 'x'), Statement: fc.oneof(statement, fc.array(statement, { maxLength: 3 })) }, { requiredKeys: [] }),
  fc.jsonValue({ maxDepth: 2 }),
);
const entry = fc.record({ key: fc.oneof(keys, fc.string()), type: fc.constantFrom(...CONTEXT_KEY_TYPES, 'text'), values: fc.oneof(fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }), fc.anything()) });
const request = fc.oneof(
  fc.record({
    action: fc.constantFrom('sagemaker:CreateModel', 'SageMaker:createmodel', 's3:GetObject', 'bad', 'a:b:c', 'x:*'),
    resource: fc.constantFrom('*', 'arn:aws:sagemaker:us-east-1:1:model/m', 'arn:aws:s3:::b/alice/x', 'foo', ''),
    context: fc.oneof(fc.array(entry, { maxLength: 3 }), fc.anything()),
  }),
  fc.anything(),
);

describe('evaluate never throws', () => {
  it('answers every policy-shaped case with a well-formed verdict', () => {
    fc.assert(
      fc.property(fc.array(policy, { maxLength: 3 }), fc.option(fc.array(policy, { maxLength: 2 }), { nil: undefined }), request, (policies, permissionsBoundaries, req) => {
        const c = { policies, ...(permissionsBoundaries ? { permissionsBoundaries } : {}), request: req } as unknown as Case;
        const v = evaluate(c);
        expect(wellFormed(v)).toBe(true);
        expect(() => JSON.stringify(v)).not.toThrow();
      }),
      { numRuns: 400 },
    );
  });

  it('answers arbitrary values with a verdict', () => {
    fc.assert(
      fc.property(fc.anything(), (anything) => {
        expect(wellFormed(evaluate(anything as Case))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
