/**
 * Whole-plan throughput: the default property plan (every property, every profile) through the CLI's
 * own `run` at one worker and at every core, for the oracle, module and cmd adapters: generated inputs
 * per second of wall time, and the speed-up the worker threads give.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/main.js';
import { packageRoot } from '../harness/package-root.js';
import type { RunReport } from '../harness/results.js';
import { adapterSpecs } from './end-to-end.js';
import { BENCH_SEED } from './workload.js';

export interface PlanThroughput {
  readonly evaluator: string;
  readonly workers: number;
  /** Generated inputs checked (each one case, or two and more for metamorphic properties); a whole run adds its vector cases. */
  readonly inputs: number;
  readonly seconds: number;
  readonly inputsPerSecond: number;
}

const adapterName = (spec: string): string => (spec.startsWith('cmd:') ? 'cmd' : spec.split(':')[0] ?? spec);

/** One `run` in process (`--suite properties --no-expectations` unless `whole`), timed on the wall clock. */
async function timedRun(spec: string, runs: number, workers: number, sample?: () => void, whole = false): Promise<PlanThroughput> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-run-'));
  const io = { stdout: () => {}, stderr: (t: string) => void process.stderr.write(t), interactive: false, cwd: packageRoot(), env: process.env };
  const narrow = whole ? [] : ['--suite', 'properties', '--no-expectations'];
  // The main job runs under its default seed, which its recorded divergences were triaged at.
  const seed = whole ? [] : ['--seed', String(BENCH_SEED)];
  const argv = ['run', '--evaluator', spec, ...narrow, ...seed, '--runs', String(runs), '--workers', String(workers), '--quiet', '--report-dir', dir];
  const started = process.hrtime.bigint();
  const timer = sample ? setInterval(sample, 250) : undefined;
  const code = await runCli(argv, io).finally(() => clearInterval(timer));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as RunReport;
  rmSync(dir, { recursive: true, force: true });
  if (code !== 0) throw new Error(`bench: run against ${spec} failed (exit ${code}): ${whole ? 'its recorded divergences must cover the run' : 'the adapters wrap the oracle and must agree'}`);
  const t = report.totals;
  const inputs = t.agree + t.diverge + t.expectedDivergence + t.errored + t.skipped;
  return { evaluator: adapterName(spec), workers, inputs, seconds, inputsPerSecond: inputs / seconds };
}

/**
 * The main job as a user runs it, `run --evaluator iam-simulate` (vectors, regressions, properties, its
 * recorded divergences), at `runs` inputs per property, at one worker and at every core.
 */
export async function defaultRunTimes(runs: number): Promise<PlanThroughput[]> {
  const cores = availableParallelism();
  const out = [await timedRun('iam-simulate', runs, 1, undefined, true)];
  if (cores > 1) out.push(await timedRun('iam-simulate', runs, cores, undefined, true));
  return out;
}

/** The plan at `runs` inputs per unit, at one worker and at every core, per adapter (`allCores`: which adapters). */
export async function planThroughput(
  runs: number,
  allCores: (adapter: string) => boolean = () => true,
  adapters: readonly string[] = ['oracle', 'module', 'cmd'],
): Promise<PlanThroughput[]> {
  const specs = adapterSpecs().filter((s) => adapters.includes(adapterName(s)));
  const cores = availableParallelism();
  const out: PlanThroughput[] = [];
  for (const spec of specs) {
    out.push(await timedRun(spec, runs, 1));
    if (cores > 1 && allCores(adapterName(spec))) out.push(await timedRun(spec, runs, cores));
  }
  return out;
}

/** All cores over one worker, for one adapter (1 on a one-core machine). */
export function workerSpeedup(figures: readonly PlanThroughput[], evaluator = 'oracle'): number {
  const mine = figures.filter((f) => f.evaluator === evaluator);
  const one = mine.find((f) => f.workers === 1);
  const all = mine.reduce<PlanThroughput | undefined>((best, f) => (best === undefined || f.workers > best.workers ? f : best), undefined);
  return one && all ? all.inputsPerSecond / one.inputsPerSecond : 1;
}

export interface WorkersMemory {
  readonly workers: number;
  readonly inputs: number;
  readonly seconds: number;
  /** Resident memory of the whole process (main thread and every worker), sampled every 250 ms. */
  readonly rssPeakMiB: number;
  /** Highest sample in the first and in the last tenth of the run: about equal when memory is flat. */
  readonly rssFirstTenthMiB: number;
  readonly rssLastTenthMiB: number;
  /** Highest sample in each tenth of the run, in order: growth that levels off, or keeps climbing. */
  readonly rssByTenthMiB: readonly number[];
}

const mib = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;

/** A long run of the default plan against the oracle at every core, its resident memory sampled throughout. */
export async function memoryWithWorkers(runs: number): Promise<WorkersMemory> {
  const samples: number[] = [];
  const run = await timedRun('oracle', runs, availableParallelism(), () => samples.push(process.memoryUsage().rss));
  samples.push(process.memoryUsage().rss);
  const tenth = Math.max(1, Math.floor(samples.length / 10));
  return {
    workers: run.workers,
    inputs: run.inputs,
    seconds: run.seconds,
    rssPeakMiB: mib(Math.max(...samples)),
    rssFirstTenthMiB: mib(Math.max(...samples.slice(0, tenth))),
    rssLastTenthMiB: mib(Math.max(...samples.slice(-tenth))),
    rssByTenthMiB: Array.from({ length: 10 }, (_, i) => samples.slice(Math.floor((i * samples.length) / 10), Math.floor(((i + 1) * samples.length) / 10)))
      .filter((part) => part.length > 0)
      .map((part) => mib(Math.max(...part))),
  };
}
