import type { Case, Feature, Verdict } from '../oracle/types.js';

/** What an evaluator answered for one case: a verdict, or a failure to answer (crash, timeout, garbage). */
/**
 * What an evaluator made of one case: a verdict; `errored` when it failed to answer (a crash, a
 * timeout, garbage); `skipped` when it chose not to answer and said why (live mode's call budget, an
 * interrupted run, a case the simulator cannot take) — reported as skipped, never as a failure.
 */
export type EvaluatorResult =
  | { readonly kind: 'verdict'; readonly verdict: Verdict }
  | { readonly kind: 'errored'; readonly message: string }
  | { readonly kind: 'skipped'; readonly reason: string };

/**
 * An evaluator under test. Batched because live mode answers many actions per call; in-process
 * evaluators simply map over the batch. The returned array is in the order of `cases`.
 */
export interface Evaluator {
  /** The spec it was made from, e.g. `oracle`, `module:./my-eval.js`, `cmd:python3 eval.py`, `aws`. */
  readonly spec: string;
  /** A human name and, where known, the version of what is being tested. */
  readonly name: string;
  readonly version?: string;
  /** Features the evaluator declares it does not support: such cases are skipped, never generated. */
  readonly unsupportedFeatures: readonly Feature[];
  evaluate(cases: readonly Case[]): Promise<readonly EvaluatorResult[]>;
  /** Releases processes, sockets, files. Safe to call twice. */
  close(): Promise<void>;
}
