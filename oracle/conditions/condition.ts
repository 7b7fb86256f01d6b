/**
 * One (operator, key) pair of a Condition block, and whether it holds for a request.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html
 *
 * - Several policy values: OR for positive operators; NOR for negated ones (the request value must
 *   match none of them).
 * - Key absent: positive operators are false, negated ones true, `…IfExists` true.
 * - `ForAllValues`: every request value must satisfy the operator; true when the key is absent or a
 *   null dataset (vacuous truth — also for negated inner operators, DECISION on the doc CONFLICT).
 * - `ForAnyValue`: some request value must satisfy it; false when the key is absent.
 * - DECISION (unconfirmed): `…IfExists` with a set qualifier holds when the key is absent
 *   (matters for ForAnyValue only), and is ignored when the key is present.
 * - DECISION (unconfirmed): a plain operator on a key with several request values does not match,
 *   whether positive or negated (AWS: use a set qualifier for multivalued keys).
 * - DECISION: a request value the operator cannot read (Numeric on "abc", IpAddress on "x") is a type
 *   mismatch: it satisfies neither the operator nor its negation. Plain operator → condition false;
 *   ForAllValues → false; ForAnyValue → that value does not count.
 * - A policy value that cannot be read, or holds a variable with no value, matches nothing: positive
 *   operators do not match it, negated operators do.
 */
import type { Condition } from '../types.js';
import { NEGATED_OPERATORS } from '../types.js';
import { lowerKey, type RequestContext } from '../context.js';
import { hasPlaceholders, parseTemplate, resolveTemplate, templateKeys, type TemplatePart } from '../variables.js';
import type { OperatorSemantics } from './semantics.js';
import { semanticsOf } from './operators.js';
import { parseBoolean } from '../validate/index.js';
import { BoundedMap } from '../memo.js';

/** A policy value read once at compile time, or a template resolved per request. */
type PolicyValue = { readonly fixed: unknown } | { readonly template: readonly TemplatePart[] };

/** A condition with its operator semantics and policy values read once. */
export interface CompiledCondition {
  readonly condition: Condition;
  readonly keyLower: string;
  readonly negated: boolean;
  /** `undefined` for `Null`, which tests presence only. */
  readonly semantics: OperatorSemantics | undefined;
  /** The read values when none needs the request (no variables): most conditions, no work per request. */
  readonly fixedValues: readonly unknown[] | undefined;
  /** Otherwise every value, read or a template resolved per request. */
  readonly values: readonly PolicyValue[] | undefined;
}

/** Why a condition held or not; the trace prints these. */
export type ConditionOutcome =
  | 'matched'
  | 'not matched'
  | 'key absent: …IfExists holds'
  | 'key absent: negated operator holds'
  | 'key absent: positive operator fails'
  | 'key absent or null dataset: ForAllValues holds vacuously'
  | 'key absent or null dataset: ForAnyValue fails'
  | 'key has several values: a single-valued operator does not match'
  | 'request value is not of the operator type'
  | 'Null: key absent'
  | 'Null: key present';

/**
 * Reads a condition's operator and values once. `variables`: the policy is Version 2012-10-17.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
 */
export function compileCondition(condition: Condition, variables: boolean): CompiledCondition {
  const semantics = semanticsFor(condition);
  const substitute = substitutes(semantics, variables);
  const read: PolicyValue[] = [];
  let fixed = true;
  for (const raw of condition.values) {
    const value = compileValue(semantics, substitute, raw);
    if (!('fixed' in value)) fixed = false;
    read.push(value);
  }
  return {
    condition,
    keyLower: lowerKey(condition.key),
    negated: NEGATED_OPERATORS.has(condition.operator),
    semantics,
    fixedValues: fixed ? read.map((v) => (v as { readonly fixed: unknown }).fixed) : undefined,
    values: fixed ? undefined : read,
  };
}

const semanticsFor = (condition: Condition): OperatorSemantics | undefined =>
  condition.operator === 'Null' ? undefined : semanticsOf(condition.operator);

/** Whether `${...}` in the condition's values is a variable: Version 2012-10-17 and an operator that substitutes. */
const substitutes = (semantics: OperatorSemantics | undefined, variables: boolean): boolean => variables && semantics?.variables === true;

function compileValue(semantics: OperatorSemantics | undefined, substitute: boolean, raw: string): PolicyValue {
  if (!semantics) return { fixed: parseBoolean(raw) };
  if (substitute && raw.includes('${')) {
    const parts = parseTemplate(raw);
    if (templateKeys(parts).length > 0) return { template: parts };
    // Only escapes (`${*}`): resolved once, like any fixed value.
    if (hasPlaceholders(parts)) return { fixed: semantics.policyValue(resolveTemplate(parts, () => undefined) ?? []) };
  }
  return { fixed: fixedValue(semantics, raw) };
}

/**
 * A plain policy value read by `semantics`, shared between conditions that write the same text (read
 * values are immutable: strings, numbers, compiled globs and address ranges). One bounded memo per
 * reader (operators of a family share theirs).
 */
function fixedValue(semantics: OperatorSemantics, raw: string): unknown {
  let memo = readValues.get(semantics.policyValue);
  if (memo === undefined) readValues.set(semantics.policyValue, (memo = new BoundedMap<string, unknown>(2_000)));
  let value = memo.get(raw);
  if (value === undefined && !memo.has(raw)) {
    value = semantics.policyValue([{ text: raw, wild: true }]);
    memo.set(raw, value);
  }
  return value;
}

