/**
 * Bool: `true` / `false`.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Boolean
 * - DECISION (unconfirmed): letter case is ignored on both sides ("True" ≡ "true"), as validation does;
 *   a third party reports AWS honouring "False".
 * - DECISION (doc CONFLICT): policy variables ARE substituted — the operators page marks Boolean
 *   "Policy variables – Supported"; the variables page lists it among those that are not.
 */
import { parseBoolean } from '../validate/index.js';
import { runsText } from '../variables.js';
import type { OperatorSemantics } from './semantics.js';

export const boolSemantics: OperatorSemantics = {
  variables: true,
  policyValue: (runs) => parseBoolean(runsText(runs)),
  requestValue: parseBoolean,
  test: (request, policy) => request === policy,
};
