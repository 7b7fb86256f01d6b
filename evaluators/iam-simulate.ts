/**
 * Adapter for `@cloud-copilot/iam-simulate`, a third-party TypeScript IAM evaluator.
 *
 * Licensing: iam-simulate is AGPL-3.0 and only a devDependency. This file is the ONLY place in the project
 * that loads it, and only through a dynamic `import()` at run time, so the MIT-licensed code never links it
 * statically and works (minus this evaluator) when it is not installed.
 *
 * The mapping Case ↔ Simulation ↔ Verdict lives in `iam-simulate-mapping.ts`.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Case } from '../oracle/types.js';
import { InputError } from '../specs/harness/input-error.js';
import type { Evaluator, EvaluatorResult } from './evaluator.js';
import {
  caseToSimulation,
  outputToVerdict,
  SIMULATION_OPTIONS,
  type SimulationInput,
  type SimulationOutput,
} from './iam-simulate-mapping.js';

export const IAM_SIMULATE_PACKAGE = '@cloud-copilot/iam-simulate';

/** The one function of the package we call. */
export type RunSimulation = (simulation: SimulationInput, options: typeof SIMULATION_OPTIONS) => Promise<SimulationOutput>;

/** Loads the package, or explains how to install it. */
export async function loadIamSimulate(
  // A variable specifier keeps bundlers and tsc from resolving (and so linking) the AGPL package statically;
  // tests pass a missing name to check the install hint.
  specifier: string = IAM_SIMULATE_PACKAGE,
): Promise<{ runSimulation: RunSimulation; version: string | undefined }> {
  let mod: { runSimulation?: unknown };
  try {
    mod = (await import(specifier)) as { runSimulation?: unknown };
  } catch (cause) {
    throw new InputError(
      `the iam-simulate evaluator needs ${IAM_SIMULATE_PACKAGE}, which is not installed (it is AGPL-3.0 and ` +
        `therefore not a dependency of iam-conformance). Install it with: npm install --save-dev ${IAM_SIMULATE_PACKAGE}`,
      { cause },
    );
  }
  if (typeof mod.runSimulation !== 'function') {
    throw new InputError(`${IAM_SIMULATE_PACKAGE} does not export runSimulation; a 0.1.x version is expected`);
  }
  return { runSimulation: mod.runSimulation as RunSimulation, version: await packageVersion() };
}

/** The installed version, from its package.json (not exported by the package, so found next to its entry). */
async function packageVersion(): Promise<string | undefined> {
  try {
    let dir = dirname(createRequire(import.meta.url).resolve(IAM_SIMULATE_PACKAGE));
    for (;;) {
      try {
        const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (pkg.name === IAM_SIMULATE_PACKAGE) return pkg.version;
      } catch {
        // no package.json here (or the dist/ marker one without a name): keep walking up
      }
      const up = dirname(dir);
      if (up === dir) return undefined;
      dir = up;
    }
  } catch {
    return undefined;
  }
}

/** One case through iam-simulate; a throw inside the package is an `errored` result, never a verdict. */
export async function evaluateWithIamSimulate(runSimulation: RunSimulation, c: Case): Promise<EvaluatorResult> {
  try {
    return { kind: 'verdict', verdict: outputToVerdict(await runSimulation(caseToSimulation(c), SIMULATION_OPTIONS)) };
  } catch (err) {
    return { kind: 'errored', message: `iam-simulate threw: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** The `iam-simulate` evaluator (spec `iam-simulate`). */
export async function createIamSimulateEvaluator(): Promise<Evaluator> {
  const { runSimulation, version } = await loadIamSimulate();
  return {
    spec: 'iam-simulate',
    name: 'iam-simulate',
    ...(version !== undefined ? { version } : {}),
    // Everything in a Case can be expressed (see iam-simulate-mapping.ts); divergences are recorded in
    // specs/expectations/iam-simulate.json rather than hidden by skipping features.
    unsupportedFeatures: [],
    async evaluate(cases: readonly Case[]): Promise<readonly EvaluatorResult[]> {
      const out: EvaluatorResult[] = [];
      // Sequential on purpose: runSimulation is CPU-bound, so concurrency would not speed it up.
      for (const c of cases) out.push(await evaluateWithIamSimulate(runSimulation, c));
      return out;
    },
    async close(): Promise<void> {},
  };
}
