/**
 * Deliberately broken evaluators, one bug class each. Every mutant is a module exporting
 * `evaluate(c: Case): Verdict` (usable as `--evaluator module:testing/mutants/<name>.ts`); most misread the
 * case the buggy way and then ask the real oracle. The default property run must catch every one.
 */
import type { Case, Verdict } from '../../oracle/types.js';
import { evaluate as actionCaseSensitive } from './action-case-sensitive.js';
import { evaluate as actionQuestionAsStar } from './action-question-as-star.js';
import { evaluate as allowWins } from './allow-wins.js';
import { evaluate as boolCaseSensitive } from './bool-case-sensitive.js';
import { evaluate as boundaryDenyIgnored } from './boundary-deny-ignored.js';
import { evaluate as boundaryGrants } from './boundary-grants.js';
import { evaluate as boundaryIgnored } from './boundary-ignored.js';
import { evaluate as boundaryLimitsResourceGrant } from './boundary-limits-resource-grant.js';
import { evaluate as boundaryLastOnly } from './boundary-last-only.js';
import { evaluate as conditionKeysOr } from './condition-keys-or.js';
import { evaluate as conditionValuesAnd } from './condition-values-and.js';
import { evaluate as crossAccountAsSame } from './cross-account-as-same.js';
import { evaluate as dateAsString } from './date-as-string.js';
import { evaluate as defaultValueIgnored } from './default-value-ignored.js';
import { evaluate as effectCaseInsensitive } from './effect-case-insensitive.js';
import { evaluate as epochAsMilliseconds } from './epoch-as-milliseconds.js';
import { evaluate as escapedStarAsWildcard } from './escaped-star-as-wildcard.js';
import { evaluate as firstMatchWins } from './first-match-wins.js';
import { evaluate as firstValueOnly } from './first-value-only.js';
import { evaluate as forAllAsForAny } from './for-all-as-for-any.js';
import { evaluate as forAllNotVacuous } from './for-all-not-vacuous.js';
import { evaluate as forAnyAbsentTrue } from './for-any-absent-true.js';
import { evaluate as ifExistsAlwaysTrue } from './if-exists-always-true.js';
import { evaluate as ifExistsIgnored } from './if-exists-ignored.js';
import { evaluate as ipExactMatch } from './ip-exact-match.js';
import { evaluate as ipv4MappedAsIpv4 } from './ipv4-mapped-as-ipv4.js';
import { evaluate as keyNamesCaseSensitive } from './key-names-case-sensitive.js';
import { evaluate as malformedAccepted } from './malformed-accepted.js';
import { evaluate as missingVariableAsEmpty } from './missing-variable-as-empty.js';
import { evaluate as negatedMissingFalse } from './negated-missing-false.js';
import { evaluate as negatedValuesOr } from './negated-values-or.js';
import { evaluate as notActionAsAction } from './not-action-as-action.js';
import { evaluate as notResourceAsResource } from './not-resource-as-resource.js';
import { evaluate as nullInverted } from './null-inverted.js';
import { evaluate as numericLessThanInclusive } from './numeric-less-than-inclusive.js';
import { evaluate as numericParseFloat } from './numeric-parse-float.js';
import { evaluate as plainOperatorAnyValue } from './plain-operator-any-value.js';
import { evaluate as principalAccepted } from './principal-accepted.js';
import { evaluate as principalIgnored } from './principal-ignored.js';
import { evaluate as resourcePolicyIgnored } from './resource-policy-ignored.js';
import { evaluate as resourceStarStopsAtSlash } from './resource-star-stops-at-slash.js';
import { evaluate as scpDenyIgnored } from './scp-deny-ignored.js';
import { evaluate as scpLevelsOr } from './scp-levels-or.js';
import { evaluate as specialVariableLiteralInEquals } from './special-variable-literal-in-equals.js';
import { evaluate as starStopsAtLineBreak } from './star-stops-at-line-break.js';
import { evaluate as stringEqualsIgnoresCase } from './string-equals-ignores-case.js';
import { evaluate as stringLikeNoQuestion } from './string-like-no-question.js';
import { evaluate as substitutedValueWildcard } from './substituted-value-wildcard.js';
import { evaluate as unquotedValueRejected } from './unquoted-value-rejected.js';
import { evaluate as variablesIn2008 } from './variables-in-2008.js';
import { evaluate as variablesNotSubstituted } from './variables-not-substituted.js';

