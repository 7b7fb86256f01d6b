import { parseOperator, requestValues, valueList, type Entry } from './condition-entries.js';

/**
 * For mutants that re-implement one operator family: the entry's single request value and policy values
 * as strings, when the entry is a plain (unqualified) operator on a key with exactly one value.
 */
export function singleValued(e: Entry, family: RegExp): { base: string; value: string; policy: string[] } | undefined {
  const op = parseOperator(e.operator);
  if (op.qualifier || !family.test(op.base)) return undefined;
  const values = requestValues(e.request, e.key);
  if (!values || values.length !== 1) return undefined;
  return { base: op.base, value: values[0] as string, policy: valueList(e.values).map(String) };
}
