import { existsSync } from 'node:fs';
import type { Evaluator } from './evaluator.js';
import { loadCatalogue } from '../generators/catalogue.js';
import { unionSelection } from '../generators/services.js';
import { evaluate as oracle } from '../oracle/index.js';
import type { PlannedRun } from './property.js';
import { runPlanned, type PlanDispatcher, type PlannedOutcome } from './run-planned.js';
import type { ExpectationSet } from './expectations.js';
import type { Feature } from '../oracle/types.js';
import { countsPhrase, sumCounts } from './counts.js';
import { fileReplay } from './replay.js';
import type { Failure } from './results.js';
import { runVectorFiles } from './run-vectors.js';
import { shardItems, shardRuns, shardSeed, type Shard } from './shard.js';
import { Tally } from './tally.js';
import { loadVectorFiles } from './vector-file.js';

/** The suites `run` can execute (live has its own verb). */
export const RUN_SUITES = ['regressions', 'vectors', 'properties'] as const;
export type RunSuite = (typeof RUN_SUITES)[number];

/** Progress of one phase at a time (a suite, a property); the CLI draws it, tests pass a silent one. */
export interface Progress {
  start(label: string, total: number): void;
  update(done: number, total?: number): void;
  /** Ends the phase; `summary` says what it did (kept on screen when the bar is cleared). */
  stop(summary?: string): void;
}

export interface RunSuitesOptions {
  readonly evaluator: Evaluator;
  readonly suites: readonly RunSuite[];
  readonly seed: number;
  /** Generated inputs per (property, profile) pair, before sharding. */
  readonly runs: number;
  /** The property runs, planned by the caller (specs/properties/plan.ts); used when `suites` has properties. */
  readonly plan: readonly PlannedRun[];
  /** fast-check replay path (with a one-property plan): replays exactly one counterexample. */
  readonly path?: string;
  /** Only vector/regression cases with one of these features (generation is not narrowed). */
  readonly features: readonly Feature[];
  readonly excludeFeatures: readonly Feature[];
  readonly shard: Shard;
  readonly expectations: ExpectationSet;
  readonly vectorPaths: readonly string[];
  readonly regressionPaths: readonly string[];
  readonly progress: Progress;
  readonly displayPath?: (file: string) => string;
  /** Called with each failure as soon as it is known. */
  readonly onFailure?: (f: Failure) => void;
  /** Runs the planned property runs on other threads (`--workers N`); absent: one by one in this thread. */
  readonly dispatch?: PlanDispatcher;
}

/** The regression and vector suites (those `o.suites` names), one after the other, into `tally`. */
async function runVectorSuites(o: RunSuitesOptions, tally: Tally): Promise<void> {
  const show = o.displayPath ?? ((f: string) => f);
  for (const suite of ['regressions', 'vectors'] as const) {
    if (!o.suites.includes(suite)) continue;
    const paths = (suite === 'vectors' ? o.vectorPaths : o.regressionPaths).filter((p) => existsSync(p));
    const files = shardItems(paths.length ? await loadVectorFiles(paths) : [], o.shard);
    o.progress.start(suite, 0);
    const part = await runVectorFiles(files, {
      suite,
      evaluator: o.evaluator,
      expectations: o.expectations,
      features: o.features,
      excludeFeatures: o.excludeFeatures,
      oracle,
      displayPath: show,
      replay: (file) => fileReplay(suite === 'vectors' ? 'vectors' : 'replay', file, o.evaluator.spec),
      onProgress: (done, total) => o.progress.update(done, total),
    });
    o.progress.stop(countsPhrase(part.totals));
    part.failures.forEach((f) => o.onFailure?.(f));
    tally.merge(part);
  }
}

/**
 * A whole run, in order: regressions (shrunk counterexamples of earlier runs), known-answer vectors,
 * then the properties over generated cases (with worker threads, these start alongside the vectors; the
 * report keeps this order). Everything is deterministic from the seed.
 */
export async function runSuites(o: RunSuitesOptions): Promise<Tally> {
  const tally = new Tally();
  const plan = o.suites.includes('properties') ? o.plan : [];
  if (plan.length === 0) {
    await runVectorSuites(o, tally);
    return tally;
  }
  // A replay (--path) reruns exactly the recorded seed; otherwise each shard takes its own seed and share.
  const seed = o.path === undefined ? shardSeed(o.seed, o.shard) : o.seed;
  const runs = o.path === undefined ? shardRuns(o.runs, o.shard) : o.runs;
  const record = (outcome: PlannedOutcome) => {
    tally.recordCounts(outcome.counts, outcome.perFeature);
    tally.services.merge(outcome.perService);
    tally.coverage.merge(outcome.coverage);
    if (outcome.failure) {
      tally.failures.push(outcome.failure);
      o.onFailure?.(outcome.failure);
    }
    tally.entries.push(outcome.entry);
  };
  if (o.dispatch !== undefined) {
    // The worker threads start on the property runs at once, the most inputs first, while this thread
    // runs the vector suites. The outcomes are taken in plan order.
    const inputs = plan.map((p) => runs * p.runsFactor);
    const order = plan.map((_, i) => i).sort((a, b) => (inputs[b] as number) - (inputs[a] as number) || a - b);
    const done = plan.map(() => 0);
    let shown = false;
    const progress = (index: number, n: number) => {
      done[index] = n;
      if (shown) o.progress.update(done.reduce((a, b) => a + b, 0));
    };
    const stop = new AbortController();
    const dispatched = o.dispatch({ seed, runs, ...(o.path !== undefined ? { path: o.path } : {}) }, order, progress, stop.signal);
    // Awaited below, after the vectors; until then a failed worker must not count as unhandled.
    dispatched.catch(() => {});
    try {
      await runVectorSuites(o, tally);
    } catch (err) {
      // A vector suite that cannot run (a bad file) ends the run: the workers stop with it.
      stop.abort(err);
      await dispatched.catch(() => {});
      throw err;
    }
    // Each thread counts expectation hits in its own copy: the run's count is the sum of every run's.
    const hitsBefore = new Map(o.expectations.hits);
    o.progress.start('properties', inputs.reduce((a, b) => a + b, 0));
    shown = true;
    o.progress.update(done.reduce((a, b) => a + b, 0));
    const outcomes = await dispatched;
    o.progress.stop(countsPhrase(sumCounts(...[...outcomes.values()].map((x) => x.counts))));
    o.expectations.hits.clear();
    for (const [id, n] of hitsBefore) o.expectations.hits.set(id, n);
    plan.forEach((_, i) => {
      const outcome = outcomes.get(i) as PlannedOutcome;
      for (const [id, n] of Object.entries(outcome.expectationHits)) o.expectations.hits.set(id, (o.expectations.hits.get(id) ?? 0) + n);
      record(outcome);
    });
    return tally;
  }
  await runVectorSuites(o, tally);
  // One catalogue holding every service the planned runs draw from (`--service all`: the whole
  // catalogue). Only this path needs it here: worker threads load their own.
  const catalogue = await loadCatalogue(unionSelection(plan.map((r) => r.settings.service)));
  const ctx = { evaluator: o.evaluator, expectations: o.expectations, catalogue, seed, runs, excluded: o.excludeFeatures, ...(o.path !== undefined ? { path: o.path } : {}) };
  for (const planned of plan) {
    o.progress.start(`${planned.property.name} [${planned.settings.profile}]`, runs * planned.runsFactor);
    const outcome = await runPlanned(planned, ctx, (done, total) => o.progress.update(done, total));
    o.progress.stop(countsPhrase(outcome.counts));
    record(outcome);
  }
  return tally;
}
