import { evaluate } from '../oracle/index.js';
import type { Case } from '../oracle/types.js';
import { loadIamSimulate } from '../evaluators/iam-simulate.js';
import { caseToSimulation, SIMULATION_OPTIONS } from '../evaluators/iam-simulate-mapping.js';
import type { Rate } from './measure.js';
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
const now = (): number => Number(process.hrtime.bigint()) / 1e9;
const rate = (ops: number, seconds: number): Rate => ({ perSecond: ops / seconds, microsPerOp: (seconds / ops) * 1e6, ops, seconds });

/** What is compared: the evaluators, measured side by side on the same workload. */
export interface Contender {
  readonly evaluateAll: EvaluateAll;
}

/**
 * Cold rate of each contender: rounds alternate between them, each round evaluating deep copies
 * made before its clock starts (only the evaluator's work on never-seen documents is timed); a full
 * collection (with --expose-gc, as `npm run bench` runs) before the clock keeps collecting those
 * copies out of the round as well. The first `warmup` rounds are not timed: "cold" is about documents
 * never seen, not about code the JIT has not compiled yet (the oracle's first rounds run 2-5 times
 * slower while V8 optimizes it). A faster contender evaluates the workload several times over per
 * round (fresh copies each time), so that every round lasts about as long as the slowest
 * contender's: on a machine whose speed drifts by the second, the best of short rounds would be
 * luckier than the best of long ones. Then the best timed round of each, to keep outside noise out.
 */
async function coldRates(cases: readonly Case[], contenders: readonly Contender[], warmup: number, rounds: number): Promise<Rate[]> {
  const lasted = contenders.map(() => 0);
  for (let i = 0; i < contenders.length; i++) {
    for (let round = 0; round < warmup; round++) {
      const copies = freshCopies(cases);
      const start = now();
      await contenders[i]!.evaluateAll(copies);
      lasted[i] = now() - start;
    }
  }
  const longest = Math.max(...lasted);
  const repeats = lasted.map((seconds) => Math.min(MAX_REPEATS, Math.max(1, Math.round(longest / Math.max(seconds, 1e-6)))));
  const best = contenders.map(() => Infinity);
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < contenders.length; i++) {
      const copies = Array.from({ length: repeats[i]! }, () => freshCopies(cases)).flat();
      collectGarbage();
      const start = now();
      await contenders[i]!.evaluateAll(copies);
      best[i] = Math.min(best[i]!, (now() - start) / repeats[i]!);
    }
  }
  return best.map((seconds) => rate(cases.length, seconds));
}

/** Most copies of the workload one cold round evaluates (memory: each copy is a few MiB). */
const MAX_REPEATS = 40;

/**
 * Steady rates: after one untimed pass each, the contenders take turns, each turn at least `turn`
 * seconds of whole passes, until every contender has run `minSeconds`. Turns in alternation put every
 * contender under the same conditions of a shared machine, so the ratio holds even when its speed drifts.
 * A full collection before each turn, off the clock, so no contender pays for garbage the other left.
 */
async function steadyRates(cases: readonly Case[], contenders: readonly Contender[], minSeconds: number): Promise<Rate[]> {
  const ops = contenders.map(() => 0);
  const seconds = contenders.map(() => 0);
  for (const c of contenders) await c.evaluateAll(cases);
  const turn = Math.max(minSeconds / 8, 1e-3);
  while (seconds.some((s) => s < minSeconds)) {
    for (let i = 0; i < contenders.length; i++) {
      collectGarbage();
      const start = now();
      let elapsed: number;
      do {
        await contenders[i]!.evaluateAll(cases);
        ops[i] = ops[i]! + cases.length;
        elapsed = now() - start;
      } while (elapsed < turn);
      seconds[i] = seconds[i]! + elapsed;
    }
  }
  return ops.map((n, i) => rate(n, seconds[i]!));
}

/** Untimed cold rounds per contender, then timed rounds in alternation. */
const COLD_WARMUP_ROUNDS = 3;
const COLD_ROUNDS = 7;

/** Cold, warm and recurring rates of each contender, measured side by side. */
export async function speedPairs(workload: SpeedWorkload, contenders: readonly Contender[], minSeconds: number): Promise<SpeedPair[]> {
  const cold = await coldRates(workload.cases, contenders, COLD_WARMUP_ROUNDS, COLD_ROUNDS);
  const warm = await steadyRates(workload.families, contenders, minSeconds);
  const recurring = await steadyRates(workload.cases, contenders, minSeconds);
  return contenders.map((_, i) => ({ cold: cold[i]!, warm: warm[i]!, recurring: recurring[i]! }));
}

/** The oracle as a contender. */
export const oracleContender: Contender = {
  evaluateAll: async (batch) => {
    for (const c of batch) evaluate(c);
  },
};

/** `@cloud-copilot/iam-simulate`'s runSimulation (which validates as it goes) as a contender, and its version. */
export async function iamSimulateContender(): Promise<Contender & { readonly version?: string }> {
  const { runSimulation, version } = await loadIamSimulate();
  return {
    evaluateAll: async (batch) => {
      for (const c of batch) await runSimulation(caseToSimulation(c), SIMULATION_OPTIONS);
    },
    ...(version !== undefined ? { version } : {}),
  };
}
