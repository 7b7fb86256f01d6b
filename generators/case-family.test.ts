import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseFamily, FAMILY_SIZE, generateFamilies } from './case-family.js';
import { loadCatalogue } from './catalogue.js';
import { PROFILES } from './profiles.js';

describe('caseFamily', () => {
  it('shares policies, resource and context across distinct actions', async () => {
    const catalogue = await loadCatalogue();
    const families = fc.sample(caseFamily(catalogue, PROFILES.default, { size: 4 }), { seed: 1, numRuns: 100 });
    for (const cases of families) {
      const actions = cases.map((c) => c.request.action);
      expect(new Set(actions).size).toBe(actions.length);
      expect(actions.length).toBeLessThanOrEqual(4);
      for (const c of cases) {
        expect(c.policies).toBe(cases[0]!.policies);
        expect(c.request.resource).toBe(cases[0]!.request.resource);
        expect(c.request.context).toBe(cases[0]!.request.context);
      }
    }
    expect(families.some((f) => f.length > 1)).toBe(true);
  });

  it('live families are FAMILY_SIZE actions, numbered, and the same for the same seed', async () => {
    const catalogue = await loadCatalogue();
    const a = generateFamilies(catalogue, 7, 3);
    expect(a.map((f) => f.index)).toEqual([0, 1, 2]);
    for (const f of a) expect(f.cases).toHaveLength(FAMILY_SIZE);
    expect(generateFamilies(catalogue, 7, 3)).toEqual(a);
    expect(generateFamilies(catalogue, 7, 0)).toEqual([]);
  });
});
