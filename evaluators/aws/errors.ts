/**
 * What a failed simulator call means for the run. AWS documents `InvalidInput` (400), `NoSuchEntity`
 * (404) and `PolicyEvaluation` (500) for Simulate*, and `Throttling` ("Rate exceeded") for the shared
 * IAM rate limit (iam-semantics.md §8.4). Which code a malformed input policy yields is UNCONFIRMED
 * (MalformedPolicyDocument or InvalidInput about the policy), so both count as a policy rejection.
 */
import { InputError } from '../../harness/input-error.js';

/** A setup problem (credentials, principal, permissions): one clear line, no stack trace, exit 2. */
export class LiveSetupError extends InputError {
  constructor(message: string) {
    super(message);
    this.name = 'LiveSetupError';
  }
}

export type ErrorClass =
  /** Try again later: throttling, 5xx, network. */
  | { readonly kind: 'retryable'; readonly code: string; readonly message: string }
  /** AWS refused a policy document: an error verdict, compared with the oracle's validation. */
  | { readonly kind: 'policyRejected'; readonly code: string; readonly message: string }
  /** AWS refused something else about these cases: the batch's cases error, the run goes on. */
  | { readonly kind: 'caseRejected'; readonly code: string; readonly message: string }
  /** The run cannot work at all (credentials, principal, permissions). */
  | { readonly kind: 'fatal'; readonly code: string; readonly message: string };

const RETRYABLE_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'ServiceUnavailable',
  'InternalFailure',
  'InternalError',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
]);
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ECONNABORTED', 'EHOSTUNREACH']);
const FATAL_CODES = new Set([
  'NoSuchEntity',
  'AccessDenied',
  'AccessDeniedException',
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'ExpiredTokenException',
  'UnrecognizedClientException',
  'MissingAuthenticationToken',
  'IncompleteSignature',
  'InvalidAction',
  'OptInRequired',
]);

interface SdkishError {
  name?: string;
  message?: string;
  code?: string;
  Code?: string;
  Error?: { Code?: string };
  $metadata?: { httpStatusCode?: number };
}

export function errorCode(err: unknown): string {
  const e = (err ?? {}) as SdkishError;
  const raw = e.Code ?? e.Error?.Code ?? (e.code && NETWORK_CODES.has(e.code) ? e.code : undefined) ?? e.name ?? 'Error';
  return raw.endsWith('Exception') && raw !== 'ThrottlingException' ? raw.slice(0, -'Exception'.length) : raw;
}

/** Sorts an SDK (or network) error into what the run does next. */
export function classifyError(err: unknown): ErrorClass {
  const e = (err ?? {}) as SdkishError;
  const code = errorCode(err);
  const message = (e.message ?? String(err)).split('\n')[0] ?? '';
  const status = e.$metadata?.httpStatusCode;
  if (e.name === 'CredentialsProviderError' || /could not load credentials/i.test(message)) {
    return { kind: 'fatal', code: 'NoCredentials', message };
  }
  // An unknown host name will not appear by waiting (EAI_AGAIN is the transient DNS failure).
  if (e.code === 'ENOTFOUND' || code === 'ENOTFOUND') return { kind: 'fatal', code: 'ENOTFOUND', message };
  if (RETRYABLE_CODES.has(code) || NETWORK_CODES.has(code) || NETWORK_CODES.has(e.code ?? '') || /socket hang up/i.test(message)) {
    return { kind: 'retryable', code, message };
  }
  if (FATAL_CODES.has(code)) return { kind: 'fatal', code, message };
  if (code === 'MalformedPolicyDocument') return { kind: 'policyRejected', code, message };
  if (code === 'InvalidInput') {
    if (/PolicySourceArn|principal|CallerArn/i.test(message)) return { kind: 'fatal', code, message };
    if (/polic|syntax|json|parse|statement/i.test(message)) return { kind: 'policyRejected', code, message };
    return { kind: 'caseRejected', code, message };
  }
  if (code === 'PolicyEvaluation') return { kind: 'caseRejected', code, message };
  if (status !== undefined && status >= 500) return { kind: 'retryable', code, message };
  return { kind: 'caseRejected', code, message };
}

/** The one line shown to the user for a fatal error, with what to do about it. */
export function fatalMessage(c: ErrorClass, principalArn: string | undefined): string {
  switch (c.code) {
    case 'NoCredentials':
      return 'live: no AWS credentials found (set AWS_PROFILE, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or use aws-actions/configure-aws-credentials in CI)';
    case 'NoSuchEntity':
      return `live: the principal ${principalArn ?? '(unset)'} does not exist (IAM_CONFORMANCE_PRINCIPAL_ARN): ${c.message}`;
    case 'AccessDenied':
    case 'AccessDeniedException':
      return `live: AWS denied the simulator call; the runner needs iam:SimulatePrincipalPolicy / iam:SimulateCustomPolicy (see docs/live.md): ${c.message}`;
    case 'ENOTFOUND':
      return `live: cannot reach the IAM endpoint (${c.message}); check the network and AWS_ENDPOINT_URL_IAM / AWS_ENDPOINT_URL`;
    default:
      return `live: AWS refused the call (${c.code}): ${c.message}`;
  }
}
