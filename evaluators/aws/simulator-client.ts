/**
 * One simulator request at a time through the real `IAMClient`: the SDK's adaptive retry mode
 * (client-side rate limiting after throttles) plus our own calls-per-second cap, our bounded retries
 * on throttling / 5xx / network errors, the call budget, and following `Marker` pages to the end.
 */
import {
  IAMClient,
  SimulateCustomPolicyCommand,
  SimulatePrincipalPolicyCommand,
  type EvaluationResult,
  type IAMClientConfig,
  type SimulatePolicyResponse,
} from '@aws-sdk/client-iam';
import { classifyError, type ErrorClass } from './errors.js';
import { needsCustomPolicy, type SimulateMembers } from './request-map.js';
import type { Scrubber } from './scrub.js';
import type { AwsSettings } from './settings.js';
import { TokenBucket, type Clock } from './token-bucket.js';

/** The budget is spent: no further call is made. */
export class BudgetExhausted extends Error {}
/** The run was interrupted (signal): no further call is made. */
export class RunAborted extends Error {}
/** Throttling / 5xx / network errors outlasted every retry. */
export class RetriesExhausted extends Error {
  constructor(readonly reason: ErrorClass, readonly attempts: number) {
    super(`${reason.code}: ${reason.message}`);
  }
}
/** AWS answered with an error that retrying will not change. */
export class CallRejected extends Error {
  constructor(readonly reason: ErrorClass) {
    super(`${reason.code}: ${reason.message}`);
  }
}

export interface CallStats {
  /** Requests sent (pages and our retries included; the SDK's internal attempts are in `sdkAttempts`). */
  calls: number;
  sdkAttempts: number;
  pages: number;
  throttled: number;
  retries: number;
}

/** Static credentials or a provider function, as `IAMClient` accepts them. */
export type Credentials = NonNullable<IAMClientConfig['credentials']>;

/** The SDK client; `adaptive` retry mode (client-side rate limiting after throttles) unless told otherwise. */
export function makeIamClient(settings: AwsSettings, credentials?: Credentials, retryMode: 'adaptive' | 'standard' = 'adaptive'): IAMClient {
  return new IAMClient({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    retryMode,
    maxAttempts: settings.maxAttempts,
    ...(credentials ? { credentials } : settings.credentials ? { credentials: settings.credentials } : {}),
  });
}

export interface SimulatorClientOptions {
  readonly clock: Clock;
  /** First backoff of our own retries (doubles each time, with jitter, capped at 20 s). */
  readonly retryBaseMs: number;
  readonly scrub: Scrubber;
  readonly log: (line: string) => void;
  readonly signal?: AbortSignal;
}

export class SimulatorClient {
  readonly stats: CallStats = { calls: 0, sdkAttempts: 0, pages: 0, throttled: 0, retries: 0 };
  private readonly bucket: TokenBucket;

  constructor(
    readonly client: IAMClient,
    private readonly settings: AwsSettings,
    private readonly options: SimulatorClientOptions,
  ) {
    this.bucket = new TokenBucket(settings.callsPerSecond, options.clock);
  }

  get remainingBudget(): number {
    return this.settings.maxCalls === undefined ? Infinity : this.settings.maxCalls - this.stats.calls;
  }

  /** Every page of one simulation, concatenated. */
  async simulateAll(members: SimulateMembers): Promise<EvaluationResult[]> {
    const results: EvaluationResult[] = [];
    let marker: string | undefined;
    do {
      const page = await this.simulate(marker === undefined ? members : { ...members, Marker: marker });
      this.stats.pages++;
      results.push(...(page.EvaluationResults ?? []));
      marker = page.IsTruncated ? page.Marker : undefined;
      if (page.IsTruncated && !page.Marker) throw new CallRejected({ kind: 'caseRejected', code: 'NoMarker', message: 'IsTruncated without Marker' });
    } while (marker !== undefined);
    return results;
  }

  /** One request, with our retries; each attempt counts against the budget. */
  async simulate(members: SimulateMembers): Promise<SimulatePolicyResponse> {
    for (let attempt = 0; ; attempt++) {
      if (this.options.signal?.aborted) throw new RunAborted('interrupted');
      if (this.remainingBudget <= 0) throw new BudgetExhausted(`call budget of ${this.settings.maxCalls} reached`);
      await this.bucket.take();
      this.stats.calls++;
      try {
        const out = await this.send(members);
        this.stats.sdkAttempts += (out as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1;
        return out;
      } catch (err) {
        if (this.options.signal?.aborted) throw new RunAborted('interrupted');
        const c = classifyError(err);
        const safe = { ...c, message: this.options.scrub(c.message) };
        if (c.kind !== 'retryable') throw new CallRejected(safe);
        if (/thrott|limit|toomany/i.test(c.code)) this.stats.throttled++;
        if (attempt >= this.settings.retries) throw new RetriesExhausted(safe, attempt + 1);
        this.stats.retries++;
        const delay = Math.min(20_000, this.options.retryBaseMs * 2 ** attempt) * (0.5 + Math.random() / 2);
        this.options.log(`live: ${safe.code} (${safe.message}); retry ${attempt + 1}/${this.settings.retries} in ${Math.round(delay)} ms`);
        await this.options.clock.sleep(delay);
      }
    }
  }

  private send(members: SimulateMembers): Promise<SimulatePolicyResponse> {
    const opts = this.options.signal ? { abortSignal: this.options.signal } : {};
    // SCPs, a resource policy, a caller or an owner: only SimulateCustomPolicy takes them.
    if (this.settings.api === 'SimulateCustomPolicy' || needsCustomPolicy(members)) {
      return this.client.send(new SimulateCustomPolicyCommand(members as never), opts);
    }
    const input = { PolicySourceArn: this.settings.principalArn, ...members };
    return this.client.send(new SimulatePrincipalPolicyCommand(input as never), opts);
  }
}
