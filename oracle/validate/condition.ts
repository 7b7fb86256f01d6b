import type { Condition } from '../types.js';
import { parseOperator } from './operators.js';
import type { OperatorFamily } from './operators.js';
import { fail, isObject, member, show } from './report.js';
import type { Errors } from './report.js';
import { valueProblem } from './values.js';

/**
 * Reads a Condition block: `{ operator: { key: value | [values] } }` into one `Condition` per (operator, key).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
export function readConditions(block: unknown, path: string, variables: boolean, errors: Errors): Condition[] {
  const out: Condition[] = [];
  if (!isObject(block)) {
    fail(errors, path, 'condition-type', `Condition must be an object of operators, not ${show(block)}`);
    return out;
  }
  for (const raw of Object.keys(block)) {
    const opPath = member(path, raw);
    const parsed = parseOperator(raw);
    if (parsed === undefined) {
      // An unknown operator with an empty block is accepted and adds nothing: IAM's CreatePolicy accepts
      // `{"x": {}}` but rejects `{"x": {"a": "1"}}` (moto's AWS-verified tests, DECISIONS.md #29).
      const keys = block[raw];
      if (isObject(keys) && Object.keys(keys).length === 0) continue;
      fail(errors, opPath, 'condition-operator-unknown', `Unknown condition operator ${show(raw)}`);
      continue;
    }
    if (parsed.operator === 'Null' && parsed.ifExists) {
      // "You can add IfExists to the end of any condition operator name—except the Null condition".
      fail(errors, opPath, 'condition-null-ifexists', 'The Null operator cannot take the IfExists suffix');
      continue;
    }
    const keys = block[raw];
    if (!isObject(keys)) {
      fail(errors, opPath, 'condition-operator-type', `${raw} must map condition keys to values, not ${show(keys)}`);
      continue;
    }
    for (const key of Object.keys(keys)) {
      const keyPath = member(opPath, key);
      // No format or length rule for key names is documented for policies (DECISIONS.md: condition-keys).
      if (key.length === 0) {
        fail(errors, keyPath, 'condition-key-empty', 'Condition key names must not be empty');
        continue;
      }
      const values = readValues(keys[key], keyPath, parsed.family, variables, errors);
      if (values === undefined) continue;
      const condition: Condition = parsed.qualifier
        ? { raw, qualifier: parsed.qualifier, operator: parsed.operator, ifExists: parsed.ifExists, key, values }
        : { raw, operator: parsed.operator, ifExists: parsed.ifExists, key, values };
      out.push(condition);
    }
  }
  return out;
}

/** A scalar condition value in its string form; numbers and booleans may be written unquoted (grammar page). */
function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return undefined;
}

function readValues(raw: unknown, path: string, family: OperatorFamily, variables: boolean, errors: Errors): string[] | undefined {
  if (!Array.isArray(raw)) {
    const s = readValue(raw, path, family, variables, errors);
    return s === undefined ? undefined : [s];
  }
  // `[]` is a list of zero values (DECISIONS.md #7): IAM's CreatePolicy accepts
  // `{"DateGreaterThan": {"a": []}}` (moto's AWS-verified tests) and Access Analyzer lists it as a suggestion.
  const values: string[] = [];
  let ok = true;
  for (let i = 0; i < raw.length; i++) {
    const s = readValue(raw[i], `${path}[${i}]`, family, variables, errors);
    if (s === undefined) ok = false;
    else values.push(s);
  }
  return ok ? values : undefined;
}

/** One value in string form, checked against its operator family; undefined (and an error) when unusable. */
function readValue(raw: unknown, path: string, family: OperatorFamily, variables: boolean, errors: Errors): string | undefined {
  const s = scalar(raw);
  if (s === undefined) {
    fail(errors, path, 'condition-value-type', `Condition values must be strings, numbers or booleans, not ${show(raw)}`);
    return undefined;
  }
  const problem = valueProblem(family, s, variables);
  if (problem === undefined) return s;
  fail(errors, path, `condition-value-${family}`, `${show(s)} ${problem}`);
  return undefined;
}
