import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../generators/catalogue.js';
import { evaluate as oracle } from '../oracle/index.js';
import type { Case } from '../oracle/types.js';
import { defaultPlan } from '../specs/properties/defaults.js';
import { PROPERTIES } from '../specs/properties/index.js';
import type { Evaluator } from './evaluator.js';
import { ExpectationSet } from './expectations.js';
import { causeExpectations, triage } from './triage.js';

/** The oracle, except that it answers allowed wherever a Null condition is written. */
const nullBlind: Evaluator = {
  spec: 'module:./null-blind.js',
  name: 'null-blind',
  unsupportedFeatures: [],
  async evaluate(cases: readonly Case[]) {
    return cases.map((c) => ({ kind: 'verdict', verdict: JSON.stringify(c.policies).includes('"Null"') ? { decision: 'allowed' } : oracle(c) }) as const);
  },
  async close() {},
};

describe('triage', async () => {
  const catalogue = await loadCatalogue();
  const plan = defaultPlan(PROPERTIES).filter((r) => r.property.name === 'differential' && r.settings.profile === 'default');

  it('collects, minimises and clusters every divergence, one example per cause', async () => {
    const result = await triage({ evaluator: nullBlind, plan, seed: 1, runs: 150, catalogue });
    expect(result.divergences).toBeGreaterThan(0);
    expect(result.causes.reduce((n, c) => n + c.count, 0)).toBe(result.divergences);
    for (const c of result.causes) {
      expect(JSON.stringify(c.example.policies)).toContain('"Null"');
      // Minimised: at most the policy holding the Null and one more that changes the oracle's answer.
      expect(c.example.policies.length).toBeLessThanOrEqual(2);
      expect(c.operators).toContain('Null');
      expect(c.doc).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    }
  });

  it('writes one entry per cause that masks it, and names the recorded entry that already does', async () => {
    const result = await triage({ evaluator: nullBlind, plan, seed: 1, runs: 150, catalogue });
    const entries = causeExpectations(result, 'null-blind');
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.length).toBeLessThanOrEqual(result.causes.length);
    const set = new ExpectationSet(entries);
    for (const c of result.causes) {
      const want = oracle(c.example);
      expect(set.find(c.example, [...c.features], want, { decision: 'allowed' }), c.signature).toBeDefined();
    }
    const again = await triage({ evaluator: nullBlind, plan, seed: 1, runs: 150, catalogue, expectations: new ExpectationSet(entries) });
    expect(again.causes.every((c) => c.coveredBy !== undefined)).toBe(true);
    expect(causeExpectations(again, 'null-blind')).toEqual([]);
  });
});
