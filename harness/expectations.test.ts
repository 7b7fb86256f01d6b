import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Case } from '../oracle/types.js';
import { ExpectationSet, loadExpectations, type Expectation } from './expectations.js';
import { InputError } from './input-error.js';

const theCase: Case = {
  policies: [{ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'sagemaker:*', Resource: '*' } }],
  request: { action: 'sagemaker:ListModels', resource: '*', context: [] },
};
const exact: Expectation = {
  id: 'exact-one',
  description: 'one exact case',
  case: { policies: theCase.policies, request: { action: 'sagemaker:ListModels', resource: '*', context: [] } },
  expected: 'allowed',
  actual: 'implicitDeny',
  citation: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html',
  feature: 'action-wildcard',
  status: 'evaluator-bug',
};
const family: Expectation = {
  id: 'family',
  description: 'ForAllValues on an absent key',
  match: { features: ['set-operators'], action: 'SageMaker:Create*', operator: 'ForAllValues:StringNotLike' },
  expected: 'allowed',
  actual: 'implicitDeny',
  citation: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html',
  feature: 'set-operators',
  status: 'unconfirmed',
};
const diverge = (expected: 'allowed', actual: 'implicitDeny' | 'explicitDeny') =>
  ({ kind: 'diverge', expected: { decision: expected }, actual: { decision: actual } }) as const;

describe('expectations', () => {
  it('turns a divergence on the recorded case with the recorded answers into an expected one', () => {
    const set = new ExpectationSet([exact]);
    expect(set.apply(diverge('allowed', 'implicitDeny'), theCase, [])).toMatchObject({
      kind: 'expectedDivergence',
      expectationId: 'exact-one',
    });
    expect(set.apply(diverge('allowed', 'explicitDeny'), theCase, []).kind).toBe('diverge');
    expect(set.apply({ kind: 'agree' }, theCase, [])).toEqual({ kind: 'agree' });
    expect(set.hits.get('exact-one')).toBe(1);
  });

  it('matches a cause: an operator family with its IfExists and set-qualifier variants, any answer pair', () => {
    const cause: Expectation = { ...family, id: 'cause', match: { operatorFamily: 'ArnNotEquals' }, expected: 'any', actual: 'any' };
    const set = new ExpectationSet([cause]);
    const withOperator = (op: string): Case => ({
      policies: [{ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: '*', Condition: { [op]: { 'aws:SourceArn': 'arn:aws:s3:::b' } } } }],
      request: { action: 'sagemaker:ListModels', resource: '*', context: [] },
    });
    for (const op of ['ArnNotEquals', 'ArnNotEqualsIfExists', 'ForAnyValue:ArnNotEquals', 'ForAllValues:ArnNotEqualsIfExists']) {
      expect(set.apply(diverge('allowed', 'explicitDeny'), withOperator(op), []).kind, op).toBe('expectedDivergence');
      expect(set.apply(diverge('allowed', 'implicitDeny'), withOperator(op), []).kind, op).toBe('expectedDivergence');
    }
    for (const op of ['ArnEquals', 'ArnNotLike', 'StringNotEquals']) expect(set.apply(diverge('allowed', 'implicitDeny'), withOperator(op), []).kind, op).toBe('diverge');
    // `any` is any answer, not a crash.
    expect(set.knownCrash(withOperator('ArnNotEquals'), [], { decision: 'allowed' })).toBeUndefined();
  });

  it('matches a family by features, action pattern and operator', () => {
    const set = new ExpectationSet([family]);
    const c: Case = {
      policies: [
        {
          Statement: [
            { Effect: 'Allow', Action: '*', Resource: '*', Condition: { 'ForAllValues:StringNotLike': { 'aws:TagKeys': 'x*' } } },
          ],
        },
      ],
      request: { action: 'sagemaker:CreateModel', resource: '*', context: [] },
    };
    expect(set.apply(diverge('allowed', 'implicitDeny'), c, ['set-operators']).kind).toBe('expectedDivergence');
    expect(set.apply(diverge('allowed', 'implicitDeny'), c, ['missing-key']).kind).toBe('diverge');
    const other = { ...c, request: { ...c.request, action: 'sagemaker:DeleteModel' } };
    expect(set.apply(diverge('allowed', 'implicitDeny'), other, ['set-operators']).kind).toBe('diverge');
  });

  it('matches a family by a regular expression over the compact JSON of the case', () => {
    const epoch: Expectation = {
      ...family,
      id: 'epoch',
      match: { pattern: '"Date[A-Za-z]*":\\{"[^"]+":\\[?"[0-9]+"' },
    };
    const set = new ExpectationSet([epoch]);
    const dated = (value: string): Case => ({
      policies: [{ Statement: { Effect: 'Allow', Action: '*', Resource: '*', Condition: { DateEquals: { 'aws:CurrentTime': [value] } } } }],
      request: { action: 'sagemaker:ListModels', resource: '*', context: [] },
    });
    expect(set.apply(diverge('allowed', 'implicitDeny'), dated('1767225600'), []).kind).toBe('expectedDivergence');
    // Same operator, same answers, another cause (an ISO date): not excused.
    expect(set.apply(diverge('allowed', 'implicitDeny'), dated('2026-01-01T00:00:00Z'), []).kind).toBe('diverge');
    expect(set.hits.get('epoch')).toBe(1);
  });

  it('rejects a pattern that is not a regular expression, naming its JSON path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'expectations-'));
    const bad = join(dir, 'bad-pattern.json');
    writeFileSync(bad, JSON.stringify([exact, { ...family, match: { pattern: '(unclosed' } }]));
    expect(() => loadExpectations(bad)).toThrow(InputError);
    expect(() => loadExpectations(bad)).toThrow(/\[1\]\.match\.pattern: not a regular expression/);
  });

  it('loads a valid file and rejects a broken one naming the JSON path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'expectations-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify([exact, family]));
    expect(loadExpectations(good).map((e) => e.id)).toEqual(['exact-one', 'family']);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify([exact, { ...family, status: 'maybe' }]));
    expect(() => loadExpectations(bad)).toThrow(InputError);
    expect(() => loadExpectations(bad)).toThrow(/bad\.json at \[1\]\.status/);
    const dup = join(dir, 'dup.json');
    writeFileSync(dup, JSON.stringify([exact, exact]));
    expect(() => loadExpectations(dup)).toThrow(/\[1\]\.id: duplicate id/);
  });
});
