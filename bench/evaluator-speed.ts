import { evaluate } from '../oracle/index.js';
import type { Case } from '../oracle/types.js';
import { loadIamSimulate } from '../evaluators/iam-simulate.js';
import { caseToSimulation, SIMULATION_OPTIONS } from '../evaluators/iam-simulate-mapping.js';
import { measureRateAsync, type Rate } from './measure.js';
import { freshCopies } from './workload.js';

export interface SpeedPair {
  /** Every case's policies arrive as objects never seen before: validated and compiled each time. */
  readonly cold: Rate;
  /** Case families: one policy set's objects reused across the requests of its family, every round. */
  readonly warm: Rate;
  /**
   * The cold workload's cases evaluated again and again as they are (each policy object reused with
   * its one request): working set spread over thousands of policy sets, so mostly a measure of memory
   * traffic. Shown for comparison; the warm ratio is taken on `warm`.
   */
  readonly recurring: Rate;
}

/** The two workloads: independent cases (cold, recurring) and case families (warm). */
export interface SpeedWorkload {
  readonly cases: readonly Case[];
  readonly families: readonly Case[];
}

type EvaluateAll = (cases: readonly Case[]) => Promise<void>;

const collectGarbage = (): void => (globalThis as { gc?: () => void }).gc?.();

/**
 * Cold rate: each round evaluates deep copies made before its clock starts, so only the evaluator's
 * work on never-seen documents is timed; a full collection (with --expose-gc, as `npm run bench`
 * runs) before the clock keeps the cost of collecting those copies out of the round as well. The
 * best of `rounds`, to keep outside noise out.
 */
async function coldRate(cases: readonly Case[], evaluateAll: EvaluateAll, rounds: number): Promise<Rate> {
  let best = Infinity;
  for (let i = 0; i < rounds; i++) {
    const copies = freshCopies(cases);
    collectGarbage();
    const start = process.hrtime.bigint();
    await evaluateAll(copies);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { perSecond: cases.length / best, microsPerOp: (best / cases.length) * 1e6, ops: cases.length, seconds: best };
}

async function speedPair(workload: SpeedWorkload, evaluateAll: EvaluateAll, minSeconds: number): Promise<SpeedPair> {
  const cold = await coldRate(workload.cases, evaluateAll, 5);
  const warm = await measureRateAsync(workload.families.length, () => evaluateAll(workload.families), minSeconds);
  const recurring = await measureRateAsync(workload.cases.length, () => evaluateAll(workload.cases), minSeconds);
  return { cold, warm, recurring };
}

/** The oracle on the workload. */
export function oracleSpeed(workload: SpeedWorkload, minSeconds: number): Promise<SpeedPair> {
  return speedPair(
    workload,
    async (batch) => {
      for (const c of batch) evaluate(c);
    },
    minSeconds,
  );
}

/** `@cloud-copilot/iam-simulate`'s runSimulation (which validates as it goes) on the same cases. */
export async function iamSimulateSpeed(
  workload: SpeedWorkload,
  minSeconds: number,
): Promise<SpeedPair & { readonly version?: string }> {
  const { runSimulation, version } = await loadIamSimulate();
  const pair = await speedPair(
    workload,
    async (batch) => {
      for (const c of batch) await runSimulation(caseToSimulation(c), SIMULATION_OPTIONS);
    },
    minSeconds,
  );
  return { ...pair, ...(version !== undefined ? { version } : {}) };
}
