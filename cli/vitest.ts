/**
 * `iam-conformance/vitest`: the conformance properties inside an evaluator author's own vitest suite,
 * with the evaluator named exactly as on the command line.
 *
 *   import { describeConformance } from 'iam-conformance/vitest';
 *   describeConformance('module:./src/evaluate.ts', { runs: 100 });
 *   describeConformance('cmd:python3 evaluate.py');
 *
 * One `it` per property; a failure prints the shrunk case, the oracle's answer and reasoning, the
 * evaluator's answer and the `npx iam-conformance run … --seed --path` command that replays it.
 */
import type { Evaluator } from '../harness/evaluator.js';
import { resolveEvaluator } from '../evaluators/index.js';
import { describeConformance as describeProperties, type ConformanceOptions } from '../specs/properties/vitest.js';

export type { ConformanceOptions } from '../specs/properties/vitest.js';
export { formatRun } from '../specs/properties/vitest.js';

export interface SpecOptions extends ConformanceOptions {
  /** Where a relative `module:` path is resolved and a `cmd:` runs. @defaultValue process.cwd() */
  readonly cwd?: string;
  /** Per-case timeout of `module:` and `cmd:` evaluators. @defaultValue 10000 */
  readonly timeoutMs?: number;
}

/**
 * Declares the conformance suite for an evaluator given as a spec string (`module:PATH`, `cmd:COMMAND`,
 * `iam-simulate`, `oracle`), an Evaluator, or a function making one.
 */
export function describeConformance(evaluator: string | Evaluator | (() => Promise<Evaluator>), options: SpecOptions = {}): void {
  const { cwd, timeoutMs, ...rest } = options;
  const make =
    typeof evaluator === 'string'
      ? () => resolveEvaluator(evaluator, { cwd: cwd ?? process.cwd(), ...(timeoutMs !== undefined ? { timeoutMs } : {}) })
      : evaluator;
  describeProperties(make, rest);
}
