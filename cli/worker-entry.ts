/**
 * The program of one worker thread of `run --workers N` (harness/workers.ts): re-creates the evaluator
 * from its spec, the expectations from their file and the plan from its selection, then claims planned
 * runs from the shared queue, one at a time, and posts each outcome back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { resolveEvaluator } from '../evaluators/index.js';
import { loadCatalogue } from '../generators/catalogue.js';
import { unionSelection } from '../generators/services.js';
import { expectationsFromFlag } from '../harness/expectations.js';
import { InputError } from '../harness/input-error.js';
import { runPlanned, type PlannedOutcome } from '../harness/run-planned.js';
import { claimNext, type FromWorker, type QueueData } from '../harness/workers.js';
import { planProperties } from '../specs/properties/plan.js';
import type { WorkerSetup } from './workers.js';

const port = parentPort;
if (port === null) throw new Error('cli/worker-entry.ts runs only as a worker thread');
const send = (m: FromWorker) => port.postMessage(m);
const { setup, queue } = workerData as { setup: WorkerSetup; queue: QueueData };

try {
  const evaluator = await resolveEvaluator(setup.evaluator, {
    cwd: setup.cwd,
    env: process.env,
    ...(setup.timeoutMs !== undefined ? { timeoutMs: setup.timeoutMs } : {}),
  });
  try {
    const expectations = expectationsFromFlag(setup.expectations, evaluator.name, setup.cwd);
    const plan = planProperties(setup.selection);
    const labels = plan.map((p) => `${p.property.name} [${p.settings.profile}]`);
    if (labels.join('\n') !== setup.labels.join('\n')) throw new Error('the worker planned other property runs than the main thread');
    const ctx = { evaluator, expectations, catalogue: await loadCatalogue(unionSelection(plan.map((r) => r.settings.service))), seed: setup.seed, runs: setup.runs, excluded: setup.excludeFeatures, ...(setup.path !== undefined ? { path: setup.path } : {}) };
    for (let index = claimNext(queue); index !== undefined; index = claimNext(queue)) {
      const planned = plan[index];
      if (planned === undefined) throw new Error(`no planned run ${index}`);
      // Progress is throttled: a message per input would cost more than a cheap input itself.
      let last = 0;
      const outcome = await runPlanned(planned, ctx, (done, total) => {
        const now = Date.now();
        if (now - last < 100 && done < total) return;
        last = now;
        send({ type: 'progress', index, done });
      });
      // Through JSON, as the report will be: the oracle's verdicts compute `trace` and
      // `missingContextKeys` lazily in getters, which a structured clone would silently drop.
      send({ type: 'outcome', index, outcome: JSON.parse(JSON.stringify(outcome)) as PlannedOutcome });
    }
  } finally {
    await evaluator.close();
  }
  send({ type: 'closed' });
} catch (err) {
  send({ type: 'failed', message: err instanceof Error ? err.message : String(err), inputError: err instanceof InputError });
}
