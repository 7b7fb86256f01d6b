/**
 * `--workers N`: how the CLI hands planned property runs to worker threads (harness/workers.ts) and
 * what each worker needs to rebuild the run's evaluator, expectations and plan on its own.
 */
import { availableParallelism } from 'node:os';
import type { ExpectationSet } from '../harness/expectations.js';
import type { PlannedRun } from '../harness/property.js';
import type { Feature } from '../oracle/types.js';
import type { PlanDispatcher } from '../harness/run-planned.js';
import { runOnWorkers } from '../harness/workers.js';
import type { PropertySelection } from '../specs/properties/plan.js';
import { parseInteger } from './options.js';

/** Everything a worker rebuilds its part of the run from (structured-cloneable). */
export interface WorkerSetup {
  /** The resolved evaluator's spec (after any fallback). */
  readonly evaluator: string;
  readonly timeoutMs?: number;
  /** The expectations file the run read, or false for none. */
  readonly expectations: string | false;
  readonly cwd: string;
  readonly selection: PropertySelection;
  /** `--exclude-features` (the selection's `excluded` also holds the evaluator's unsupported ones). */
  readonly excludeFeatures: readonly Feature[];
  /** The labels of the main thread's plan: a worker whose plan differs refuses to run. */
  readonly labels: readonly string[];
  /** This shard's seed and inputs per unit of runsFactor. */
  readonly seed: number;
  readonly runs: number;
  readonly path?: string;
}

/**
 * Below this many generated inputs, the default stays in one thread: starting a worker (loading the
 * evaluator, the catalogue and the plan again) costs more than a short run gains.
 */
const PARALLEL_FROM_INPUTS = 2000;

/**
 * `--workers N` (1 ≤ N ≤ 256). Without it: every core the machine offers, when the plan has at least
 * PARALLEL_FROM_INPUTS inputs (the default run has 19,600), else one.
 */
export function parseWorkers(value: string | undefined, plannedInputs: number): number {
  const n = parseInteger(value, '--workers', 1, 256);
  if (n !== undefined) return n;
  return plannedInputs >= PARALLEL_FROM_INPUTS ? availableParallelism() : 1;
}

/** The worker program next to this file: `.js` in the build, `.ts` when run from source (tsx, vitest). */
const workerEntry = (): URL => new URL(`./worker-entry${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/** A dispatcher for runSuites, or undefined when one thread does it all (or the evaluator must not be copied). */
export function workerDispatcher(
  workers: number,
  o: {
    evaluatorSpec: string;
    timeoutMs?: number;
    expectations: ExpectationSet;
    cwd: string;
    selection: PropertySelection;
    excludeFeatures: readonly Feature[];
    plan: readonly PlannedRun[];
  },
): PlanDispatcher | undefined {
  // AWS is rate-limited and billed per call: more threads would only hit the limit sooner.
  if (workers <= 1 || o.plan.length <= 1 || o.evaluatorSpec === 'aws') return undefined;
  return (runs, order, onProgress, signal) => {
    const setup: WorkerSetup = {
      evaluator: o.evaluatorSpec,
      ...(o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {}),
      expectations: o.expectations.file ?? false,
      cwd: o.cwd,
      selection: o.selection,
      excludeFeatures: o.excludeFeatures,
      labels: o.plan.map((p) => `${p.property.name} [${p.settings.profile}]`),
      ...runs,
    };
    return runOnWorkers({ entry: workerEntry(), setup, threads: workers, order, onProgress, signal });
  };
}
