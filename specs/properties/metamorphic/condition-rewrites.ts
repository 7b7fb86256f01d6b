/**
 * Condition rewrites that must not change the decision
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists).
 */
import type { Case } from '../../../oracle/types.js';
import { contextEntry, mapConditions } from './rewrite.js';
import { twinProperty } from './twin-property.js';

export const conditionValueOrder = twinProperty({
  name: 'condition-value-order',
  description: 'Reordering or repeating the values of a condition key does not change the decision.',
  transform: (c) => ({
    case: mapConditions(c, (block) =>
      Object.fromEntries(
        Object.entries(block).map(([op, keys]) => [
          op,
          Object.fromEntries(
            Object.entries(keys).map(([key, v]) => {
              const list: unknown[] = Array.isArray(v) ? [...(v as unknown[])] : [v];
              // An empty list has nothing to reorder or repeat.
              return [key, list.length === 0 ? [] : [...list.reverse(), list[list.length - 1]]];
            }),
          ),
        ]),
      ),
    ),
    description: 'condition values reversed, one repeated',
  }),
});

const IF_EXISTS = /IfExists$/;

/** Present = an entry with at least one value (an empty list is left alone: its semantics are unconfirmed). */
function presence(c: Case, key: string): 'present' | 'absent' | 'empty' {
  const e = contextEntry(c, key);
  return !e ? 'absent' : e.values.length > 0 ? 'present' : 'empty';
}

export const ifExists = twinProperty({
  name: 'if-exists',
  introduces: ['if-exists'],
  description: 'An …IfExists operator equals the plain operator when the key is present, and holds when it is absent.',
  transform: (c) => ({
    case: mapConditions(c, (block) => {
      const out: Record<string, Record<string, unknown>> = {};
      const put = (op: string, key: string, v: unknown): void => {
        const slot = (out[op] ??= {});
        if (Object.keys(slot).some((k) => k.toLowerCase() === key.toLowerCase())) return;
        slot[key] = v;
      };
      for (const [op, keys] of Object.entries(block)) {
        for (const [key, v] of Object.entries(keys)) {
          // Only unqualified operators: IfExists with ForAllValues/ForAnyValue is undocumented (iam-semantics 10.11).
          const state = op.startsWith('Null') || op.startsWith('For') ? 'empty' : presence(c, key);
          if (state === 'present') put(IF_EXISTS.test(op) ? op.replace(IF_EXISTS, '') : `${op}IfExists`, key, v);
          else if (state === 'absent' && IF_EXISTS.test(op)) continue;
          else put(op, key, v);
        }
      }
      return Object.fromEntries(Object.entries(out).filter(([, keys]) => Object.keys(keys).length > 0));
    }),
    description: 'IfExists toggled on present keys; IfExists conditions on absent keys removed',
  }),
});
