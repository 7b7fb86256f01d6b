import { DEFAULT_RUNS } from '../specs/properties/defaults.js';

/** How big each benchmark is. `full` is `npm run bench`; `smoke` only proves the script runs. */
export interface BenchScale {
  readonly name: 'full' | 'smoke';
  /** Workload cases for the evaluator-speed figures. */
  readonly cases: number;
  /** Minimum seconds each rate is measured over. */
  readonly minSeconds: number;
  /** Cases of the end-to-end runs per adapter. */
  readonly endToEndRuns: number;
  /** Cases of the memory run (issue 7: 100,000). */
  readonly memoryCases: number;
  readonly wildcardStars: number;
  readonly wildcardLength: number;
  readonly liveFamilies: number;
  /** `--runs` of the whole-plan runs (the plan has about 40 inputs per unit). */
  readonly planRuns: number;
  /** `--runs` of the long plan timed at one worker and at every core, oracle adapter (`workerSpeedupLong`). */
  readonly longPlanRuns: number;
  /** `--runs` of the long all-workers memory run (full: over 1,000,000 generated inputs). */
  readonly memoryPlanRuns: number;
  /** `--runs` of the timed main job against iam-simulate (full: the default, DEFAULT_RUNS). */
  readonly defaultRunRuns: number;
  /** How many mutants to time (all of them in `full`). */
  readonly mutants: number;
}

export const SCALES: Readonly<Record<BenchScale['name'], BenchScale>> = {
  full: {
    name: 'full',
    cases: 2000,
    minSeconds: 2,
    // A default run's worth of cases: the rate once the code is warm, as in a run, not its first second.
    endToEndRuns: 15_000,
    memoryCases: 100_000,
    wildcardStars: 5000,
    wildcardLength: 20_000,
    liveFamilies: 200,
    // The default plan as `run` has it (DEFAULT_RUNS inputs per unit, 14,700 in all).
    planRuns: DEFAULT_RUNS,
    // 49,000 inputs: long enough that each thread's own JIT warm-up is a small part of it.
    longPlanRuns: 1000,
    // 49 inputs per unit of `--runs`: 20,500 × 49 ≈ 1,004,500 generated inputs.
    memoryPlanRuns: 20_500,
    defaultRunRuns: DEFAULT_RUNS,
    mutants: Number.POSITIVE_INFINITY,
  },
  smoke: {
    name: 'smoke',
    cases: 20,
    minSeconds: 0.01,
    endToEndRuns: 10,
    memoryCases: 50,
    wildcardStars: 50,
    wildcardLength: 200,
    liveFamilies: 2,
    planRuns: 1,
    longPlanRuns: 1,
    memoryPlanRuns: 1,
    defaultRunRuns: 1,
    mutants: 1,
  },
};
