import type { Case, Feature, Verdict } from '../oracle/types.js';

/** What an evaluator answered for one case: a verdict, or a failure to answer (crash, timeout, garbage). */
export type EvaluatorResult =
  | { readonly kind: 'verdict'; readonly verdict: Verdict }
  | { readonly kind: 'errored'; readonly message: string };

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
