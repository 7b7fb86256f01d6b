import {
  ARN_OPERATORS,
  BINARY_OPERATORS,
  BOOL_OPERATORS,
  CONDITION_OPERATORS,
  DATE_OPERATORS,
  IP_OPERATORS,
  NULL_OPERATORS,
  NUMERIC_OPERATORS,
  STRING_OPERATORS,
} from '../types.js';
import type { ConditionOperator, SetQualifier } from '../types.js';

/** Operator families, as the condition-operators page groups them. */
export type OperatorFamily = 'string' | 'numeric' | 'date' | 'bool' | 'binary' | 'ip' | 'arn' | 'null';

export interface ParsedOperator {
  readonly qualifier?: SetQualifier;
  readonly operator: ConditionOperator;
  readonly ifExists: boolean;
  readonly family: OperatorFamily;
}

const FAMILIES: ReadonlyArray<readonly [OperatorFamily, readonly ConditionOperator[]]> = [
  ['string', STRING_OPERATORS],
  ['numeric', NUMERIC_OPERATORS],
  ['date', DATE_OPERATORS],
  ['bool', BOOL_OPERATORS],
  ['binary', BINARY_OPERATORS],
  ['ip', IP_OPERATORS],
  ['arn', ARN_OPERATORS],
  ['null', NULL_OPERATORS],
];

const familyOf = new Map<ConditionOperator, OperatorFamily>();
for (const [family, ops] of FAMILIES) for (const op of ops) familyOf.set(op, family);

/**
 * Every spelling IAM documents, built once: `[ForAllValues:|ForAnyValue:]<Operator>[IfExists]`, exact case
 * (DECISIONS.md: operator-case). `NullIfExists` is included here and rejected by the caller with its own rule.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
const TABLE = new Map<string, ParsedOperator>();
for (const operator of CONDITION_OPERATORS) {
  const family = familyOf.get(operator) ?? 'string';
  for (const qualifier of [undefined, 'ForAllValues', 'ForAnyValue'] as const) {
    for (const ifExists of [false, true]) {
      const raw = `${qualifier ? `${qualifier}:` : ''}${operator}${ifExists ? 'IfExists' : ''}`;
      TABLE.set(raw, qualifier ? { qualifier, operator, ifExists, family } : { operator, ifExists, family });
    }
  }
}

/** The parts of a raw operator name, or undefined when IAM does not know it. */
export function parseOperator(raw: string): ParsedOperator | undefined {
  return TABLE.get(raw);
}
