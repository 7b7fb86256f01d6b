/**
 * How fast the default plan catches each mutant in testing/mutants/ (deliberately broken evaluators),
 * seen as a user sees it: each mutant through the `module:` adapter, the default plan's properties in
 * order under the default seed and runs, stopping at the first property that fails. The mutants are
 * loaded as evaluator modules by path (the bench imports nothing from testing/).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { resolveEvaluator } from '../evaluators/index.js';
import type { Catalogue } from '../generators/catalogue.js';
import { packageRoot } from '../harness/package-root.js';
import { runProperty } from '../harness/run-property.js';
import { DEFAULT_RUNS, DEFAULT_SEED, defaultPlan } from '../specs/properties/defaults.js';
import { PROPERTIES } from '../specs/properties/index.js';

export interface MutantCatch {
  readonly mutant: string;
  readonly caught: boolean;
  /** `property [profile]` of the first failing run. */
  readonly caughtBy?: string;
  /** Generated inputs until caught, over every property run before it and the one that caught it. */
  readonly inputs: number;
  /** Wall seconds until caught (shrinking included), from the first property run. */
  readonly seconds: number;
}

/** The mutant modules, by name (the folder's `*.ts` but its index and the catch helper). */
export function mutantNames(): string[] {
  const dir = join(packageRoot(), 'testing', 'mutants');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts' && f !== 'catch.ts')
    .map((f) => f.slice(0, -'.ts'.length))
    .sort();
}

export async function mutantCatches(catalogue: Catalogue, names: readonly string[]): Promise<MutantCatch[]> {
  const out: MutantCatch[] = [];
  for (const mutant of names) {
    const evaluator = await resolveEvaluator(`module:${join(packageRoot(), 'testing', 'mutants', `${mutant}.ts`)}`);
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    let inputs = 0;
    let caught: MutantCatch | undefined;
    try {
      for (const { property, settings, runsFactor } of defaultPlan(PROPERTIES, evaluator.unsupportedFeatures)) {
        const run = await runProperty(property, evaluator, { seed: DEFAULT_SEED, runs: DEFAULT_RUNS * runsFactor, settings, catalogue });
        if (run.failure) {
          caught = { mutant, caught: true, caughtBy: `${property.name} [${settings.profile}]`, inputs: inputs + (run.inputsToFailure ?? 0), seconds: seconds() };
          break;
        }
        inputs += run.counts.agree + run.counts.skipped;
      }
    } finally {
      await evaluator.close();
    }
    out.push(caught ?? { mutant, caught: false, inputs, seconds: seconds() });
  }
  return out;
}
