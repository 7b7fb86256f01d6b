/**
 * The decision-mix guard, per service: a service whose generated requests never hit its policies tests
 * nothing, whatever the overall mix says. Each service of the default run is sampled on its own (the
 * first-named service would otherwise hide the rest), and a sample under `--service all` must hit the
 * policies of nearly every service it draws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../generators/catalogue.js';
import { evaluationCase } from '../generators/evaluation-case.js';
import { PROFILES } from '../generators/profiles.js';
import { DEFAULT_SERVICES, type ServiceSelection } from '../generators/services.js';
import { answerOf, type Answer } from '../harness/compare.js';
import { serviceOf } from '../harness/service-counts.js';
import { evaluate } from '../oracle/index.js';

const SEED = 20260101;
const PER_SERVICE = 400;

async function sample(service: ServiceSelection, n: number): Promise<{ service: string; answer: Answer }[]> {
  const catalogue = await loadCatalogue(service);
  const cases = fc.sample(evaluationCase(catalogue, { ...PROFILES.default!, service }), { seed: SEED, numRuns: n });
  return cases.map((c) => ({ service: serviceOf(c), answer: answerOf(evaluate(c)) }));
}

describe('the decision mix of each default service', () => {
  for (const service of DEFAULT_SERVICES) {
    it(`${service}: every decision at least 15% of its cases, no invalid policy`, async () => {
      const answers = (await sample([service], PER_SERVICE)).map((a) => a.answer);
      for (const d of ['allowed', 'explicitDeny', 'implicitDeny'] as const) {
        expect(answers.filter((a) => a === d).length / answers.length, `${service} ${d}`).toBeGreaterThanOrEqual(0.15);
      }
      expect(answers.filter((a) => a === 'error')).toEqual([]);
    });
  }
});

describe('the decision mix under --service all', () => {
  it('hits the policies (allowed or explicitDeny) of nearly every service drawn at least 4 times', async () => {
    const drawn = await sample('all', 1500);
    const byService = new Map<string, Answer[]>();
    for (const d of drawn) byService.set(d.service, [...(byService.get(d.service) ?? []), d.answer]);
    const seen = [...byService.entries()].filter(([, a]) => a.length >= 4);
    const missed = seen.filter(([, a]) => !a.some((x) => x === 'allowed' || x === 'explicitDeny')).map(([s]) => s);
    expect(seen.length).toBeGreaterThan(50);
    expect(missed.length / seen.length, `never hit: ${missed.join(', ')}`).toBeLessThanOrEqual(0.05);
    expect(drawn.filter((d) => d.answer === 'error')).toEqual([]);
  });
});
