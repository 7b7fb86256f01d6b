/**
 * Action names and condition-key names are case-insensitive
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html).
 */
import { mapActions, mapConditions, swapCase } from './rewrite.js';
import { twinProperty } from './twin-property.js';

export const actionNameCase = twinProperty({
  name: 'action-name-case',
  introduces: ['action-case'],
  description: 'Changing the letter case of action names in policies does not change the decision.',
  transform: (c, k) => ({
    case: mapActions(c, (ps) => ps.map((p) => (k % 2 ? swapCase(p) : p.toUpperCase()))),
    description: k % 2 ? 'action names with letter case swapped' : 'action names upper-cased',
  }),
});

export const conditionKeyCase = twinProperty({
  name: 'condition-key-case',
  introduces: ['condition-key-case'],
  description: 'Changing the letter case of condition-key names in policies does not change the decision.',
  transform: (c, k) => ({
    case: mapConditions(c, (block) =>
      Object.fromEntries(
        Object.entries(block).map(([op, keys]) => [
          op,
          Object.fromEntries(Object.entries(keys).map(([key, v]) => [k % 2 ? swapCase(key) : key.toLowerCase(), v])),
        ]),
      ),
    ),
    description: k % 2 ? 'condition keys with letter case swapped' : 'condition keys lower-cased',
  }),
});
