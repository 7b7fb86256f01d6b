import { describe, expect, it } from 'vitest';
import { InputError } from '../harness/input-error.js';
import type { Case } from '../oracle/types.js';
import { resolveEvaluator } from './index.js';

const denyAll: Case = {
  policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] }],
  request: { action: 'sagemaker:ListModels', resource: '*', context: [] },
};

describe('baseline evaluators', () => {
  it('answer one decision whatever the case says', async () => {
    const allowed = await resolveEvaluator('baseline:allowed');
    const implicit = await resolveEvaluator('baseline:implicitDeny');
    expect(await allowed.evaluate([denyAll, { policies: [], request: denyAll.request }])).toEqual([
      { kind: 'verdict', verdict: { decision: 'allowed' } },
      { kind: 'verdict', verdict: { decision: 'allowed' } },
    ]);
    expect(await implicit.evaluate([denyAll])).toEqual([{ kind: 'verdict', verdict: { decision: 'implicitDeny' } }]);
    expect([allowed.name, implicit.name]).toEqual(['baseline-allowed', 'baseline-implicitDeny']);
  });

  it('refuse a decision that is not a baseline', async () => {
    await expect(resolveEvaluator('baseline:explicitDeny')).rejects.toBeInstanceOf(InputError);
    await expect(resolveEvaluator('baseline:')).rejects.toThrow(/allowed, implicitDeny/);
  });
});
