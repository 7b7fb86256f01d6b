/**
 * Operator name → its semantics, one family per file.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
import type { ConditionOperator } from '../types.js';
import { arnSemantics } from './arn.js';
import { binarySemantics } from './binary.js';
import { boolSemantics } from './bool.js';
import { dateSemantics } from './date.js';
import { ipSemantics } from './ip.js';
import { numericSemantics } from './numeric.js';
import type { OperatorSemantics } from './semantics.js';
import { stringSemantics } from './string.js';

/**
 * The semantics of every operator except `Null` (which tests presence only).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
export function semanticsOf(operator: Exclude<ConditionOperator, 'Null'>): OperatorSemantics {
  // One semantics object per operator, so compiling a condition allocates none and values read by
  // the same semantics can share one memo (condition.ts).
  let semantics = built.get(operator);
  if (semantics === undefined) {
    semantics = buildSemantics(operator);
    built.set(operator, semantics);
  }
  return semantics;
}

const built = new Map<Exclude<ConditionOperator, 'Null'>, OperatorSemantics>();

function buildSemantics(operator: Exclude<ConditionOperator, 'Null'>): OperatorSemantics {
  switch (operator) {
    case 'StringEquals':
    case 'StringNotEquals':
    case 'StringEqualsIgnoreCase':
    case 'StringNotEqualsIgnoreCase':
    case 'StringLike':
    case 'StringNotLike':
      return stringSemantics(operator);
    case 'NumericEquals':
    case 'NumericNotEquals':
    case 'NumericLessThan':
    case 'NumericLessThanEquals':
    case 'NumericGreaterThan':
    case 'NumericGreaterThanEquals':
      return numericSemantics(operator);
    case 'DateEquals':
    case 'DateNotEquals':
    case 'DateLessThan':
    case 'DateLessThanEquals':
    case 'DateGreaterThan':
    case 'DateGreaterThanEquals':
      return dateSemantics(operator);
    case 'Bool':
      return boolSemantics;
    case 'BinaryEquals':
      return binarySemantics;
    case 'IpAddress':
    case 'NotIpAddress':
      return ipSemantics as OperatorSemantics;
    case 'ArnEquals':
    case 'ArnLike':
    case 'ArnNotEquals':
    case 'ArnNotLike':
      return arnSemantics as OperatorSemantics;
  }
}
