/**
 * Planned property runs on worker threads. Each worker builds its own evaluator, expectations and plan
 * from plain data (the evaluator's spec string, the expectations file, the plan selection) and runs
 * whole planned runs by index with `runPlanned`, under the run's own seed: a planned run gives the same
 * cases, verdicts and shrunk counterexample on any thread, and the caller gets the outcomes in plan
 * order, so the report is the same at any worker count. The worker program itself (which may import
 * the CLI's evaluator choice and the suite's plan) is named by the caller.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError } from './input-error.js';
import type { PlannedOutcome } from './run-planned.js';

/** parent → worker */
export type ToWorker = { readonly type: 'run'; readonly index: number } | { readonly type: 'close' };

/** worker → parent */
export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'progress'; readonly index: number; readonly done: number }
  | { readonly type: 'outcome'; readonly index: number; readonly outcome: PlannedOutcome }
  | { readonly type: 'failed'; readonly message: string; readonly inputError: boolean }
  | { readonly type: 'closed' };

export interface WorkerPoolOptions {
  /** The worker program: a built `.js` file, or a `.ts` file (compiled by tsx, as under vitest). */
  readonly entry: URL;
  /** Given to every worker as `workerData` (structured-cloneable). */
  readonly workerData: unknown;
  readonly workers: number;
  /** Plan indices in the order to hand them out (e.g. the longest first, so the threads finish together). */
  readonly order: readonly number[];
  /** Inputs done so far of one planned run (throttled by the worker). */
  readonly onProgress?: (index: number, done: number) => void;
}

/** A worker thread running `entry`; a `.ts` entry goes through tsx's loader, as module: evaluators do. */
function startWorker(entry: URL, workerData: unknown): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData });
  // The ESM build of tsx's API sits beside the CommonJS one that require.resolve finds.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const code = `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}))`;
  return new Worker(code, { eval: true, workerData });
}

/** Runs the planned runs `order` names on `workers` threads; resolves to their outcomes by plan index. */
export async function runOnWorkers(o: WorkerPoolOptions): Promise<Map<number, PlannedOutcome>> {
  const queue = [...o.order];
  const outcomes = new Map<number, PlannedOutcome>();
  const threads: Worker[] = [];
  let failure: Error | undefined;
  const count = Math.max(1, Math.min(o.workers, queue.length));
  try {
    await Promise.all(
      Array.from({ length: count }, () =>
        new Promise<void>((resolve, reject) => {
          const worker = startWorker(o.entry, o.workerData);
          threads.push(worker);
          const next = () => {
            const index = failure === undefined ? queue.shift() : undefined;
            worker.postMessage(index === undefined ? ({ type: 'close' } satisfies ToWorker) : ({ type: 'run', index } satisfies ToWorker));
          };
          worker.on('message', (m: FromWorker) => {
            if (m.type === 'ready') next();
            else if (m.type === 'progress') o.onProgress?.(m.index, m.done);
            else if (m.type === 'outcome') {
              outcomes.set(m.index, m.outcome);
              next();
            } else if (m.type === 'failed') {
              failure ??= m.inputError ? new InputError(m.message) : new Error(`worker: ${m.message}`);
              reject(failure);
            } else resolve();
          });
          worker.on('error', (err) => {
            failure ??= err;
            reject(err);
          });
          worker.on('exit', (code) => {
            if (code !== 0) reject(failure ?? new Error(`worker exited with code ${code}`));
            else resolve();
          });
        }),
      ),
    );
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
  return outcomes;
}