const readValues = new Map<OperatorSemantics['policyValue'], Map<string, unknown>>();

/**
 * The context keys named by `${...}` variables in a condition's values, as written (empty when the
 * operator or the policy version does not substitute).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */
export function conditionVariableKeys(condition: Condition, variables: boolean): string[] {
  if (!substitutes(semanticsFor(condition), variables)) return [];
  const keys: string[] = [];
  for (const raw of condition.values) if (raw.includes('${')) keys.push(...templateKeys(parseTemplate(raw)));
  return keys;
}

/** Each outcome is built once: evaluating a condition allocates nothing. */
type Result = readonly [boolean, ConditionOutcome];
const result = (holds: boolean, why: ConditionOutcome): Result => Object.freeze([holds, why] as const);
const MATCHED = result(true, 'matched');
const NOT_MATCHED = result(false, 'not matched');
const ABSENT_IF_EXISTS = result(true, 'key absent: …IfExists holds');
const ABSENT_NEGATED = result(true, 'key absent: negated operator holds');
const ABSENT_POSITIVE = result(false, 'key absent: positive operator fails');
const ABSENT_FOR_ALL = result(true, 'key absent or null dataset: ForAllValues holds vacuously');
const ABSENT_FOR_ANY = result(false, 'key absent or null dataset: ForAnyValue fails');
const SEVERAL_VALUES = result(false, 'key has several values: a single-valued operator does not match');
const TYPE_MISMATCH = result(false, 'request value is not of the operator type');
const NULL_RESULTS = {
  absent: [result(false, 'Null: key absent'), result(true, 'Null: key absent')],
  present: [result(false, 'Null: key present'), result(true, 'Null: key present')],
} as const;

/**
 * Whether the condition holds for the request context, and why.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
export function conditionHolds(c: CompiledCondition, context: RequestContext): Result {
  const requestValues = context.get(c.keyLower);
  if (!c.semantics) return nullHolds(c, !isNullDataset(requestValues));
  const { qualifier, ifExists } = c.condition;
  if (requestValues === undefined || (qualifier !== undefined && isNullDataset(requestValues))) {
    if (qualifier === 'ForAllValues') return ABSENT_FOR_ALL;
    if (ifExists) return ABSENT_IF_EXISTS;
    if (qualifier === 'ForAnyValue') return ABSENT_FOR_ANY;
    return c.negated ? ABSENT_NEGATED : ABSENT_POSITIVE;
  }
  const policyValues = c.fixedValues ?? resolveValues(c, c.semantics, context);
  if (qualifier === undefined) {
    if (requestValues.length > 1) return SEVERAL_VALUES;
    const verdict = valueSatisfies(c, c.semantics, policyValues, requestValues[0]!);
    return verdict === undefined ? TYPE_MISMATCH : verdict ? MATCHED : NOT_MATCHED;
  }
  if (qualifier === 'ForAllValues') {
    for (const value of requestValues) {
      const verdict = valueSatisfies(c, c.semantics, policyValues, value);
      if (verdict === undefined) return TYPE_MISMATCH;
      if (!verdict) return NOT_MATCHED;
    }
    return MATCHED;
  }
  for (const value of requestValues) {
    if (valueSatisfies(c, c.semantics, policyValues, value) === true) return MATCHED;
  }
  return NOT_MATCHED;
}

/**
 * A "null dataset": no value, or only empty strings. The docs say ForAllValues "returns true if there
 * are no context keys in the request, or if the context key value resolves to a null dataset, such as
 * an empty string", and that `Null: false` checks that "the key exists and its value is not null".
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition_examples-multi-valued-context-keys.html
 * DECISION: set operators and Null treat a null dataset as an absent key; plain operators see `""` as
 * an ordinary value (the docs say nothing about them).
 */
function isNullDataset(values: readonly string[] | undefined): boolean {
  if (values === undefined) return true;
  for (const v of values) if (v !== '') return false;
  return true;
}

/**
 * Null: `true` holds when the key is absent (or a null dataset), `false` when it has a value; several values OR.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Null
 * DECISION: set qualifiers on Null are ignored (validation accepts `ForAllValues:Null`; AWS is silent).
 */
function nullHolds(c: CompiledCondition, present: boolean): Result {
  let holds = false;
  for (const v of c.fixedValues!) if (v === !present) holds = true;
  return NULL_RESULTS[present ? 'present' : 'absent'][holds ? 1 : 0];
}

/** The policy values for this request: variables substituted (`undefined` entries match nothing). */
function resolveValues(c: CompiledCondition, semantics: OperatorSemantics, context: RequestContext): unknown[] {
  return (c.values ?? []).map((v) => {
    if ('fixed' in v) return v.fixed;
    const runs = resolveTemplate(v.template, (key) => context.get(key));
    return runs === undefined ? undefined : semantics.policyValue(runs);
  });
}

/**
 * Whether one request value satisfies the operator against all policy values (OR, or NOR when
 * negated); `undefined` when the value is not of the operator's type.
 */
function valueSatisfies(
  c: CompiledCondition,
  semantics: OperatorSemantics,
  policyValues: readonly unknown[],
  value: string,
): boolean | undefined {
  const request = semantics.requestValue(value);
  if (request === undefined) return undefined;
  let any = false;
  for (const p of policyValues) {
    if (p !== undefined && semantics.test(request, p)) {
      any = true;
      break;
    }
  }
  return c.negated ? !any : any;
}
