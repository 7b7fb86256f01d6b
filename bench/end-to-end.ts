import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { resolveEvaluator } from '../evaluators/index.js';
import type { Catalogue } from '../generators/catalogue.js';
import { PROFILES } from '../generators/profiles.js';
import { differential } from '../specs/properties/differential.js';
import { runProperty } from '../harness/run-property.js';
import { packageRoot } from '../harness/package-root.js';
import type { Rate } from './measure.js';
import { BENCH_SEED } from './workload.js';

export interface EndToEnd {
  readonly evaluator: string;
  readonly rate: Rate;
  /** Cases that did not agree with the oracle: must be 0, these evaluators wrap the oracle. */
  readonly disagreements: number;
}

/** The oracle as a command: compiled JS when running from dist/, the TypeScript source through tsx otherwise. */
export function oracleCommandSpec(): string {
  const here = fileURLToPath(import.meta.url);
  const js = here.replace(/\.ts$/, '.js').replace(/end-to-end\.js$/, 'oracle-command.js');
  if (here.endsWith('.js') && existsSync(js)) return `cmd:node ${JSON.stringify(js)}`;
  return `cmd:node --import tsx ${JSON.stringify(join(packageRoot(), 'bench', 'oracle-command.ts'))}`;
}

/** The three adapters the bench times, each wrapping the oracle: in process, `module:` and `cmd:`. */
export const adapterSpecs = (): string[] => ['oracle', `module:${join(packageRoot(), 'examples', 'module-evaluator.ts')}`, oracleCommandSpec()];

/**
 * End-to-end `run` throughput: the differential property (generate, evaluate through the adapter,
 * compare with the oracle) over `runs` cases, for the in-process oracle and the module and cmd adapters.
 */
export async function endToEnd(catalogue: Catalogue, runs: number): Promise<EndToEnd[]> {
  const out: EndToEnd[] = [];
  for (const spec of adapterSpecs()) {
    const evaluator = await resolveEvaluator(spec, { cwd: packageRoot() });
    try {
      const run = await runProperty(differential, evaluator, {
        seed: BENCH_SEED,
        runs,
        settings: PROFILES.default!,
        catalogue,
      });
      const seconds = run.durationMs / 1000;
      const cases = run.counts.agree + run.counts.diverge + run.counts.errored;
      out.push({
        evaluator: spec.split(' ')[0] === 'cmd:node' ? 'cmd' : spec.split(':')[0]!,
        rate: { perSecond: cases / seconds, microsPerOp: (seconds / Math.max(cases, 1)) * 1e6, ops: cases, seconds },
        disagreements: run.counts.diverge + run.counts.errored,
      });
    } finally {
      await evaluator.close();
    }
  }
  return out;
}
