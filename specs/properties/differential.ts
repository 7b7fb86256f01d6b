import type { Evaluator } from '../../harness/evaluator.js';
import { evaluationCase } from '../../generators/evaluation-case.js';
import { evaluate as oracle } from '../../oracle/index.js';
import type { Case } from '../../oracle/types.js';
import { answerOf, describeResult } from '../../harness/compare.js';
import { erroredViolation, evaluateAll, type ConformanceProperty, type Violation } from '../../harness/property.js';

/** The evaluator's answer on `c` equals the oracle's (decision, or error for error). */
export async function differentialCheck(evaluator: Evaluator, c: Case): Promise<Violation | null> {
  const results = await evaluateAll(evaluator, [c]);
  const errored = erroredViolation([c], results);
  if (errored) return errored;
  const actual = results[0];
  if (!actual || actual.kind !== 'verdict') return null;
  const expected = oracle(c);
  if (answerOf(expected) === answerOf(actual.verdict)) return null;
  return {
    kind: 'diverge',
    message: `expected ${describeResult(expected)}, got ${describeResult(actual.verdict)}`,
    case: c,
    expected,
    actual,
  };
}

/** Differential: on generated well-formed cases the evaluator decides as the oracle does. */
export const differential: ConformanceProperty<Case> = {
  name: 'differential',
  description: "The evaluator's decision on a generated case equals the oracle's.",
  kind: 'differential',
  arbitrary: (settings, catalogue) => evaluationCase(catalogue, settings),
  cases: (c) => [c],
  check: differentialCheck,
};
