import type { Policy, PolicyError, PolicyType, PolicyVersion, Statement, ValidationResult } from '../types.js';
import { fail, isObject, show } from './report.js';
import type { Errors } from './report.js';
import { readStatement } from './statement.js';
import type { StatementScope } from './statement.js';
import { scanText } from './text.js';

/** SimulatePrincipalPolicy / SimulateCustomPolicy: each policy string 1–131,072 characters (policyDocumentType). */
export const SIMULATOR_POLICY_MAX_CHARS = 131_072;
/** CreatePolicy: a managed policy is at most 6,144 characters, whitespace excluded (reference_iam-quotas.html). */
export const MANAGED_POLICY_MAX_CHARS = 6_144;

export interface ValidateOptions {
  /**
   * Which size limit applies: the simulator's (the conformance target) or a managed policy's.
   * @defaultValue 'simulator'
   */
  readonly sizeLimit?: 'simulator' | 'managed';
  /**
   * Which grammar: identity-based (also boundaries), resource-based (Principal or NotPrincipal required),
   * or a service control policy (no Principal, Version 2012-10-17).
   * @defaultValue 'identity'
   */
  readonly policyType?: PolicyType;
}

export { parseBoolean, parseDate, parseNumeric, isIpValue, isBase64 } from './values.js';

/**
 * Turns a policy document as a user writes it (parsed JSON) into the `Policy` model, or lists every grammar
 * rule it breaks. Total: never throws, whatever the input.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
export function validatePolicy(doc: unknown, options?: ValidateOptions): ValidationResult {
  try {
    const errors: Errors = [];
    const textErrors: Errors = [];
    // The text comes first, as in the API: a document over the size limit is refused before it is read, which
    // also keeps huge inputs (millions of statements) from producing millions of errors.
    if (isObject(doc) && !checkText(doc, options?.sizeLimit === 'managed', textErrors)) return { ok: false, errors: textErrors };
    const policy = readDocument(doc, options?.policyType ?? 'identity', errors);
    errors.push(...textErrors);
    return errors.length === 0 && policy !== undefined ? { ok: true, policy } : { ok: false, errors };
  } catch (e) {
    // Only exotic non-JSON inputs get here (a Proxy or getter that throws); still an answer, not a crash.
    const error: PolicyError = { path: '', rule: 'document-unreadable', message: `The document cannot be read: ${describe(e)}` };
    return { ok: false, errors: [error] };
  }
}

function readDocument(doc: unknown, policyType: PolicyType, errors: Errors): Policy | undefined {
  if (!isObject(doc)) {
    fail(errors, '', 'document-type', `A policy document must be a JSON object, not ${show(doc)}`);
    return undefined;
  }
  let version: PolicyVersion = '2008-10-17'; // AWS's default when Version is absent (reference_policies_elements_version.html)
  let statementValue: unknown;
  let hasStatement = false;
  for (const key of Object.keys(doc)) {
    switch (key) {
      case 'Version': {
        const v = doc[key];
        if (v === '2012-10-17' || v === '2008-10-17') version = v;
        else if (typeof v === 'string') fail(errors, key, 'version-value', `Version must be "2012-10-17" or "2008-10-17", not ${show(v)}`);
        else fail(errors, key, 'version-type', `Version must be a string, not ${show(v)}`);
        break;
      }
      case 'Id':
        // Grammar notes say Id must not be in identity policies; we accept a string (DECISIONS.md: id-element).
        if (typeof doc[key] !== 'string') fail(errors, key, 'id-type', `Id must be a string, not ${show(doc[key])}`);
        break;
      case 'Statement':
        hasStatement = true;
        statementValue = doc[key];
        break;
      default:
        fail(errors, key, 'document-key-unknown', `Unknown top-level element ${show(key)} (only Version, Id, Statement)`);
    }
  }
  // "Every SCP must include a Version element with the value "2012-10-17"." (orgs_manage_policies_scps_syntax.html)
  if (policyType === 'serviceControl' && version !== '2012-10-17' && !errors.some((e) => e.path === 'Version')) {
    fail(errors, 'Version' in doc ? 'Version' : '', 'scp-version', 'A service control policy must have "Version": "2012-10-17"');
  }
  if (!hasStatement) {
    fail(errors, '', 'statement-missing', 'A policy document must have a Statement element');
    return undefined;
  }
  const statements = readStatements(statementValue, { variables: version === '2012-10-17', sids: new Set(), policyType }, errors);
  return statements === undefined ? undefined : { version, statements };
}

/** `Statement`: one statement object or an array of them (reference_policies_elements_statement.html). */
function readStatements(value: unknown, scope: StatementScope, errors: Errors): Statement[] | undefined {
  if (Array.isArray(value)) {
    if (value.length === 0) {
      // Unconfirmed: DECISIONS.md (statement-empty).
      fail(errors, 'Statement', 'statement-empty', 'Statement must hold at least one statement');
      return undefined;
    }
    const out: Statement[] = [];
    for (let i = 0; i < value.length; i++) {
      const s = readStatement(value[i], i, `Statement[${i}]`, scope, errors);
      if (s !== undefined) out.push(s);
    }
    return out.length === value.length ? out : undefined;
  }
  if (!isObject(value)) {
    fail(errors, 'Statement', 'statement-type', `Statement must be an object or an array of objects, not ${show(value)}`);
    return undefined;
  }
  const s = readStatement(value, 0, 'Statement', scope, errors);
  return s === undefined ? undefined : [s];
}

/** Size and character rules of the policy text (DECISIONS.md: size-limit, characters); false when too large. */
function checkText(doc: Record<string, unknown>, managed: boolean, errors: Errors): boolean {
  const limit = managed ? MANAGED_POLICY_MAX_CHARS : SIMULATOR_POLICY_MAX_CHARS;
  const scan = scanText(doc, limit, managed ? 'nonWhitespace' : 'length');
  if (scan.badCharacterPath !== undefined) {
    fail(errors, scan.badCharacterPath, 'document-characters', `Character ${scan.badCharacter} is not allowed: policies may use only TAB, LF, CR and U+0020-U+00FF`);
  }
  const size = managed ? scan.nonWhitespace : scan.length;
  if (size <= limit) return true;
  fail(errors, '', 'document-size', `The policy is longer than ${limit} characters${managed ? ' (whitespace excluded)' : ''}`);
  return false;
}

function describe(e: unknown): string {
  try {
    return e instanceof Error ? String(e.message) : 'unknown error';
  } catch {
    return 'unknown error';
  }
}
