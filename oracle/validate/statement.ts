import type { Condition, Effect, PolicyType, PrincipalElement, Statement } from '../types.js';
import { readConditions } from './condition.js';
import { readList } from './elements.js';
import type { ListKind } from './elements.js';
import { readPrincipal } from './principal.js';
import { fail, isObject, member, show } from './report.js';
import type { Errors } from './report.js';

// IAM: "Statement IDs (SID) must be alpha-numeric ... [0-9A-Za-z]*". Compiled once.
const SID = /^[0-9A-Za-z]*$/;

/** Policy-wide state a statement needs: whether `${...}` is a variable, the Sids seen so far, the grammar. */
export interface StatementScope {
  readonly variables: boolean;
  readonly sids: Set<string>;
  readonly policyType: PolicyType;
}

const TYPE_NAME: Readonly<Record<PolicyType, string>> = {
  identity: 'an identity-based policy',
  resource: 'a resource-based policy',
  serviceControl: 'a service control policy',
};

/**
 * Reads one statement object into the model, or records why it is invalid.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_statement.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
export function readStatement(raw: unknown, index: number, path: string, scope: StatementScope, errors: Errors): Statement | undefined {
  if (!isObject(raw)) {
    fail(errors, path, 'statement-type', `A statement must be an object, not ${show(raw)}`);
    return undefined;
  }
  const before = errors.length;
  let sid: string | undefined;
  let effect: Effect | undefined;
  let action: { negated: boolean; patterns: string[] } | undefined;
  let resource: { negated: boolean; patterns: string[] } | undefined;
  let conditions: Condition[] = [];
  let principal: PrincipalElement | undefined;
  let principalKeys = 0;
  let sawEffect = false;
  let actionKeys = 0;
  let resourceKeys = 0;

  for (const key of Object.keys(raw)) {
    switch (key) {
      case 'Sid':
        sid = readSid(raw[key], member(path, key), scope, errors);
        break;
      case 'Effect':
        sawEffect = true;
        effect = readEffect(raw[key], member(path, key), errors);
        break;
      case 'Action':
      case 'NotAction':
        actionKeys++;
        action = list(raw[key], path, key, 'action', errors);
        break;
      case 'Resource':
      case 'NotResource':
        resourceKeys++;
        resource = list(raw[key], path, key, 'resource', errors);
        break;
      case 'Condition':
        conditions = readConditions(raw[key], member(path, key), scope.variables, errors);
        break;
      case 'Principal':
      case 'NotPrincipal':
        principalKeys++;
        // IAM: "Policy document should not specify a principal." (identity-based policies); SCPs: "The following
        // elements aren't supported in SCPs: NotPrincipal, Principal" (orgs_manage_policies_scps_syntax.html).
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
        if (scope.policyType !== 'resource') fail(errors, member(path, key), 'principal-forbidden', `${key} is not allowed in ${TYPE_NAME[scope.policyType]}`);
        else principal = readPrincipal(raw[key], member(path, key), key === 'NotPrincipal', errors);
        break;
      default:
        fail(errors, member(path, key), 'statement-key-unknown', `Unknown statement element ${show(key)}`);
    }
  }
  if (!sawEffect) fail(errors, path, 'effect-missing', 'A statement must have an Effect');
  if (scope.policyType === 'resource') checkPrincipalPresence(principalKeys, principal, effect, path, errors);
  // Exactly one of Action/NotAction and one of Resource/NotResource ("Policy statement must contain actions.").
  // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
  if (actionKeys === 0) fail(errors, path, 'action-missing', 'A statement must have Action or NotAction');
  if (actionKeys > 1) fail(errors, path, 'action-xor-notaction', 'A statement cannot have both Action and NotAction');
  if (resourceKeys === 0) fail(errors, path, 'resource-missing', 'A statement must have Resource or NotResource');
  if (resourceKeys > 1) fail(errors, path, 'resource-xor-notresource', 'A statement cannot have both Resource and NotResource');
  if (errors.length !== before || effect === undefined || action === undefined || resource === undefined) return undefined;
  const statement: Statement = sid === undefined ? { index, effect, action, resource, conditions } : { index, sid, effect, action, resource, conditions };
  return principal === undefined ? statement : { ...statement, principal };
}

/**
 * A resource-based policy statement names whom it concerns with exactly one of Principal and NotPrincipal
 * ("The principal_block element is required in resource-based policies"), and NotPrincipal only with Deny
 * ("Using it with "Effect":"Allow" is not supported"; oracle/DECISIONS.md: not-principal-allow).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
 */
function checkPrincipalPresence(keys: number, principal: PrincipalElement | undefined, effect: Effect | undefined, path: string, errors: Errors): void {
  if (keys === 0) fail(errors, path, 'principal-missing', 'A resource-based policy statement must have Principal or NotPrincipal');
  else if (keys > 1) fail(errors, path, 'principal-xor-notprincipal', 'A statement cannot have both Principal and NotPrincipal');
  else if (principal?.negated === true && effect === 'Allow') {
    fail(errors, member(path, 'NotPrincipal'), 'not-principal-allow', 'NotPrincipal must be used with "Effect": "Deny"');
  }
}

/** Action/NotAction or Resource/NotResource as the model's `{negated, patterns}`. */
function list(v: unknown, path: string, key: string, kind: ListKind, errors: Errors): { negated: boolean; patterns: string[] } | undefined {
  const patterns = readList(v, member(path, key), kind, errors);
  return patterns === undefined ? undefined : { negated: key.startsWith('Not'), patterns };
}

/** `Allow` or `Deny`, case-sensitive ("allow" fails legacy parsing). reference_policies_elements_effect.html */
function readEffect(v: unknown, path: string, errors: Errors): Effect | undefined {
  if (v === 'Allow' || v === 'Deny') return v;
  fail(errors, path, 'effect-value', `Effect must be "Allow" or "Deny" (exact case), not ${show(v)}`);
  return undefined;
}

/** Letters and digits only, unique within the policy. reference_policies_elements_sid.html */
function readSid(v: unknown, path: string, scope: StatementScope, errors: Errors): string | undefined {
  if (typeof v !== 'string') {
    fail(errors, path, 'sid-type', `Sid must be a string, not ${show(v)}`);
    return undefined;
  }
  if (!SID.test(v)) {
    fail(errors, path, 'sid-format', `Sid ${show(v)} must contain only ASCII letters and digits`);
    return undefined;
  }
  // Empty Sids are exempt: tools long emitted `"Sid": ""` on every statement (DECISIONS.md: sid-unique).
  if (v !== '' && scope.sids.has(v)) {
    fail(errors, path, 'sid-unique', `Sid ${show(v)} is used by another statement; Sids must be unique in a policy`);
    return undefined;
  }
  scope.sids.add(v);
  return v;
}
