import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../oracle/index.js';
import { isErrorVerdict } from '../oracle/types.js';
import { serviceRoleFamily } from './case-family.js';
import { loadCatalogue } from './catalogue.js';

const decision = (c: Parameters<typeof evaluate>[0]) => {
  const v = evaluate(c);
  return isErrorVerdict(v) ? 'error' : v.decision;
};

describe('serviceRoleFamily', () => {
  it('pairs a role-taking SageMaker action with iam:PassRole on a role ARN, under one policy', async () => {
    const families = fc.sample(serviceRoleFamily(await loadCatalogue()), { seed: 3, numRuns: 200 });
    for (const [action, pass] of families.map((f) => [f[0]!, f[1]!] as const)) {
      expect(action.request.action).toMatch(/^sagemaker:Create(TrainingJob|ProcessingJob|EndpointConfig|NotebookInstance|Model)$/);
      expect(pass.request.action).toBe('iam:PassRole');
      expect(pass.request.resource).toMatch(/^arn:aws:iam::123456789012:role\//);
      expect(pass.policies).toEqual(action.policies);
    }
  });

  it('gives PassRole every decision, and grants whole calls often', async () => {
    const families = fc.sample(serviceRoleFamily(await loadCatalogue()), { seed: 3, numRuns: 400 });
    const pass = families.map((f) => decision(f[1]!));
    for (const d of ['allowed', 'implicitDeny', 'explicitDeny'] as const) expect(pass.filter((x) => x === d).length, d).toBeGreaterThan(30);
    expect(pass).not.toContain('error');
    const whole = families.filter((f) => f.every((c) => decision(c) === 'allowed')).length;
    expect(whole).toBeGreaterThan(60);
  });

  it('is empty when the catalogue has no SageMaker', async () => {
    expect(fc.sample(serviceRoleFamily(await loadCatalogue(['s3'])), { seed: 1, numRuns: 3 })).toEqual([[], [], []]);
  });
});
