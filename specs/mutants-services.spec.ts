/**
 * Every mutant is also caught when the run generates for other services than the default mix: S3 alone
 * (ARNs with no region or account) and the whole catalogue (`--service all`). Same seed and runs as the
 * default run (specs/mutants.spec.ts); the generators are service-neutral, so a mutant that escapes here
 * points at a generator that only works for SageMaker-shaped vocabularies.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../generators/catalogue.js';
import type { ServiceSelection } from '../generators/services.js';
import { catchMutant } from '../testing/mutants/catch.js';
import { MUTANTS } from '../testing/mutants/index.js';

const SELECTIONS: readonly ServiceSelection[] = [['s3'], 'all'];

for (const service of SELECTIONS) {
  const label = service === 'all' ? 'all' : service.join(',');
  describe(`--service ${label} catches every mutant`, () => {
    it.each(MUTANTS.map((m) => [m.name, m] as const))('catches %s', async (_name, m) => {
      const c = await catchMutant(m, await loadCatalogue(service), undefined, undefined, service);
      expect(c.caught, `${m.name} (${m.bug}) survived ${c.inputsBefore} inputs under --service ${label}`).toBe(true);
    });
  });
}
