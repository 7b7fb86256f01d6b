/** Builders shared by the condition tests: a compiled condition and a request context from plain data. */
import { requestContext, type RequestContext } from '../context.js';
import type { Condition, ConditionOperator, SetQualifier } from '../types.js';
import { compileCondition, conditionHolds, type CompiledCondition } from './condition.js';

export interface ConditionSpec {
  readonly qualifier?: SetQualifier;
  readonly ifExists?: boolean;
  /** Version 2012-10-17 (variables substituted); default true. */
  readonly variables?: boolean;
}

export function condition(operator: ConditionOperator, key: string, values: string[], spec: ConditionSpec = {}): CompiledCondition {
  const ifExists = spec.ifExists ?? false;
  const raw = `${spec.qualifier ? `${spec.qualifier}:` : ''}${operator}${ifExists ? 'IfExists' : ''}`;
  const c: Condition = spec.qualifier
    ? { raw, qualifier: spec.qualifier, operator, ifExists, key, values }
    : { raw, operator, ifExists, key, values };
  return compileCondition(c, spec.variables ?? true);
}

export function context(values: Record<string, string[]>): RequestContext {
  return requestContext(Object.entries(values).map(([key, v]) => ({ key, type: 'stringList' as const, values: v })));
}

/** Whether `operator key values` holds when the request has `key` = `requestValues` (absent when undefined). */
export function holds(
  operator: ConditionOperator,
  values: string[],
  requestValues: string[] | undefined,
  spec: ConditionSpec = {},
): boolean {
  const ctx = context(requestValues === undefined ? {} : { 'test:Key': requestValues });
  return conditionHolds(condition(operator, 'test:Key', values, spec), ctx)[0];
}
