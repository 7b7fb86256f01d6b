/**
 * One planned property run, start to finish, as a self-contained piece of work: the same function runs
 * it in the main thread (`--workers 1`) and in a worker thread, and what it returns is plain data (it
 * crosses the thread boundary by structured clone), so the report is the same at any worker count.
 */
import type { Catalogue } from '../generators/catalogue.js';
import { evaluate as oracle } from '../oracle/index.js';
import type { Case, Feature } from '../oracle/types.js';
import { FeatureCounts } from './counts.js';
import { caseCoverage, CoverageCounts, type CoverageMatrix } from './coverage.js';
import type { Evaluator } from './evaluator.js';
import type { ExpectationSet } from './expectations.js';
import { caseFeatures } from './features.js';
import { serviceOf, ServiceCounts } from './service-counts.js';
import { InputError } from './input-error.js';
import { maskKnownDivergences, maskModeFor } from './known-divergences.js';
import type { PlannedRun } from './property.js';
import type { Counts, Entry, Failure } from './results.js';
import { runProperty } from './run-property.js';

/** What one planned run adds to the run's tally. */
export interface PlannedOutcome {
  readonly entry: Entry;
  /** Expected divergences included (inputs passed thanks to a recorded divergence). */
  readonly counts: Counts;
  readonly perFeature: Readonly<Partial<Record<Feature, Counts>>>;
  /** Generated inputs per service of their request (harness/service-counts.ts). */
  readonly perService: Readonly<Record<string, Counts>>;
  /** Generated cases per operator × value form (harness/coverage.ts). */
  readonly coverage: CoverageMatrix;
  readonly failure?: Failure;
  /** Divergences each expectation excused during this run, by id (only the ones that did). */
  readonly expectationHits: Readonly<Record<string, number>>;
}

export interface PlannedRunContext {
  readonly evaluator: Evaluator;
  readonly expectations: ExpectationSet;
  readonly catalogue: Catalogue;
  /** The seed and inputs per unit of `runsFactor` (already this shard's). */
  readonly seed: number;
  readonly runs: number;
  readonly path?: string;
  /** `--exclude-features`: never generated, and skipped where a property's own settings would bring them. */
  readonly excluded?: readonly Feature[];
}

/** Runs one planned (property, settings) pair; `onProgress` sees each generated input. */
export async function runPlanned(
  planned: PlannedRun,
  ctx: PlannedRunContext,
  onProgress?: (done: number, total: number) => void,
): Promise<PlannedOutcome> {
  const { property, settings } = planned;
  const features = new FeatureCounts();
  const hitsBefore = new Map(ctx.expectations.hits);
  // Per-feature counts of generated inputs: the main case of each input is remembered when it is sent
  // and tagged and counted when fast-check reports the input passed (shrinking attempts are never
  // counted). Tagging after the check finds the documents already read by the oracle (looksMalformed).
  const coverage = new CoverageCounts();
  const services = new ServiceCounts();
  let pending: Case | undefined;
  const tallyFeatures = (cases: readonly Case[]) => {
    if (pending === undefined) pending = cases[0];
  };
  // Differential/validation mask case by case; metamorphic properties (the evaluator against itself) see
  // its own answers unless a case of the pair is a recorded divergence (MaskMode in known-divergences.ts).
  const evaluator = maskKnownDivergences(ctx.evaluator, ctx.expectations, oracle, tallyFeatures, maskModeFor(property.kind));
  const inputs = ctx.runs * planned.runsFactor;
  const label = `${property.name} [${settings.profile}]`;
  // An input that passed only because a recorded divergence was answered for it counts as expected.
  let maskedSeen = 0;
  const run = await runProperty(property, evaluator, {
    seed: ctx.seed,
    runs: inputs,
    ...(ctx.path !== undefined ? { path: ctx.path } : {}),
    settings,
    catalogue: ctx.catalogue,
    ...(ctx.excluded !== undefined ? { excluded: ctx.excluded } : {}),
    onProgress: (done, total) => {
      onProgress?.(done, total);
      const masked = evaluator.masked();
      const passed = masked > maskedSeen ? 'expectedDivergence' : 'agree';
      if (pending) {
        features.add(caseFeatures(pending), passed);
        coverage.add(caseCoverage(pending));
        services.add(serviceOf(pending), passed);
      }
      maskedSeen = masked;
      pending = undefined;
    },
  }).catch((err: unknown) => {
    if (err instanceof InputError) throw err;
    // fast-check cannot follow a path recorded under another seed, property or profile: bad input.
    if (ctx.path !== undefined && /replay/i.test(String((err as Error)?.message))) {
      throw new InputError(`--path ${ctx.path} does not replay under --seed ${ctx.seed}, --property ${property.name}, --profile ${settings.profile}`);
    }
    throw err;
  });
  // Inputs answered from a recorded divergence passed only thanks to it: count them apart.
  const known = Math.min(evaluator.masked(), run.counts.agree);
  const counts = { ...run.counts, agree: run.counts.agree - known, expectedDivergence: run.counts.expectedDivergence + known };
  if (run.failure) {
    const kind = run.failure.actual.kind === 'errored' ? 'errored' : 'diverge';
    features.add(run.failure.cause?.features ?? run.failure.features, kind);
    services.add(serviceOf(run.failure.case), kind);
  }
  const expectationHits: Record<string, number> = {};
  for (const [id, n] of ctx.expectations.hits) {
    const added = n - (hitsBefore.get(id) ?? 0);
    if (added > 0) expectationHits[id] = added;
  }
  return {
    entry: {
      suite: 'properties',
      name: label,
      counts,
      durationMs: run.durationMs,
      ...(run.skipReason !== undefined ? { skipReason: run.skipReason } : {}),
      failures: run.failure ? [run.failure.id] : [],
    },
    counts,
    perFeature: features.toRecord(),
    perService: services.toRecord(),
    coverage: coverage.toMatrix(),
    ...(run.failure ? { failure: run.failure } : {}),
    expectationHits,
  };
}

/**
 * Runs planned runs on worker threads: the runs named by plan index, taken in `order`, under this
 * shard's seed and inputs; resolves to every outcome by plan index. `signal` aborted: stops them all.
 */
export type PlanDispatcher = (
  runs: { readonly seed: number; readonly runs: number; readonly path?: string },
  order: readonly number[],
  onProgress: (index: number, done: number) => void,
  signal: AbortSignal,
) => Promise<ReadonlyMap<number, PlannedOutcome>>;
