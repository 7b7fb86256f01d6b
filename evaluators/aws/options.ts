/** Options of `createAwsEvaluator`, and how they combine with the environment and `.env`. */
import type { Env, AwsSettings, SimulateApi } from './settings.js';
import { envWithDotenv, settingsFromEnv } from './settings.js';
import type { Credentials } from './simulator-client.js';
import type { Clock } from './token-bucket.js';

export interface AwsEvaluatorOptions {
  /** Environment to read (default `process.env`, with `.env` from `cwd` filling gaps). */
  readonly env?: Env;
  readonly cwd?: string;
  /** Explicit overrides of the environment settings. */
  readonly principalArn?: string;
  readonly api?: SimulateApi;
  readonly region?: string;
  readonly endpoint?: string;
  readonly callsPerSecond?: number;
  readonly maxCalls?: number;
  readonly checkpointPath?: string;
  readonly maxAttempts?: number;
  readonly retries?: number;
  readonly actionsPerCall?: number;
  /** Keep the answers already in the checkpoint instead of starting it afresh. */
  readonly resume?: boolean;
  /** Extra fields for the checkpoint's first line (e.g. the seed, so `--resume` regenerates the same cases). */
  readonly checkpointHeader?: Readonly<Record<string, unknown>>;
  /** Credentials or a provider (default: environment / .env, then the SDK's standard chain). */
  readonly credentials?: Credentials;
  /** Check the principal is empty before the first case (default true; SimulatePrincipalPolicy only). */
  readonly preflight?: boolean;
  readonly clock?: Clock;
  /** SDK retry mode (default `adaptive`; tests use `standard` to avoid its real-time rate limiter). */
  readonly sdkRetryMode?: 'adaptive' | 'standard';
  /** First backoff of our retries in ms (default 1000). */
  readonly retryBaseMs?: number;
  /** Progress and retry notes, already scrubbed. */
  readonly log?: (line: string) => void;
  /** Aborting stops before the next call; unanswered cases are reported as skipped. */
  readonly signal?: AbortSignal;
}

/** The effective environment: the given one, or process.env plus `.env` (copied into process.env for the SDK). */
export function effectiveEnv(options: AwsEvaluatorOptions): Env {
  const cwd = options.cwd ?? process.cwd();
  if (options.env !== undefined && options.env !== process.env) return envWithDotenv(options.env, cwd);
  const merged = envWithDotenv(process.env, cwd);
  // The SDK's own providers (AWS_PROFILE, web identity, …) read process.env, so .env values go there too.
  // Empty values (a copied .env.example) are left out: to the SDK an empty AWS_PROFILE is not "unset".
  for (const [k, v] of Object.entries(merged)) if (process.env[k] === undefined && v) process.env[k] = v;
  return merged;
}

export function resolveSettings(options: AwsEvaluatorOptions, env: Env): AwsSettings {
  const base = settingsFromEnv(env);
  const pick = <K extends keyof AwsSettings>(k: K, v: AwsSettings[K] | undefined) => (v === undefined ? {} : { [k]: v });
  return {
    ...base,
    ...pick('principalArn', options.principalArn),
    ...pick('api', options.api),
    ...pick('region', options.region),
    ...pick('endpoint', options.endpoint),
    ...pick('callsPerSecond', options.callsPerSecond),
    ...pick('maxCalls', options.maxCalls),
    ...pick('checkpointPath', options.checkpointPath),
    ...pick('maxAttempts', options.maxAttempts),
    ...pick('retries', options.retries),
    ...pick('actionsPerCall', options.actionsPerCall),
  };
}
