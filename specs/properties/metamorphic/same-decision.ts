import type { Evaluator } from '../../../harness/evaluator.js';
import type { Case } from '../../../oracle/types.js';
import { answerOf, describeResult, type Answer } from '../../../harness/compare.js';
import { erroredViolation, evaluateAll, type Violation } from '../../../harness/property.js';

/** A metamorphic input: a case and its transformed twin, with what the transformation did. */
export interface Twin {
  readonly original: Case;
  readonly transformed: Case;
  readonly description: string;
  /** The same transformation, with the same choices, of another original case (to minimise a failure). */
  readonly again?: (original: Case) => Twin;
}

/** `ConformanceProperty.rebase` of a twin property: the twin's own transformation, again. */
export const rebaseTwin = (t: Twin, original: Case): Twin | undefined => t.again?.(original);

/**
 * The evaluator's answers on the two cases of the twin stand in the `allowed` relation (decision, or
 * error for error); a failure to answer is an errored violation, never a pass.
 */
export async function answersRelated(
  evaluator: Evaluator,
  t: Twin,
  allowed: (before: Answer, after: Answer) => boolean,
): Promise<Violation | null> {
  const cases = [t.original, t.transformed];
  const results = await evaluateAll(evaluator, cases);
  const errored = erroredViolation(cases, results);
  if (errored) return errored;
  const [a, b] = results;
  if (a?.kind !== 'verdict' || b?.kind !== 'verdict') return null;
  if (allowed(answerOf(a.verdict), answerOf(b.verdict))) return null;
  return {
    kind: 'diverge',
    message: `${describeResult(a.verdict)} before, ${describeResult(b.verdict)} after: ${t.description}`,
    case: t.original,
    actual: a,
    related: { description: t.description, case: t.transformed, actual: b },
  };
}

/** The evaluator gives the same answer (decision, or error) on both cases of the twin. */
export const sameDecision = (evaluator: Evaluator, t: Twin): Promise<Violation | null> =>
  answersRelated(evaluator, t, (before, after) => before === after);
