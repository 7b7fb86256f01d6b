/**
 * What one condition operator knows: how to read a policy value, how to read a request value, and the
 * positive comparison between the two. Negation (NOR over policy values), missing keys, `…IfExists` and
 * the set qualifiers are the same for every operator and live in condition.ts.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
import type { PatternRun } from '../wildcard.js';

export interface OperatorSemantics<P = unknown, R = unknown> {
  /** Whether `${...}` in policy values is substituted (String, ARN and — DECISION — Bool operators). */
  readonly variables: boolean;
  /** Reads a policy value (variables already resolved); `undefined`: the value matches nothing. */
  readonly policyValue: (runs: readonly PatternRun[]) => P | undefined;
  /** Reads one request value; `undefined`: not a value of this type (a type mismatch). */
  readonly requestValue: (value: string) => R | undefined;
  /** The positive comparison (`NumericLessThan`: request < policy). */
  readonly test: (request: R, policy: P) => boolean;
}

/** Identity reader for request values that are plain strings. */
export const asString = (value: string): string => value;
