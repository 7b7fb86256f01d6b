/**
 * Numeric operators: integers and decimals (read exactly as validation reads them: optional sign,
 * fraction and exponent), compared as IEEE doubles. No policy variables, no wildcards.
 * A request value that is not a number is a type mismatch (see condition.ts).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric
 */
import type { NUMERIC_OPERATORS } from '../types.js';
import { parseNumeric } from '../validate/index.js';
import { runsText } from '../variables.js';
import type { PatternRun } from '../wildcard.js';
import { memoised } from '../memo.js';
import type { OperatorSemantics } from './semantics.js';

const COMPARE: Record<(typeof NUMERIC_OPERATORS)[number], (request: number, policy: number) => boolean> = {
  NumericEquals: (r, p) => r === p,
  NumericNotEquals: (r, p) => r === p,
  NumericLessThan: (r, p) => r < p,
  NumericLessThanEquals: (r, p) => r <= p,
  NumericGreaterThan: (r, p) => r > p,
  NumericGreaterThanEquals: (r, p) => r >= p,
};

/** One reader for every Numeric operator, so they share one memo of read values (condition.ts). */
const policyValue = (runs: readonly PatternRun[]): number | undefined => parseNumeric(runsText(runs));
const requestValue = memoised(parseNumeric);

/**
 * The comparison behind a Numeric operator.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric
 */
export function numericSemantics(operator: (typeof NUMERIC_OPERATORS)[number]): OperatorSemantics {
  return {
    variables: false,
    policyValue,
    requestValue,
    test: COMPARE[operator] as OperatorSemantics['test'],
  };
}
