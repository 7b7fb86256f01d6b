/**
 * Checks the shape of a Case before evaluation, the way the simulator's API validation would reject a
 * request (`InvalidInput`): concrete `service:Action` names (SimulateCustomPolicy: no wildcards; API
 * length 3–128), resource strings of 1–2048 characters, `ContextEntries` with a known `ContextKeyType`
 * and string values. https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html
 *
 * DECISION: `resource` may be omitted (the simulator's default `*`) and `context` may be omitted (no
 * entries); anything present with the wrong shape is `InvalidInput`. Context key names are not held
 * to the API's 5–256 characters: only emptiness is rejected.
 */
import { addContextEntry, type RequestContext } from './context.js';
import { CONTEXT_KEY_TYPES, DEFAULT_CALLER, type ContextEntry } from './types.js';

export const INVALID_INPUT = 'InvalidInput';

/** The request as the evaluator reads it, after the shape checks. */
export interface CheckedCase {
  readonly policies: readonly unknown[];
  readonly permissionsBoundaries: readonly unknown[];
  readonly action: string;
  readonly resource: string;
  /** The context entries checked and indexed (context.ts). */
  readonly context: RequestContext;
  /**
   * Present when the case has SCPs, a resource policy or a resource owner: the rest of the evaluation
   * chain (chain.ts). Absent, the case is an identity-only question.
   */
  readonly chain?: CheckedChain;
}

/** The inputs beyond identity policies and boundaries, checked. */
export interface CheckedChain {
  /** SCP levels; undefined when there is no organization (absent or `[]`, DECISIONS.md: scp-empty-list). */
  readonly serviceControlPolicies: readonly (readonly unknown[])[] | undefined;
  readonly hasResourcePolicy: boolean;
  readonly resourcePolicy: unknown;
  /** CallerArn, and the fields of it the chain reads. */
  readonly caller: string;
  readonly partition: string;
  readonly callerAccount: string;
  /** ResourceOwner (12 digits), the caller's account by default. */
  readonly resourceOwner: string;
}

/** `arn:PARTITION:iam::ACCOUNT:user/[PATH/]NAME` — CallerArn must be an IAM user (API_SimulateCustomPolicy.html). */
const USER_ARN = /^arn:([a-z-]+):iam::(\d{12}):user\/[\w+=,.@/-]+$/;
const ACCOUNT_ID = /^\d{12}$/;

export type CheckResult = { readonly ok: true; readonly value: CheckedCase } | { readonly ok: false; readonly message: string; readonly path: string };

const KEY_TYPES: ReadonlySet<string> = new Set(CONTEXT_KEY_TYPES);
const NO_CONTEXT: readonly ContextEntry[] = Object.freeze([]);
const NO_DOCUMENTS: readonly unknown[] = Object.freeze([]);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const bad = (path: string, message: string): CheckResult => ({ ok: false, path, message });

/**
 * Checks a Case's shape; never throws.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html
 */
export function checkCase(c: unknown): CheckResult {
  if (!isObject(c)) return bad('', 'A case must be an object with policies and request');
  const { policies, permissionsBoundaries, serviceControlPolicies, resourcePolicy, request } = c;
  if (!Array.isArray(policies)) return bad('policies', 'policies must be an array of policy documents');
  if (permissionsBoundaries !== undefined && !Array.isArray(permissionsBoundaries)) {
    return bad('permissionsBoundaries', 'permissionsBoundaries must be an array of policy documents');
  }
  if (!isObject(request)) return bad('request', 'request must be an object with action, resource and context');
  const { action, resource = '*', context = NO_CONTEXT, caller, resourceOwner } = request;
  if (typeof action !== 'string') return bad('request.action', 'action must be a string');
  const problem = actionProblem(action);
  if (problem) return bad('request.action', `action ${JSON.stringify(action)} ${problem}`);
  if (typeof resource !== 'string' || resource.length === 0 || resource.length > 2048) {
    return bad('request.resource', 'resource must be a string of 1-2048 characters (an ARN or "*")');
  }
  if (!Array.isArray(context)) return bad('request.context', 'context must be an array of context entries');
  // Checked and indexed in one pass.
  const indexed = new Map<string, readonly string[]>();
  for (let i = 0; i < context.length; i++) {
    const entry: unknown = context[i];
    const entryProblem = contextEntryProblem(entry);
    if (entryProblem) return bad(`request.context[${i}]`, entryProblem);
    const { key, values } = entry as ContextEntry;
    addContextEntry(indexed, key, values);
  }
  const value = { policies, permissionsBoundaries: permissionsBoundaries ?? NO_DOCUMENTS, action, resource, context: indexed };
  // Identity-only cases (the hot path) stop here.
  if (serviceControlPolicies === undefined && resourcePolicy === undefined && caller === undefined && resourceOwner === undefined) {
    return { ok: true, value };
  }
  const chain = checkChain(serviceControlPolicies, 'resourcePolicy' in c, resourcePolicy, caller, resourceOwner);
  return 'path' in chain ? chain : { ok: true, value: { ...value, chain } };
}

