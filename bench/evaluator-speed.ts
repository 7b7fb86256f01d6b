import { evaluate } from '../oracle/index.js';
import type { Case } from '../oracle/types.js';
import { loadIamSimulate } from '../evaluators/iam-simulate.js';
import { caseToSimulation, SIMULATION_OPTIONS } from '../evaluators/iam-simulate-mapping.js';
import { measureRateAsync, type Rate } from './measure.js';
import { freshCopies } from './workload.js';

export interface SpeedPair {
  /** Every case's policies arrive as objects never seen before: validated and compiled each time. */
  readonly cold: Rate;
  /** The same policy objects reused across requests, as in a property run over case families. */
  readonly warm: Rate;
}

type EvaluateAll = (cases: readonly Case[]) => Promise<void>;

/**
 * Cold rate: each round evaluates deep copies made before its clock starts, so only the evaluator's
 * work on never-seen documents is timed (the best of `rounds`, to keep GC noise out).
 */
async function coldRate(cases: readonly Case[], evaluateAll: EvaluateAll, rounds: number): Promise<Rate> {
  let best = Infinity;
  for (let i = 0; i < rounds; i++) {
    const copies = freshCopies(cases);
    const start = process.hrtime.bigint();
    await evaluateAll(copies);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { perSecond: cases.length / best, microsPerOp: (best / cases.length) * 1e6, ops: cases.length, seconds: best };
}

async function speedPair(cases: readonly Case[], evaluateAll: EvaluateAll, minSeconds: number): Promise<SpeedPair> {
  const cold = await coldRate(cases, evaluateAll, 3);
  const warm = await measureRateAsync(cases.length, () => evaluateAll(cases), minSeconds);
  return { cold, warm };
}

/** The oracle on the workload. */
export function oracleSpeed(cases: readonly Case[], minSeconds: number): Promise<SpeedPair> {
  return speedPair(
    cases,
    async (batch) => {
      for (const c of batch) evaluate(c);
    },
    minSeconds,
  );
}

/** `@cloud-copilot/iam-simulate`'s runSimulation (which validates as it goes) on the same cases. */
export async function iamSimulateSpeed(
  cases: readonly Case[],
  minSeconds: number,
): Promise<SpeedPair & { readonly version?: string }> {
  const { runSimulation, version } = await loadIamSimulate();
  const pair = await speedPair(
    cases,
    async (batch) => {
      for (const c of batch) await runSimulation(caseToSimulation(c), SIMULATION_OPTIONS);
    },
    minSeconds,
  );
  return { ...pair, ...(version !== undefined ? { version } : {}) };
}
