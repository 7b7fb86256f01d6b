/**
 * BinaryEquals: the policy value is base64; the request value (a string, as the simulator passes it)
 * is read as base64 too, and the decoded bytes are compared. A request value that is not base64 is a
 * type mismatch. No policy variables.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_BinaryEquals
 */
import { isBase64 } from '../validate/index.js';
import { runsText } from '../variables.js';
import { memoised } from '../memo.js';
import type { OperatorSemantics } from './semantics.js';

/** Decoded bytes as a binary string, or undefined when `value` is not padded standard base64. */
function decodeBase64(value: string): string | undefined {
  return isBase64(value) ? atob(value) : undefined;
}

export const binarySemantics: OperatorSemantics = {
  variables: false,
  policyValue: (runs) => decodeBase64(runsText(runs)),
  requestValue: memoised(decodeBase64),
  test: (request, policy) => request === policy,
};