/**
 * SCP levels (an array of arrays of documents), CallerArn (an IAM user ARN) and ResourceOwner (an account ID).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html
 */
function checkChain(
  levels: unknown,
  hasResourcePolicy: boolean,
  resourcePolicy: unknown,
  caller: unknown = DEFAULT_CALLER,
  resourceOwner: unknown = undefined,
): CheckedChain | { readonly ok: false; readonly message: string; readonly path: string } {
  if (levels !== undefined) {
    if (!Array.isArray(levels)) return { ok: false, path: 'serviceControlPolicies', message: 'serviceControlPolicies must be an array of SCP levels' };
    for (let i = 0; i < levels.length; i++) {
      if (!Array.isArray(levels[i])) return { ok: false, path: `serviceControlPolicies[${i}]`, message: 'an SCP level must be an array of policy documents' };
    }
  }
  if (typeof caller !== 'string') return { ok: false, path: 'request.caller', message: 'caller must be an IAM user ARN string' };
  const user = USER_ARN.exec(caller);
  if (!user) return { ok: false, path: 'request.caller', message: `caller ${JSON.stringify(caller)} must be an IAM user ARN (arn:aws:iam::ACCOUNT:user/NAME)` };
  const callerAccount = user[2]!;
  if (resourceOwner !== undefined && (typeof resourceOwner !== 'string' || !ACCOUNT_ID.test(resourceOwner))) {
    return { ok: false, path: 'request.resourceOwner', message: 'resourceOwner must be a 12-digit account ID' };
  }
  return {
    serviceControlPolicies: Array.isArray(levels) && levels.length > 0 ? (levels as unknown[][]) : undefined,
    hasResourcePolicy: hasResourcePolicy && resourcePolicy !== undefined,
    resourcePolicy,
    caller,
    partition: user[1]!,
    callerAccount,
    resourceOwner: resourceOwner ?? callerAccount,
  };
}

/** Why a request action is not a concrete `service:Action`, or undefined. */
function actionProblem(action: string): string | undefined {
  if (action.length < 3 || action.length > 128) return 'must be 3-128 characters';
  const colon = action.indexOf(':');
  if (colon <= 0 || colon === action.length - 1 || action.indexOf(':', colon + 1) >= 0) {
    return 'must be "service:Action" with exactly one colon';
  }
  if (action.includes('*') || action.includes('?')) return 'must be a concrete action (no wildcards)';
  return undefined;
}

function contextEntryProblem(entry: unknown): string | undefined {
  if (!isObject(entry)) return 'a context entry must be an object {key, type, values}';
  if (typeof entry.key !== 'string' || entry.key.length === 0) return 'key must be a non-empty string';
  if (typeof entry.type !== 'string' || !KEY_TYPES.has(entry.type)) {
    return `type must be one of ${CONTEXT_KEY_TYPES.join(', ')}`;
  }
  const { values } = entry;
  if (!Array.isArray(values)) return 'values must be an array of strings';
  for (let i = 0; i < values.length; i++) if (typeof values[i] !== 'string') return 'values must be an array of strings';
  return undefined;
}
