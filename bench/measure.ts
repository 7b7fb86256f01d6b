/**
 * Timing helpers. Each measurement warms up, then repeats the work until a minimum wall time has passed,
 * so that fast operations are not measured at the timer's resolution.
 */

export interface Rate {
  /** Operations per second. */
  readonly perSecond: number;
  /** Mean microseconds per operation. */
  readonly microsPerOp: number;
  readonly ops: number;
  readonly seconds: number;
}

const now = (): number => Number(process.hrtime.bigint()) / 1e9;

/**
 * Runs `round()` (which performs `opsPerRound` operations) until `minSeconds` have passed, after one
 * untimed warm-up round, and reports the rate.
 */
export function measureRate(opsPerRound: number, round: () => void, minSeconds: number): Rate {
  round();
  let ops = 0;
  const start = now();
  let elapsed: number;
  do {
    round();
    ops += opsPerRound;
    elapsed = now() - start;
  } while (elapsed < minSeconds);
  return { perSecond: ops / elapsed, microsPerOp: (elapsed / ops) * 1e6, ops, seconds: elapsed };
}

