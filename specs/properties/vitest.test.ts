import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadCatalogue } from '../../generators/catalogue.js';
import { PROFILES } from '../../generators/profiles.js';
import { packageRoot } from '../../harness/package-root.js';
import { resolveEvaluator } from '../../evaluators/index.js';
import { runProperty } from '../../harness/run-property.js';
import { differential } from './differential.js';
import { formatRun } from './vitest.js';

describe('what a conformance failure prints in vitest', () => {
  it('is the case, both answers, the oracle trace and the replay, in a few lines', async () => {
    const evaluator = await resolveEvaluator(`module:${join(packageRoot(), 'testing', 'mutants', 'deny-blind.ts')}`);
    const run = await runProperty(differential, evaluator, { seed: 1, runs: 200, settings: PROFILES.default!, catalogue: await loadCatalogue() });
    const text = formatRun(run);
    expect(text).toMatch(/^differential \[default\]: expected explicitDeny, got allowed$/m);
    expect(text).toMatch(/^ {2}case: {5}\{"policies":/m);
    expect(text).toContain('  expected: explicitDeny (the oracle)\n  actual:   allowed\n  oracle trace:\n');
    expect(text).toMatch(/^ {2}replay: npx iam-conformance run --evaluator module:\S+deny-blind\.ts --seed 1 --path \S+ --property differential$/m);
    expect(text.split('\n').length).toBeLessThan(40);
  });
});
