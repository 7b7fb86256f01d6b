import type { EvaluatorResult } from './evaluator.js';
import { isErrorVerdict, MALFORMED_POLICY, type Decision, type Verdict } from '../oracle/types.js';
import type { Outcome } from './results.js';

/** The part of a verdict conformance is judged on: the decision, or `error` for any rejection. */
export type Answer = Decision | 'error';

export const answerOf = (v: Verdict): Answer => (isErrorVerdict(v) ? 'error' : v.decision);

/** A vector's `expected` as a Verdict (an `error` expectation stands for AWS's MalformedPolicyDocument). */
export function expectedVerdict(expected: Answer): Verdict {
  return expected === 'error'
    ? { error: { code: MALFORMED_POLICY, message: 'the policies are invalid and must be rejected' } }
    : { decision: expected };
}

/**
 * Expected vs actual. Decisions must be equal; an expected error is matched by any error verdict (the
 * codes and messages of other evaluators are theirs to choose). An evaluator that failed to answer is
 * `errored`, never a pass.
 */
export function compare(expected: Verdict, actual: EvaluatorResult): Outcome {
  if (actual.kind === 'errored') return { kind: 'errored', message: actual.message };
  if (actual.kind === 'skipped') return { kind: 'skipped', reason: actual.reason };
  return answerOf(expected) === answerOf(actual.verdict)
    ? { kind: 'agree' }
    : { kind: 'diverge', expected, actual: actual.verdict };
}

/** One-line rendering of a result, for failure lines: `allowed`, `error MalformedPolicyDocument: …`. */
export function describeResult(r: EvaluatorResult | Verdict): string {
  if ('kind' in r) {
    if (r.kind === 'errored') return `errored (${r.message})`;
    if (r.kind === 'skipped') return `skipped (${r.reason})`;
    return describeResult(r.verdict);
  }
  if (isErrorVerdict(r)) return `error ${r.error.code}${r.error.message ? `: ${r.error.message}` : ''}`;
  return r.decision;
}
