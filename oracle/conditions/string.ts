/**
 * String operators. Equals forms compare exactly (a `*` in the policy value is a literal character —
 * DECISION, the page only says "exact matching"); Like forms treat `*` and `?` as wildcards; IgnoreCase
 * forms compare lower-cased text. Policy variables are substituted in all of them.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
 */
import type { STRING_OPERATORS } from '../types.js';
import { runsText } from '../variables.js';
import { compileGlobRuns, globMatches, type Glob } from '../wildcard.js';
import { asString, type OperatorSemantics } from './semantics.js';

const exact: OperatorSemantics<string, string> = {
  variables: true,
  policyValue: runsText,
  requestValue: asString,
  test: (request, policy) => request === policy,
};

const ignoreCase: OperatorSemantics<string, string> = {
  variables: true,
  policyValue: (runs) => runsText(runs).toLowerCase(),
  requestValue: (value) => value.toLowerCase(),
  test: (request, policy) => request === policy,
};

const like: OperatorSemantics<Glob, string> = {
  variables: true,
  policyValue: (runs) => compileGlobRuns(runs),
  requestValue: asString,
  test: (request, policy) => globMatches(policy, request),
};

/**
 * The comparison behind each String operator (negated ones share their positive twin's).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String
 */
export function stringSemantics(operator: (typeof STRING_OPERATORS)[number]): OperatorSemantics {
  switch (operator) {
    case 'StringEquals':
    case 'StringNotEquals':
      return exact as OperatorSemantics;
    case 'StringEqualsIgnoreCase':
    case 'StringNotEqualsIgnoreCase':
      return ignoreCase as OperatorSemantics;
    case 'StringLike':
    case 'StringNotLike':
      return like as OperatorSemantics;
  }
}
