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
import { InputError } from '../harness/input-error.js';
import type { Evaluator, EvaluatorResult } from '../harness/evaluator.js';
import {
  caseToSimulation,
  engineFallbackReason,
  engineResultToVerdict,
  engineSimulation,
  outputToVerdict,
  SIMULATION_OPTIONS,
  type SimulationInput,
  type SimulationOutput,
} from './iam-simulate-mapping.js';

export const IAM_SIMULATE_PACKAGE = '@cloud-copilot/iam-simulate';

/** The one function of the package the evaluator calls. */
export type RunSimulation = (simulation: SimulationInput, options: typeof SIMULATION_OPTIONS) => Promise<SimulationOutput>;
/** iam-simulate's engine without its request validation; only the triage tool uses it, to locate causes. */
export type RunUnsafeSimulation = (simulation: SimulationInput, options: typeof SIMULATION_OPTIONS) => string;

export interface IamSimulateModule {
  readonly runSimulation: RunSimulation;
  readonly runUnsafeSimulation?: RunUnsafeSimulation;
  readonly version: string | undefined;
}

/** Loads the package, or explains how to install it. */
export async function loadIamSimulate(
  // A variable specifier keeps bundlers and tsc from resolving (and so linking) the AGPL package statically;
  // tests pass a missing name to check the install hint.
  specifier: string = IAM_SIMULATE_PACKAGE,
): Promise<IamSimulateModule> {
  let mod: { runSimulation?: unknown; runUnsafeSimulation?: unknown };
  try {
    mod = (await import(specifier)) as typeof mod;
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
  return {
    runSimulation: mod.runSimulation as RunSimulation,
    ...(typeof mod.runUnsafeSimulation === 'function'
      ? { runUnsafeSimulation: mod.runUnsafeSimulation as RunUnsafeSimulation }
      : {}),
    version: await packageVersion(),
  };
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

/**
 * One case through iam-simulate: `runSimulation` (its validated entry point), or its engine alone when the
 * request front end refused or trimmed the request (see `engineFallbackReason`). A throw inside the package
 * is an `errored` result, never a verdict.
 */
export async function evaluateWithIamSimulate(
  sim: Pick<IamSimulateModule, 'runSimulation' | 'runUnsafeSimulation'>,
  c: Case,
): Promise<EvaluatorResult> {
  try {
    const simulation = caseToSimulation(c);
    const out = await sim.runSimulation(simulation, SIMULATION_OPTIONS);
    if (sim.runUnsafeSimulation && engineFallbackReason(out) !== undefined) {
      return { kind: 'verdict', verdict: engineResultToVerdict(sim.runUnsafeSimulation(engineSimulation(simulation), SIMULATION_OPTIONS)) };
    }
    return { kind: 'verdict', verdict: outputToVerdict(out) };
  } catch (err) {
    return { kind: 'errored', message: `iam-simulate threw: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** The `iam-simulate` evaluator (spec `iam-simulate`). */
export async function createIamSimulateEvaluator(): Promise<Evaluator> {
  const sim = await loadIamSimulate();
  return {
    spec: 'iam-simulate',
    name: 'iam-simulate',
    ...(sim.version !== undefined ? { version: sim.version } : {}),
    // Everything in a Case can be expressed (see iam-simulate-mapping.ts); divergences are recorded in
    // specs/expectations/iam-simulate.json rather than hidden by skipping features.
    unsupportedFeatures: [],
    async evaluate(cases: readonly Case[]): Promise<readonly EvaluatorResult[]> {
      const out: EvaluatorResult[] = [];
      // Sequential on purpose: runSimulation is CPU-bound, so concurrency would not speed it up.
      for (const c of cases) out.push(await evaluateWithIamSimulate(sim, c));
      return out;
    },
    async close(): Promise<void> {},
  };
}
