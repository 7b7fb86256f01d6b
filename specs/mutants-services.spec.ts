/**
 * Mutants are also caught when the run generates for other services than the default mix: S3 alone
 * (ARNs with no region or account) and the whole catalogue (`--service all`). Same seed and runs as the
 * default run (specs/mutants.spec.ts); the generators are service-neutral, so a mutant that escapes here
 * points at a generator that only works for SageMaker-shaped vocabularies.
 *
 * `npm test` checks the mutants whose bugs meet resource ARNs, action names and decision logic (the ones
 * a new ARN shape can hide), to stay within CI time; every mutant under both selections:
 * `MUTANTS_SERVICES=all npx vitest run specs/mutants-services.spec.ts` (all 36 caught at the time of writing).
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../generators/catalogue.js';
import type { ServiceSelection } from '../generators/services.js';
import { catchMutant } from '../testing/mutants/catch.js';
import { MUTANTS } from '../testing/mutants/index.js';

const SELECTIONS: readonly ServiceSelection[] = [['s3'], 'all'];
/** The CI subset: resource and action matching, variables in ARNs, and the decision logic. */
const CI_SUBSET = new Set([
  'resource-star-stops-at-slash',
  'not-resource-as-resource',
  'action-case-sensitive',
  'action-question-as-star',
  'not-action-as-action',
  'variables-not-substituted',
  'allow-wins',
  'first-match-wins',
  'boundary-ignored',
  'string-equals-ignores-case',
]);
const chosen = process.env.MUTANTS_SERVICES === 'all' ? MUTANTS : MUTANTS.filter((m) => CI_SUBSET.has(m.name));

for (const service of SELECTIONS) {
  const label = service === 'all' ? 'all' : service.join(',');
  describe(`--service ${label} catches every mutant`, () => {
    it.each(chosen.map((m) => [m.name, m] as const))('catches %s', async (_name, m) => {
      const c = await catchMutant(m, await loadCatalogue(service), undefined, undefined, service);
      expect(c.caught, `${m.name} (${m.bug}) survived ${c.inputsBefore} inputs under --service ${label}`).toBe(true);
    });
  });
}
