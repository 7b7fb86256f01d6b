import { describe, expect, it } from 'vitest';
import { counts, erroredFailure, propertyFailure, vectorFailure } from '../testing/report-fixtures.js';
import { groupFailures, primaryFeature } from './group-failures.js';

describe('groupFailures', () => {
  // A deny-blind evaluator: every explicit-deny case fails, whatever else the case uses.
  const perFeature = {
    'explicit-deny': counts({ diverge: 3 }),
    'action-wildcard': counts({ agree: 40, diverge: 2 }),
    'not-action': counts({ agree: 10, diverge: 1 }),
    'condition-string': counts({ agree: 20, diverge: 1 }),
  };
  const a = vectorFailure({ id: 'a', features: ['action-wildcard', 'explicit-deny'] });
  const b = vectorFailure({ id: 'b', features: ['explicit-deny', 'not-action', 'action-wildcard'] });
  const c = vectorFailure({ id: 'c', features: ['condition-string', 'explicit-deny'] });

  it('puts failures of one broken rule together under the feature failing most', () => {
    const groups = groupFailures([a, b, c], perFeature);
    expect(groups.map((g) => g.title)).toEqual(['explicit-deny: expected explicitDeny, got allowed']);
    expect(primaryFeature(b, perFeature)).toBe('explicit-deny');
  });

  it('separates different answer pairs, properties, and unconfirmed failures (last)', () => {
    const groups = groupFailures([vectorFailure({ id: 'u', required: false }), a, propertyFailure(), erroredFailure(), b], perFeature);
    expect(groups.map((g) => [g.title, g.failures.length])).toEqual([
      ['explicit-deny: expected explicitDeny, got allowed', 2],
      ['malformed-policy: expected error, got evaluator error', 1],
      ['property differential: expected implicitDeny, got allowed', 1],
      ['unconfirmed: explicit-deny: expected explicitDeny, got allowed', 1],
    ]);
  });

  it('names a metamorphic cause by the evaluator’s two answers', () => {
    const m = propertyFailure({
      origin: { kind: 'property', property: 'statement-order', profile: 'default', seed: 1 },
      actual: { kind: 'verdict', verdict: { decision: 'allowed' } },
      related: { description: 'reversed', case: propertyFailure().case, actual: { kind: 'verdict', verdict: { decision: 'implicitDeny' } }, expected: { decision: 'allowed' } },
    });
    expect(groupFailures([m])[0]?.title).toBe('property statement-order: answered allowed, then implicitDeny on the transformed case');
  });

  it('orders a cause smallest case first', () => {
    const big = vectorFailure({ id: 'big' });
    const small = vectorFailure({ id: 'small', case: { policies: [], request: { action: 'sagemaker:ListModels', resource: '*', context: [] } } });
    expect(groupFailures([big, small], perFeature)[0]?.failures.map((f) => f.id)).toEqual(['small', 'big']);
  });
});
