/**
 * Live-mode settings: from the environment, with `.env` (dotenv) filling what the environment lacks,
 * and explicit options overriding both. Every variable is documented in `.env.example`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'dotenv';
import { InputError } from '../../harness/input-error.js';

export const APIS = ['SimulatePrincipalPolicy', 'SimulateCustomPolicy'] as const;
export type SimulateApi = (typeof APIS)[number];

export interface StaticCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface AwsSettings {
  readonly region: string;
  /** The dedicated principal with no policies (SimulatePrincipalPolicy's PolicySourceArn). */
  readonly principalArn?: string;
  readonly api: SimulateApi;
  /** Our own cap on calls per second (a token bucket), below IAM's shared account limit. */
  readonly callsPerSecond: number;
  /** Budget: requests sent to AWS (pages and retries included); unset = no budget. */
  readonly maxCalls?: number;
  readonly checkpointPath?: string;
  /** Endpoint override (AWS_ENDPOINT_URL_IAM, then AWS_ENDPOINT_URL); tests point it at a local server. */
  readonly endpoint?: string;
  /** SDK attempts per request (adaptive retry mode). */
  readonly maxAttempts: number;
  /** Our retries on throttling, 5xx and network errors, after the SDK's own attempts. */
  readonly retries: number;
  /** ActionNames per call (AWS documents no maximum; UNCONFIRMED). */
  readonly actionsPerCall: number;
  /** Credentials found in the environment or .env; otherwise the SDK's default provider chain. */
  readonly credentials?: StaticCredentials;
}

export type Env = Readonly<Record<string, string | undefined>>;

/** Reads `.env` in `cwd` (if any) under the given environment: real environment variables win. */
export function envWithDotenv(env: Env, cwd: string, envFile = join(cwd, '.env')): Env {
  if (!existsSync(envFile)) return env;
  let parsed: Record<string, string>;
  try {
    parsed = parse(readFileSync(envFile, 'utf8'));
  } catch (cause) {
    throw new InputError(`cannot read (${(cause as Error).message})`, { file: envFile, cause });
  }
  const merged: Record<string, string | undefined> = { ...parsed };
  for (const [k, v] of Object.entries(env)) if (v !== undefined) merged[k] = v;
  return merged;
}

const positive = (env: Env, name: string, fallback: number | undefined, integer: boolean, min = Number.MIN_VALUE): number | undefined => {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) {
    const what = min === 0 ? 'a non-negative integer' : `a positive ${integer ? 'integer' : 'number'}`;
    throw new InputError(`${name} must be ${what}, got "${raw}"`);
  }
  return n;
};

/** `principal`/`custom` or the API names themselves. */
export function parseApi(raw: string | undefined, where = 'IAM_CONFORMANCE_API'): SimulateApi {
  const v = (raw ?? 'principal').trim().toLowerCase();
  if (v === 'principal' || v === 'simulateprincipalpolicy') return 'SimulatePrincipalPolicy';
  if (v === 'custom' || v === 'simulatecustompolicy') return 'SimulateCustomPolicy';
  throw new InputError(`${where} must be "principal" or "custom", got "${raw}"`);
}

/** Settings from an environment (already merged with `.env`). Throws InputError naming the variable. */
export function settingsFromEnv(env: Env): AwsSettings {
  const api = parseApi(env.IAM_CONFORMANCE_API);
  const principalArn = env.IAM_CONFORMANCE_PRINCIPAL_ARN?.trim() || undefined;
  if (principalArn !== undefined && !/^arn:aws[\w-]*:iam::\d{12}:(user|role|group)\/.+/.test(principalArn)) {
    throw new InputError(`IAM_CONFORMANCE_PRINCIPAL_ARN must be an IAM user, role or group ARN, got "${principalArn}"`);
  }
  const endpoint = env.AWS_ENDPOINT_URL_IAM?.trim() || env.AWS_ENDPOINT_URL?.trim() || undefined;
  const id = env.AWS_ACCESS_KEY_ID?.trim();
  const secret = env.AWS_SECRET_ACCESS_KEY?.trim();
  const token = env.AWS_SESSION_TOKEN?.trim();
  return {
    region: env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim() || 'us-east-1',
    ...(principalArn ? { principalArn } : {}),
    api,
    callsPerSecond: positive(env, 'IAM_CONFORMANCE_CALLS_PER_SECOND', 4, false) as number,
    ...(env.IAM_CONFORMANCE_MAX_CALLS ? { maxCalls: positive(env, 'IAM_CONFORMANCE_MAX_CALLS', undefined, true) } : {}),
    ...(env.IAM_CONFORMANCE_CHECKPOINT?.trim() ? { checkpointPath: env.IAM_CONFORMANCE_CHECKPOINT.trim() } : {}),
    ...(endpoint ? { endpoint } : {}),
    maxAttempts: positive(env, 'IAM_CONFORMANCE_SDK_MAX_ATTEMPTS', 5, true) as number,
    retries: positive(env, 'IAM_CONFORMANCE_RETRIES', 5, true, 0) as number,
    actionsPerCall: Math.min(positive(env, 'IAM_CONFORMANCE_ACTIONS_PER_CALL', 100, true) as number, 1000),
    ...(id && secret ? { credentials: { accessKeyId: id, secretAccessKey: secret, ...(token ? { sessionToken: token } : {}) } } : {}),
  };
}

/** Values that must never be printed: whatever secrets the environment holds. */
export function secretValues(env: Env, settings?: AwsSettings): string[] {
  const names = ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ACCESS_KEY_ID', 'AWS_SECURITY_TOKEN', 'AWS_WEB_IDENTITY_TOKEN'];
  const out = names.map((n) => env[n]).filter((v): v is string => !!v && v.length >= 4);
  const c = settings?.credentials;
  if (c) out.push(c.accessKeyId, c.secretAccessKey, ...(c.sessionToken ? [c.sessionToken] : []));
  return [...new Set(out)];
}
