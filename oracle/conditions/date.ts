/**
 * Date operators: W3C ISO-8601 dates or epoch seconds on either side, compared as instants (epoch
 * milliseconds). An all-digit value is epoch seconds. No policy variables, no wildcards.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date
 */
import type { DATE_OPERATORS } from '../types.js';
import { parseDate } from '../validate/index.js';
import { runsText } from '../variables.js';
import type { PatternRun } from '../wildcard.js';
import { memoised } from '../memo.js';
import type { OperatorSemantics } from './semantics.js';

const COMPARE: Record<(typeof DATE_OPERATORS)[number], (request: number, policy: number) => boolean> = {
  DateEquals: (r, p) => r === p,
  DateNotEquals: (r, p) => r === p,
  DateLessThan: (r, p) => r < p,
  DateLessThanEquals: (r, p) => r <= p,
  DateGreaterThan: (r, p) => r > p,
  DateGreaterThanEquals: (r, p) => r >= p,
};

/** One reader for every Date operator, so they share one memo of read values (condition.ts). */
const policyValue = (runs: readonly PatternRun[]): number | undefined => parseDate(runsText(runs));
// Request values repeat across requests; parsing them is the costly part of a condition check.
const requestValue = memoised(parseDate);

/**
 * The comparison behind a Date operator.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date
 */
export function dateSemantics(operator: (typeof DATE_OPERATORS)[number]): OperatorSemantics {
  return {
    variables: false,
    policyValue,
    requestValue,
    test: COMPARE[operator] as OperatorSemantics['test'],
  };
}
