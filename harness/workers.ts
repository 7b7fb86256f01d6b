/**
 * Planned property runs on worker threads. Each worker builds its own evaluator, expectations and plan
 * from plain data (the evaluator's spec string, the expectations file, the plan selection) and runs
 * whole planned runs by index with `runPlanned`, under the run's own seed: a planned run gives the same
 * cases, verdicts and shrunk counterexample on any thread, and the caller gets the outcomes by plan
 * index, so the report is the same at any worker count. The main thread runs none of them: it runs
 * the vector suites meanwhile and gathers the outcomes and progress (its young generation is V8's
 * small default, fixed when the process starts; see WORKER_LIMITS). The workers claim the next run
 * from a shared counter, so none waits for another to hand work out. The worker program itself (which
 * may import the CLI's evaluator choice and the suite's plan) is named by the caller.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError } from './input-error.js';
import type { PlannedOutcome } from './run-planned.js';

/** What every worker gets besides the caller's own data: the shared queue of plan indices. */
export interface QueueData {
  /** Plan indices in the order to take them (e.g. the most inputs first, so the threads finish together). */
  readonly order: readonly number[];
  /** Int32 slots: [0] the next position in `order` to claim, [1] non-zero once the run has failed. */
  readonly claims: SharedArrayBuffer;
}

/** The next plan index to run, or undefined when the queue is empty or the run has failed. */
export function claimNext(queue: QueueData): number | undefined {
  const slots = new Int32Array(queue.claims);
  if (Atomics.load(slots, 1) !== 0) return undefined;
  return queue.order[Atomics.add(slots, 0, 1)];
}

const stopAll = (queue: QueueData): void => void Atomics.store(new Int32Array(queue.claims), 1, 1);

/** worker → parent */
export type FromWorker =
  | { readonly type: 'progress'; readonly index: number; readonly done: number }
  | { readonly type: 'outcome'; readonly index: number; readonly outcome: PlannedOutcome }
  | { readonly type: 'failed'; readonly message: string; readonly inputError: boolean }
  | { readonly type: 'closed' };

export interface WorkerPoolOptions {
  /** The worker program: a built `.js` file, or a `.ts` file (compiled by tsx, as under vitest). */
  readonly entry: URL;
  /** Given to every worker as `workerData.setup` (structured-cloneable); `workerData.queue` is the QueueData. */
  readonly setup: unknown;
  /** Worker threads to start (no more than there are planned runs). */
  readonly threads: number;
  readonly order: readonly number[];
  /** Inputs done so far of one planned run in a worker (throttled by the worker). */
  readonly onProgress?: (index: number, done: number) => void;
  /** Aborted: the pool stops (workers terminated) and rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/**
 * A young generation four times V8's default for each worker (64 MiB semi-spaces; the main thread's
 * is fixed when the process starts): generating cases allocates fast and dies young, and fewer
 * scavenges gave about a tenth more cases per second. It costs up to 128 MiB more memory per worker.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 192 };

/** A worker thread running `entry`; a `.ts` entry goes through tsx's loader, as module: evaluators do. */
function startWorker(entry: URL, workerData: unknown): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData, resourceLimits: WORKER_LIMITS });
  // The ESM build of tsx's API sits beside the CommonJS one that require.resolve finds.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const code = `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}))`;
  return new Worker(code, { eval: true, workerData, resourceLimits: WORKER_LIMITS });
}

/** One worker until it has closed: its outcomes go into `outcomes`; a failure stops every thread. */
function workerDone(worker: Worker, queue: QueueData, outcomes: Map<number, PlannedOutcome>, onProgress?: (index: number, done: number) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const fail = (err: Error) => {
      stopAll(queue);
      reject(err);
    };
    worker.on('message', (m: FromWorker) => {
      if (m.type === 'progress') onProgress?.(m.index, m.done);
      else if (m.type === 'outcome') outcomes.set(m.index, m.outcome);
      else if (m.type === 'failed') fail(m.inputError ? new InputError(m.message) : new Error(`worker: ${m.message}`));
      else resolve();
    });
    worker.on('error', fail);
    worker.on('exit', (code) => (code === 0 ? resolve() : fail(new Error(`worker exited with code ${code}`))));
  });
}

/** Runs the planned runs `order` names on `threads` worker threads; resolves to their outcomes by plan index. */
export async function runOnWorkers(o: WorkerPoolOptions): Promise<Map<number, PlannedOutcome>> {
  const queue: QueueData = { order: o.order, claims: new SharedArrayBuffer(8) };
  const outcomes = new Map<number, PlannedOutcome>();
  const count = Math.max(1, Math.min(o.threads, o.order.length));
  const workers = Array.from({ length: count }, () => startWorker(o.entry, { setup: o.setup, queue }));
  const reason = (): Error => (o.signal?.reason instanceof Error ? o.signal.reason : new Error('the run stopped'));
  const aborted = new Promise<never>((_, reject) => {
    if (o.signal?.aborted) reject(reason());
    o.signal?.addEventListener('abort', () => reject(reason()), { once: true });
  });
  aborted.catch(() => {});
  try {
    await Promise.race([Promise.all(workers.map((w) => workerDone(w, queue, outcomes, o.onProgress))), aborted]);
  } catch (err) {
    stopAll(queue);
    throw err;
  } finally {
    await Promise.all(workers.map((t) => t.terminate()));
  }
  return outcomes;
}
