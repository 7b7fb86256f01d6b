/**
 * The `Condition` block of a statement, drawn from the world's keys and values.
 *
 * Grammar: condition_block = "Condition" : { condition_type_string : { condition_key_string : condition_value_list }, … };
 * condition_type_string = [ForAllValues: | ForAnyValue:] operator [IfExists]
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
 */
import fc from 'fast-check';
import { record } from './record.js';
import { chance } from './chance.js';
import { conditionValues } from './condition-values.js';
import type { GeneratorSettings } from './settings.js';
import { flipCase, pick } from './text.js';
import type { World, WorldKey } from './world.js';
import type { ConditionRecipe } from './condition-recipe.js';

const STRING_OPERATORS = ['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike'] as const;
const ARN_OPERATORS = ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike'] as const;
// ARN keys take String operators too; ArnLike differs only in matching per colon segment.
const ARN_AND_STRING_OPERATORS = [...ARN_OPERATORS, 'StringLike', 'StringEquals'] as const;
const NUMERIC_OPERATORS = ['NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals'] as const;
const DATE_OPERATORS = ['DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals'] as const;
const BOOL_OPERATORS = ['Bool'] as const;
const IP_OPERATORS = ['IpAddress', 'NotIpAddress'] as const;
const BINARY_OPERATORS = ['BinaryEquals'] as const;

/** Operators that fit a key of this kind (before qualifiers and IfExists): constant lists, not built per draw. */
export function operatorsFor(key: WorldKey, settings: GeneratorSettings): readonly string[] {
  switch (key.kind) {
    case 'string':
      return STRING_OPERATORS;
    case 'arn':
      return settings.enableStringConditions ? ARN_AND_STRING_OPERATORS : ARN_OPERATORS;
    case 'numeric':
      return NUMERIC_OPERATORS;
    case 'date':
      return DATE_OPERATORS;
    case 'bool':
      return BOOL_OPERATORS;
    case 'ip':
      return IP_OPERATORS;
    case 'binary':
      return BINARY_OPERATORS;
  }
}

/** Condition entries for one statement (at least one). */
export function conditionBlock(settings: GeneratorSettings): fc.Arbitrary<readonly ConditionRecipe[]> {
  const entry = record({
    key: fc.nat(),
    op: fc.nat(),
    isNull: chance(settings.enableNullConditions ? 12 : 0),
    qualifier: settings.enableSetOperators ? fc.nat() : fc.constant(0),
    ifExists: chance(settings.enableIfExists ? 25 : 0),
    values: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
    form: fc.nat(),
    keyCase: settings.enableKeyCase ? fc.oneof({ arbitrary: fc.constant(0), weight: 4 }, fc.nat()) : fc.constant(0),
    variable: fc.tuple(chance(settings.enableVariables ? 30 : 0), fc.nat()).map(([has, n]) => (has ? n : null)),
    bare: fc.boolean(),
  });
  return fc.array(entry, { minLength: 1, maxLength: Math.max(1, settings.maxConditions) });
}

const MULTI_QUALIFIERS = ['', 'ForAnyValue:', 'ForAllValues:', 'ForAnyValue:', 'ForAllValues:'] as const;

function qualifierFor(key: WorldKey, q: number): string {
  if (key.multivalued) return pick(MULTI_QUALIFIERS, q);
  // Set operators on single-valued keys are legal and discouraged ("overly permissive"): rare here.
  return q % 8 === 7 ? 'ForAllValues:' : q % 8 === 6 ? 'ForAnyValue:' : '';
}

/** The Condition object, or undefined when the world has no keys. */
export function renderConditionBlock(
  w: World,
  settings: GeneratorSettings,
  recipes: readonly ConditionRecipe[],
): Record<string, Record<string, unknown>> | undefined {
  // Variables are string keys: testable only where String operators are. They are tested one time in
  // four, so that the world's own keys (every operator family) get most of the conditions.
  const variables = settings.enableStringConditions ? w.variables : [];
  if (w.keys.length + variables.length === 0) return undefined;
  const block: Record<string, Record<string, unknown>> = {};
  const seen = new Set<string>();
  for (const r of recipes) {
    const key = w.keys.length > 0 && (variables.length === 0 || r.key % 4 !== 3) ? pick(w.keys, r.key >> 2) : pick(variables, r.key >> 2);
    const ops = operatorsFor(key, settings);
    const base = r.isNull ? 'Null' : pick(ops, r.op);
    const operator = r.isNull ? 'Null' : `${qualifierFor(key, r.qualifier)}${base}${r.ifExists ? 'IfExists' : ''}`;
    const keyName = flipCase(key.name, r.keyCase);
    const id = `${operator}\u0000${key.name.toLowerCase()}`;
    if (seen.has(id)) continue;
    seen.add(id);
    // An operator with no keys (valid, adds no condition: validate/DECISIONS #6): rare.
    if (r.form % 37 === 36 && block[operator] === undefined) {
      block[operator] = {};
      continue;
    }
    const values = conditionValues(w, key, base, r);
    (block[operator] ??= {})[keyName] = r.bare && values.length === 1 ? values[0] : values;
  }
  return block;
}
