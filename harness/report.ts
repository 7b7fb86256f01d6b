import type { Evaluator } from './evaluator.js';
import type { Feature } from '../oracle/types.js';
import type { RunReport } from './results.js';
import type { Tally } from './tally.js';
import type { KnownDivergences } from './results.js';

export interface ReportMeta {
  readonly tool: { readonly name: string; readonly version: string };
  readonly verb: RunReport['verb'];
  readonly evaluator: Pick<Evaluator, 'spec' | 'name' | 'version'>;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly seed?: number;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly excludedFeatures: readonly Feature[];
  readonly knownDivergences?: KnownDivergences;
}

/** The RunReport of a finished run: the tally's numbers with the run's identity around them. */
export function buildReport(tally: Tally, meta: ReportMeta): RunReport {
  return {
    schemaVersion: 1,
    tool: meta.tool,
    verb: meta.verb,
    evaluator: {
      spec: meta.evaluator.spec,
      name: meta.evaluator.name,
      ...(meta.evaluator.version !== undefined ? { version: meta.evaluator.version } : {}),
    },
    startedAt: meta.startedAt.toISOString(),
    finishedAt: meta.finishedAt.toISOString(),
    ...(meta.seed !== undefined ? { seed: meta.seed } : {}),
    settings: meta.settings,
    excludedFeatures: [...meta.excludedFeatures],
    totals: tally.totals,
    perFeature: tally.features.toRecord(),
    ...(tally.coverage.size > 0 ? { coverage: tally.coverage.toMatrix() } : {}),
    ...(tally.services.size > 0 ? { perService: tally.services.toRecord() } : {}),
    entries: tally.entries,
    failures: tally.failures,
    ...(meta.knownDivergences ? { knownDivergences: meta.knownDivergences } : {}),
    passed: tally.passed,
    failed: tally.failed,
  };
}
