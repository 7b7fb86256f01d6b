/**
 * Generated case families for live runs: one generated scenario (policies, boundary, request) and many
 * actions asked under the same policies, resource and context — so one simulator call answers them
 * all. The actions are the scenario world's request actions (what its policies name, and their
 * near misses) plus a sample of the catalogue's SageMaker actions. Deterministic for a seed.
 */
import fc from 'fast-check';
import type { Case } from '../../oracle/types.js';
import { FOCUS_SERVICE, type Catalogue } from '../../generators/catalogue.js';
import { PROFILES } from '../../generators/profiles.js';
import { scenario } from '../../generators/scenario.js';

export interface CaseFamily {
  readonly index: number;
  readonly cases: readonly Case[];
}

/** Actions per family (the batching target: ≥ 20 decisions per call). */
export const FAMILY_SIZE = 25;

export function caseFamily(catalogue: Catalogue): fc.Arbitrary<readonly Case[]> {
  const settings = PROFILES.live ?? PROFILES.default;
  const focus = catalogue.actions.filter((a) => a.service === FOCUS_SERVICE).map((a) => a.id);
  return fc
    .tuple(scenario(catalogue, settings as NonNullable<typeof settings>), fc.shuffledSubarray(focus, { minLength: FAMILY_SIZE, maxLength: FAMILY_SIZE }))
    .map(([s, sample]) => {
      const actions = [...new Set([s.case.request.action, ...s.world.requestActions, ...sample])].slice(0, FAMILY_SIZE);
      return actions.map((action) => ({ ...s.case, request: { ...s.case.request, action } }));
    });
}

/** `runs` families for `seed`. */
export function generateFamilies(catalogue: Catalogue, seed: number, runs: number): CaseFamily[] {
  if (runs <= 0) return [];
  return fc.sample(caseFamily(catalogue), { seed, numRuns: runs }).map((cases, index) => ({ index, cases }));
}
