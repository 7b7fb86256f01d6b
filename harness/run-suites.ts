import { existsSync } from 'node:fs';
import type { Evaluator } from './evaluator.js';
import { loadCatalogue } from '../generators/catalogue.js';
import { unionSelection } from '../generators/services.js';
import { evaluate as oracle } from '../oracle/index.js';
import type { Case, Feature } from '../oracle/types.js';
import type { PlannedRun } from './property.js';
import { runProperty } from './run-property.js';
import type { ExpectationSet } from './expectations.js';
import { InputError } from './input-error.js';
import { caseCoverage } from './coverage.js';
import { caseFeatures } from './features.js';
import { countsPhrase } from './counts.js';
import { maskKnownDivergences, maskModeFor } from './known-divergences.js';
import { fileReplay } from './replay.js';
import type { Failure } from './results.js';
import { runVectorFiles } from './run-vectors.js';
import { shardItems, shardRuns, shardSeed, type Shard } from './shard.js';
import { Tally } from './tally.js';
import { serviceOf } from './service-counts.js';
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
}

/**
 * A whole run, in order: regressions (shrunk counterexamples of earlier runs), known-answer vectors,
 * then the properties over generated cases. Everything is deterministic from the seed.
 */
export async function runSuites(o: RunSuitesOptions): Promise<Tally> {
  const tally = new Tally();
  const show = o.displayPath ?? ((f: string) => f);
  const plan = o.suites.includes('properties') ? o.plan : [];

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

  if (plan.length === 0) return tally;
  // One catalogue holding every service the planned runs draw from (`--service all`: the whole catalogue).
  const catalogue = await loadCatalogue(unionSelection(plan.map((r) => r.settings.service)));
  // Per-feature counts of generated inputs: the main case of each input is remembered when it is sent
  // and counted when fast-check reports the input passed (shrinking attempts are never counted).
  let pending: readonly Feature[] | undefined;
  let pendingCells: readonly string[] = [];
  let pendingService: string | undefined;
  const tallyFeatures = (cases: readonly Case[]) => {
    if (pending === undefined && cases[0]) {
      pending = caseFeatures(cases[0]);
      pendingCells = caseCoverage(cases[0]);
      pendingService = serviceOf(cases[0]);
    }
  };
  // Differential/validation mask case by case; metamorphic properties (the evaluator against itself) see
  // its own answers unless a case of the pair is a recorded divergence (MaskMode in known-divergences.ts).
  const masking = {
    case: maskKnownDivergences(o.evaluator, o.expectations, oracle, tallyFeatures, 'case'),
    batch: maskKnownDivergences(o.evaluator, o.expectations, oracle, tallyFeatures, 'batch'),
  };
  // A replay (--path) reruns exactly the recorded seed; otherwise each shard takes its own seed and share.
  const seed = o.path === undefined ? shardSeed(o.seed, o.shard) : o.seed;
  const runs = o.path === undefined ? shardRuns(o.runs, o.shard) : o.runs;
  for (const planned of plan) {
    const { property, settings } = planned;
    const evaluator = masking[maskModeFor(property.kind)];
    const inputs = runs * planned.runsFactor;
    evaluator.resetMasked();
    pending = undefined;
    pendingService = undefined;
    // An input that passed only because a recorded divergence was answered for it counts as expected.
    let maskedSeen = 0;
    const label = `${property.name} [${settings.profile}]`;
    o.progress.start(label, inputs);
    const run = await runProperty(property, evaluator, {
      seed,
      runs: inputs,
      ...(o.path !== undefined ? { path: o.path } : {}),
      settings,
      catalogue,
      excluded: o.excludeFeatures,
      onProgress: (done, total) => {
        o.progress.update(done, total);
        const masked = evaluator.masked();
        const passed = masked > maskedSeen ? 'expectedDivergence' : 'agree';
        if (pending) {
          tally.features.add(pending, passed);
          tally.coverage.add(pendingCells);
        }
        if (pendingService !== undefined) tally.services.add(pendingService, passed);
        maskedSeen = masked;
        pending = undefined;
        pendingService = undefined;
      },
    }).catch((err: unknown) => {
      if (err instanceof InputError) throw err;
      // fast-check cannot follow a path recorded under another seed, property or profile: bad input.
      if (o.path !== undefined && /replay/i.test(String((err as Error)?.message))) {
        throw new InputError(`--path ${o.path} does not replay under --seed ${seed}, --property ${property.name}, --profile ${settings.profile}`);
      }
      throw err;
    });
    // Inputs answered from a recorded divergence passed only thanks to it: count them apart.
    const known = Math.min(evaluator.masked(), run.counts.agree);
    const counts = { ...run.counts, agree: run.counts.agree - known, expectedDivergence: run.counts.expectedDivergence + known };
    o.progress.stop(countsPhrase(counts));
    tally.recordCounts(counts);
    if (run.failure) {
      const kind = run.failure.actual.kind === 'errored' ? 'errored' : 'diverge';
      tally.features.add(run.failure.cause?.features ?? run.failure.features, kind);
      tally.services.add(serviceOf(run.failure.case), kind);
      tally.failures.push(run.failure);
      o.onFailure?.(run.failure);
    }
    tally.entries.push({
      suite: 'properties',
      name: label,
      counts,
      durationMs: run.durationMs,
      ...(run.skipReason !== undefined ? { skipReason: run.skipReason } : {}),
      failures: run.failure ? [run.failure.id] : [],
    });
  }
  return tally;
}
