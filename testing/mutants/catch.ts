/**
 * Runs the default property plan against one mutant, properties in order, and stops at the first
 * property that catches it.
 */
import type { Evaluator } from '../../harness/evaluator.js';
import type { Catalogue } from '../../generators/catalogue.js';
import type { ServiceSelection } from '../../generators/services.js';
import { DEFAULT_RUNS, DEFAULT_SEED, defaultPlan } from '../../specs/properties/defaults.js';
import { PROPERTIES } from '../../specs/properties/index.js';
import { runProperty } from '../../harness/run-property.js';
import type { Mutant } from './index.js';

export interface Catch {
  readonly mutant: string;
  readonly caught: boolean;
  /** The property (and profile) that caught it. */
  readonly property?: string;
  readonly profile?: string;
  /** Generated inputs the catching property needed (1-based), and inputs checked by earlier properties. */
  readonly inputs?: number;
  readonly inputsBefore: number;
  readonly durationMs: number;
  readonly title?: string;
}

export function mutantEvaluator(m: Mutant): Evaluator {
  return {
    spec: `module:testing/mutants/${m.name}.ts`,
    name: `mutant:${m.name}`,
    unsupportedFeatures: [],
    evaluate: async (cases) => cases.map((c) => ({ kind: 'verdict', verdict: m.evaluate(c) }) as const),
    close: async () => {},
  };
}

/** `service`: generate for these services (`--service`), with `catalogue` loaded for them; default: the profiles' own. */
export async function catchMutant(m: Mutant, catalogue: Catalogue, runs = DEFAULT_RUNS, seed = DEFAULT_SEED, service?: ServiceSelection): Promise<Catch> {
  const started = Date.now();
  const evaluator = mutantEvaluator(m);
  let inputsBefore = 0;
  for (const { property, settings: planned, runsFactor } of defaultPlan(PROPERTIES)) {
    const settings = service === undefined ? planned : { ...planned, service };
    const run = await runProperty(property, evaluator, { seed, runs: runs * runsFactor, settings, catalogue });
    if (run.failure) {
      return {
        mutant: m.name,
        caught: true,
        property: property.name,
        profile: settings.profile,
        inputs: run.inputsToFailure ?? 0,
        inputsBefore,
        durationMs: Date.now() - started,
        title: run.failure.title,
      };
    }
    inputsBefore += run.counts.agree + run.counts.skipped;
  }
  return { mutant: m.name, caught: false, inputsBefore, durationMs: Date.now() - started };
}

/** The README table. */
export function catchTable(mutants: readonly Mutant[], catches: readonly Catch[]): string {
  const rows = catches.map((c) => {
    const bug = mutants.find((m) => m.name === c.mutant)?.bug ?? '';
    const by = c.caught ? `\`${c.property}\` (${c.profile})` : '**not caught**';
    return `| \`${c.mutant}\` | ${bug} | ${by} | ${c.inputs ?? '—'} | ${c.inputsBefore + (c.inputs ?? 0)} | ${(c.durationMs / 1000).toFixed(2)} |`;
  });
  return ['| mutant | bug | caught by | inputs in that property | inputs in total | seconds |', '|---|---|---|---|---|---:|', ...rows].join('\n');
}
