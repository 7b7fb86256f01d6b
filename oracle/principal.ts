/**
 * Whom a resource-based policy statement concerns, for a caller that is an IAM user.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
 */
import type { CheckedChain } from './request.js';
import type { PrincipalElement } from './types.js';

/**
 * `direct`: the statement names the caller itself (`"*"`, `{"AWS": "*"}` or the caller's ARN, compared
 * exactly: "the user name part of the ARN is case sensitive", DECISIONS.md: principal-arn-case).
 * `account`: it names the caller's account (`"123456789012"` or `arn:aws:iam::123456789012:root`), which
 * "delegates authority to the account". `none`: anything else, including every Service, Federated and
 * CanonicalUser value, which never name an IAM user.
 */
export type PrincipalMatch = 'direct' | 'account' | 'none';

export function principalMatch(p: PrincipalElement, who: CheckedChain): PrincipalMatch {
  if (p.any) return 'direct';
  let account = false;
  const root = `arn:${who.partition}:iam::${who.callerAccount}:root`;
  for (const v of p.aws) {
    if (v === who.caller) return 'direct';
    if (v === who.callerAccount || v === root) account = true;
  }
  return account ? 'account' : 'none';
}

/**
 * Whether a statement's Principal or NotPrincipal takes in the caller. NotPrincipal (Deny only) takes in
 * every principal not listed, and only a caller listed by its own ARN (or `"*"`) is left out: in AWS's
 * example listing `user/Bob` and the account root, "all principals except the user named Bob" are denied,
 * so the account entry does not leave out the account's other users (DECISIONS.md: not-principal-list).
 * "The NotPrincipal element with a Deny effect will always deny any IAM principal that has a permissions
 * boundary policy attached, regardless of the values specified in the NotPrincipal element."
 */
export function principalTakesIn(p: PrincipalElement, who: CheckedChain, hasBoundary: boolean): PrincipalMatch {
  if (!p.negated) return principalMatch(p, who);
  if (hasBoundary) return 'direct';
  return principalMatch(p, who) === 'direct' ? 'none' : 'direct';
}
