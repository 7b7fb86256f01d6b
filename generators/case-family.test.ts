import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseFamily, familyCases } from './case-family.js';
import { loadCatalogue } from './catalogue.js';
import { PROFILES } from './profiles.js';

describe('caseFamily', () => {
  it('shares policies, resource and context across distinct actions', async () => {
    const catalogue = await loadCatalogue();
    const families = fc.sample(caseFamily(catalogue, PROFILES.live!, { maxActions: 4 }), { seed: 1, numRuns: 100 });
    for (const f of families) {
      expect(new Set(f.actions).size).toBe(f.actions.length);
      expect(f.actions.length).toBeLessThanOrEqual(4);
      const cases = familyCases(f);
      expect(cases.map((c) => c.request.action)).toEqual(f.actions);
      for (const c of cases) {
        expect(c.policies).toBe(f.policies);
        expect(c.request.resource).toBe(f.resource);
        expect(c.request.context).toBe(f.context);
      }
    }
    expect(families.some((f) => f.actions.length > 1)).toBe(true);
  });
});