export interface Mutant {
  readonly name: string;
  /** The bug, in one sentence. */
  readonly bug: string;
  readonly evaluate: (c: Case) => Verdict;
}

export const MUTANTS: readonly Mutant[] = [
  { name: 'action-case-sensitive', bug: 'action names are matched case-sensitively.', evaluate: actionCaseSensitive },
  { name: 'action-question-as-star', bug: '`?` in an action pattern is treated like `*` (any run instead of exactly one character).', evaluate: actionQuestionAsStar },
  { name: 'allow-wins', bug: 'deny precedence broken — an applicable Allow wins over an applicable Deny.', evaluate: allowWins },
  { name: 'bool-case-sensitive', bug: 'Bool compares the text exactly, so a policy "True" never matches a request "true".', evaluate: boolCaseSensitive },
  { name: 'boundary-deny-ignored', bug: 'Deny statements in a permissions boundary are ignored (only its Allows are read).', evaluate: boundaryDenyIgnored },
  { name: 'boundary-grants', bug: 'a permissions boundary grants by itself (read as one more identity policy).', evaluate: boundaryGrants },
  { name: 'boundary-ignored', bug: 'permissions boundaries are ignored.', evaluate: boundaryIgnored },
  { name: 'boundary-limits-resource-grant', bug: 'the permissions boundary also limits a same-account resource-policy grant to the caller’s ARN.', evaluate: boundaryLimitsResourceGrant },
  { name: 'boundary-last-only', bug: 'of several permissions boundaries only the last is read.', evaluate: boundaryLastOnly },
  { name: 'condition-keys-or', bug: 'the entries of a Condition block combine with OR (AWS: AND across operators and keys).', evaluate: conditionKeysOr },
  { name: 'condition-values-and', bug: 'several values under a positive operator must all match (AWS: any one — OR).', evaluate: conditionValuesAnd },
  { name: 'cross-account-as-same', bug: 'a resource owned by another account is evaluated as if the caller’s account owned it.', evaluate: crossAccountAsSame },
  { name: 'date-as-string', bug: 'Date operators compare the text of the dates, not the instants (epoch and offsets go wrong).', evaluate: dateAsString },
  { name: 'default-value-ignored', bug: "the default of `${key, 'default'}` is ignored (the variable is treated as absent).", evaluate: defaultValueIgnored },
  { name: 'effect-case-insensitive', bug: 'Effect is read ignoring case ("allow" accepted as Allow).', evaluate: effectCaseInsensitive },
  { name: 'epoch-as-milliseconds', bug: 'an epoch date in the request is read as milliseconds.', evaluate: epochAsMilliseconds },
  { name: 'escaped-star-as-wildcard', bug: '`${*}` becomes a wildcard `*` instead of a literal asterisk.', evaluate: escapedStarAsWildcard },
  { name: 'first-match-wins', bug: 'the first applicable statement (in document order) decides, as in a firewall rule list.', evaluate: firstMatchWins },
  { name: 'first-value-only', bug: 'only the first value of a multivalued context entry is read.', evaluate: firstValueOnly },
  { name: 'for-all-as-for-any', bug: 'ForAllValues is evaluated as ForAnyValue.', evaluate: forAllAsForAny },
  { name: 'for-all-not-vacuous', bug: 'ForAllValues is false when the key is absent (AWS: vacuously true).', evaluate: forAllNotVacuous },
  { name: 'for-any-absent-true', bug: 'ForAnyValue holds when the key is absent (AWS: false).', evaluate: forAnyAbsentTrue },
  { name: 'if-exists-always-true', bug: 'any `…IfExists` condition holds, whether or not the key is present.', evaluate: ifExistsAlwaysTrue },
  { name: 'if-exists-ignored', bug: '`…IfExists` is ignored: the operator is evaluated as the plain one (false on a missing key).', evaluate: ifExistsIgnored },
  { name: 'ip-exact-match', bug: 'IpAddress ignores the CIDR prefix: the request address must equal the policy text.', evaluate: ipExactMatch },
  { name: 'ipv4-mapped-as-ipv4', bug: 'an IPv4-mapped IPv6 block (`::ffff:10.0.0.0/120`) is read as the IPv4 block it maps.', evaluate: ipv4MappedAsIpv4 },
  { name: 'key-names-case-sensitive', bug: 'condition-key names are matched case-sensitively (AWS: case-insensitive).', evaluate: keyNamesCaseSensitive },
  { name: 'malformed-accepted', bug: 'policies are not validated: a malformed document is evaluated (here: it grants nothing).', evaluate: malformedAccepted },
  { name: 'missing-variable-as-empty', bug: 'a policy variable with no value is read as the empty string, so `${aws:username}*` matches every value.', evaluate: missingVariableAsEmpty },
  { name: 'negated-missing-false', bug: 'a negated operator (StringNotEquals, NotIpAddress, …) is false when the key is missing (AWS: true).', evaluate: negatedMissingFalse },
  { name: 'negated-values-or', bug: 'several values under a negated operator combine with OR (AWS: NOR — match none of them).', evaluate: negatedValuesOr },
  { name: 'not-action-as-action', bug: 'NotAction is read as Action.', evaluate: notActionAsAction },
  { name: 'not-resource-as-resource', bug: 'NotResource is read as Resource.', evaluate: notResourceAsResource },
  { name: 'null-inverted', bug: 'Null is inverted ("true" read as "the key is present").', evaluate: nullInverted },
  { name: 'numeric-less-than-inclusive', bug: 'NumericLessThan is inclusive (evaluated as NumericLessThanEquals).', evaluate: numericLessThanInclusive },
  { name: 'numeric-parse-float', bug: 'numeric request values are read with parseFloat, so ` 5`, `5 ` and `5abc` are the number 5.', evaluate: numericParseFloat },
  { name: 'plain-operator-any-value', bug: 'a plain (unqualified) operator on a key with several request values matches if any value does.', evaluate: plainOperatorAnyValue },
  { name: 'principal-accepted', bug: 'Principal / NotPrincipal are accepted in identity policies (and ignored).', evaluate: principalAccepted },
  { name: 'principal-ignored', bug: 'a resource policy’s Principal / NotPrincipal is ignored: every statement applies to every caller.', evaluate: principalIgnored },
  { name: 'resource-policy-ignored', bug: 'the resource-based policy is ignored (neither its grants nor its denies count).', evaluate: resourcePolicyIgnored },
  { name: 'resource-star-stops-at-slash', bug: '`*` in a resource ARN does not span `/` (treated like a path glob).', evaluate: resourceStarStopsAtSlash },
  { name: 'scp-deny-ignored', bug: 'Deny statements in SCPs are ignored.', evaluate: scpDenyIgnored },
  { name: 'scp-levels-or', bug: 'SCP levels combine with OR — an Allow at any level suffices (AWS: every level must allow).', evaluate: scpLevelsOr },
  { name: 'special-variable-literal-in-equals', bug: '`${*}`, `${?}`, `${$}` are replaced only in the Like operators; in the Equals operators they stay text.', evaluate: specialVariableLiteralInEquals },
  { name: 'star-stops-at-line-break', bug: '`*` and `?` do not match a line break (a wildcard turned into a RegExp `.*` without the `s` flag).', evaluate: starStopsAtLineBreak },
  { name: 'string-equals-ignores-case', bug: 'StringEquals / StringNotEquals compare ignoring case.', evaluate: stringEqualsIgnoresCase },
  { name: 'string-like-no-question', bug: 'StringLike knows `*` but not `?` (a `?` in the pattern only matches a literal `?`).', evaluate: stringLikeNoQuestion },
  { name: 'substituted-value-wildcard', bug: 'a substituted variable value holding `*` or `?` acts as a wildcard.', evaluate: substitutedValueWildcard },
  { name: 'unquoted-value-rejected', bug: 'a condition value written as a JSON number or boolean (unquoted) makes the policy malformed.', evaluate: unquotedValueRejected },
  { name: 'variables-in-2008', bug: '`${…}` is substituted under Version 2008-10-17 (or no Version), where AWS reads it literally.', evaluate: variablesIn2008 },
  { name: 'variables-not-substituted', bug: '`${…}` is never substituted, even under Version 2012-10-17 (read as literal text, as in 2008).', evaluate: variablesNotSubstituted },
];
