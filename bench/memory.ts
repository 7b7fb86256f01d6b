import { createOracleEvaluator } from '../evaluators/oracle.js';
import type { Catalogue } from '../generators/catalogue.js';
import { PROFILES } from '../generators/profiles.js';
import { differential } from '../specs/properties/differential.js';
import { runProperty } from '../harness/run-property.js';
import { BENCH_SEED } from './workload.js';

export interface MemoryFigures {
  readonly cases: number;
  readonly seconds: number;
  readonly peakRssMiB: number;
  /** Heap in use after a full GC (`npm run bench` passes --expose-gc) at 10% and at 100% of the run. */
  readonly heapAtTenthMiB: number;
  readonly heapAtEndMiB: number;
  /** heapAtEnd − heapAtTenth: near zero when nothing accumulates per case. */
  readonly heapGrowthMiB: number;
  /** False when the process lacks --expose-gc: the heap figures then include garbage and say little. */
  readonly collected: boolean;
}

const mib = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;
const collect = (): void => (globalThis as { gc?: () => void }).gc?.();

/** Peak memory of a long differential run against the oracle: it must stay flat. */
export async function memoryRun(catalogue: Catalogue, cases: number): Promise<MemoryFigures> {
  let peakRss = process.memoryUsage().rss;
  let heapAtTenth = 0;
  const tenth = Math.max(1, Math.floor(cases / 10));
  const started = Date.now();
  const run = await runProperty(differential, createOracleEvaluator(), {
    seed: BENCH_SEED,
    runs: cases,
    settings: PROFILES.default!,
    catalogue,
    onProgress: (done) => {
      if (done % 1000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
      if (done === tenth) {
        collect();
        heapAtTenth = process.memoryUsage().heapUsed;
      }
    },
  });
  collect();
  const heapAtEnd = process.memoryUsage().heapUsed;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return {
    cases: run.counts.agree,
    seconds: (Date.now() - started) / 1000,
    peakRssMiB: mib(peakRss),
    heapAtTenthMiB: mib(heapAtTenth),
    heapAtEndMiB: mib(heapAtEnd),
    heapGrowthMiB: mib(heapAtEnd - heapAtTenth),
    collected: typeof (globalThis as { gc?: unknown }).gc === 'function',
  };
}
