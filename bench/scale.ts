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
  /** `--runs` of the long all-workers memory run. */
  readonly memoryPlanRuns: number;
  /** How many mutants to time (all of them in `full`). */
  readonly mutants: number;
}

export const SCALES: Readonly<Record<BenchScale['name'], BenchScale>> = {
  full: {
    name: 'full',
    cases: 2000,
    minSeconds: 2,
    endToEndRuns: 3000,
    memoryCases: 100_000,
    wildcardStars: 5000,
    wildcardLength: 20_000,
    liveFamilies: 200,
    planRuns: 100,
    memoryPlanRuns: 1000,
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
    memoryPlanRuns: 1,
    mutants: 1,
  },
};
