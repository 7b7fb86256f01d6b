/**
 * The `aws` evaluator: AWS itself, through SimulatePrincipalPolicy (against a dedicated empty
 * principal, checked first) or SimulateCustomPolicy. Cases are batched into calls, answers are kept in
 * a checkpoint, the call budget is respected, and nothing secret is ever printed.
 */
import type { Evaluator, EvaluatorResult } from '../../harness/evaluator.js';
import { MALFORMED_POLICY, type Case } from '../../oracle/types.js';
import { Checkpoint } from './checkpoint.js';
import { LiveSetupError, classifyError, fatalMessage } from './errors.js';
import { effectiveEnv, resolveSettings, type AwsEvaluatorOptions } from './options.js';
import { checkEmptyPrincipal } from './preflight.js';
import { planBatches, toSimulateMembers, type Batch } from './request-map.js';
import { readAnswers } from './response-map.js';
import { makeScrubber, type Scrubber } from './scrub.js';
import { secretValues, type AwsSettings } from './settings.js';
import {
  BudgetExhausted,
  CallRejected,
  RetriesExhausted,
  RunAborted,
  SimulatorClient,
  makeIamClient,
  type CallStats,
} from './simulator-client.js';
import { realClock } from './token-bucket.js';

/** What an InvalidInput about the size of ActionNames would plausibly say. */
const TOO_MANY = /ActionNames|too many|exceed|maximum|limit/i;
const skipped = (reason: string): EvaluatorResult => ({ kind: 'skipped', reason });

export interface AwsRunStats extends CallStats {
  /** Answered calls (batches) and the decisions they carried, for "decisions per call". */
  readonly batches: number;
  readonly decisions: number;
  readonly fromCheckpoint: number;
  readonly skipped: number;
}

export interface AwsEvaluator extends Evaluator {
  readonly settings: AwsSettings;
  readonly scrub: Scrubber;
  stats(): AwsRunStats;
}

export async function createAwsEvaluator(options: AwsEvaluatorOptions = {}): Promise<AwsEvaluator> {
  const env = effectiveEnv(options);
  const settings = resolveSettings(options, env);
  const scrub = makeScrubber(secretValues(env, settings));
  const log = (line: string) => options.log?.(scrub(line));
  if (settings.api === 'SimulatePrincipalPolicy' && !settings.principalArn) {
    throw new LiveSetupError(
      'live: IAM_CONFORMANCE_PRINCIPAL_ARN is not set: SimulatePrincipalPolicy needs a dedicated principal with no policies (docs/live.md), or use --api custom',
    );
  }
  const iam = makeIamClient(settings, options.credentials, options.sdkRetryMode);
  const client = new SimulatorClient(iam, settings, {
    clock: options.clock ?? realClock,
    retryBaseMs: options.retryBaseMs ?? 1000,
    scrub,
    log,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const checkpoint = Checkpoint.open(settings.checkpointPath, options.resume ?? false, {
    api: settings.api,
    principalArn: settings.principalArn ?? null,
    createdAt: new Date().toISOString(),
    ...options.checkpointHeader,
  });
  const counters = { batches: 0, decisions: 0, fromCheckpoint: 0, skipped: 0 };
  let ready: Promise<void> | undefined;
  /** Once set, no more calls: every later case gets this result. */
  let stopped: EvaluatorResult | undefined;

  const prepare = async () => {
    try {
      const creds = await iam.config.credentials();
      scrub.add(creds.accessKeyId);
      scrub.add(creds.secretAccessKey);
      scrub.add(creds.sessionToken);
    } catch (err) {
      throw new LiveSetupError(scrub(fatalMessage(classifyError(err), settings.principalArn)));
    }
    if (settings.api === 'SimulatePrincipalPolicy' && (options.preflight ?? true)) {
      try {
        await checkEmptyPrincipal(client, settings.principalArn as string);
      } catch (err) {
        throw asSetupError(err);
      }
    }
  };

  const asSetupError = (err: unknown): Error => {
    if (err instanceof LiveSetupError) return new LiveSetupError(scrub(err.message));
    if (err instanceof CallRejected || err instanceof RetriesExhausted) {
      return new LiveSetupError(scrub(fatalMessage(err.reason, settings.principalArn)));
    }
    if (err instanceof BudgetExhausted) return new LiveSetupError(`live: the call budget (${settings.maxCalls}) does not cover the preflight check`);
    if (err instanceof RunAborted) return new LiveSetupError('live: interrupted before the first call');
    return new LiveSetupError(scrub(`live: ${(err as Error).message ?? String(err)}`));
  };

  let actionCap = settings.actionsPerCall;

  /** Answers a batch in calls of at most `actionCap` actions (the cap drops if AWS says too many). */
  async function answerInChunks(batch: Batch): Promise<Map<string, EvaluatorResult>> {
    const out = new Map<string, EvaluatorResult>();
    // Advance by what was sent: the cap may drop while a chunk is being answered.
    for (let at = 0, actions: string[]; at < batch.actions.length; at += actions.length) {
      actions = batch.actions.slice(at, at + actionCap);
      const part = stopped !== undefined ? new Map(actions.map((a) => [a, stopped as EvaluatorResult] as const)) : await answer({ ...batch, actions });
      for (const [a, r] of part) out.set(a, r);
    }
    return out;
  }

  async function answer(batch: Batch): Promise<Map<string, EvaluatorResult>> {
    if (batch.actions.length > actionCap) return answerInChunks(batch);
    try {
      const results = await client.simulateAll(toSimulateMembers(batch));
      const answers = readAnswers(results, batch);
      counters.batches++;
      counters.decisions += answers.size;
      checkpoint.record(batch.key, Object.fromEntries([...answers].filter(([, r]) => r.kind === 'verdict')));
      return answers;
    } catch (err) {
      if (err instanceof BudgetExhausted) stopped = skipped(`call budget reached (--max-calls ${settings.maxCalls})`);
      else if (err instanceof RunAborted) stopped = skipped('run interrupted before this call (resume with --resume)');
      else if (err instanceof RetriesExhausted) {
        stopped = { kind: 'errored', message: `AWS kept failing after ${err.attempts} attempts (${err.message}); stopped, resume with --resume` };
      } else if (err instanceof CallRejected && err.reason.kind === 'fatal') {
        throw new LiveSetupError(scrub(fatalMessage(err.reason, settings.principalArn)));
      } else if (err instanceof CallRejected && err.reason.kind === 'policyRejected') {
        // AWS refused a policy document: that is AWS's verdict on the case, compared with the oracle's validation.
        const rejected: EvaluatorResult = {
          kind: 'verdict',
          verdict: { error: { code: MALFORMED_POLICY, message: `AWS ${err.reason.code}: ${err.reason.message}` } },
        };
        const answers = new Map(batch.actions.map((a) => [a, rejected] as const));
        checkpoint.record(batch.key, Object.fromEntries(answers));
        counters.batches++;
        return answers;
      } else if (err instanceof CallRejected && batch.actions.length > 1 && TOO_MANY.test(err.reason.message)) {
        // AWS documents no maximum of ActionNames per call (UNCONFIRMED): if it says too many, halve.
        actionCap = Math.max(1, Math.floor(batch.actions.length / 2));
        log(`live: AWS refused ${batch.actions.length} ActionNames in one call (${err.reason.message}); now ${actionCap} per call`);
        return answerInChunks(batch);
      } else if (err instanceof CallRejected) {
        const failed: EvaluatorResult = { kind: 'errored', message: `AWS ${err.reason.code}: ${err.reason.message}` };
        return new Map(batch.actions.map((a) => [a, failed] as const));
      } else {
        throw err;
      }
      return new Map(batch.actions.map((a) => [a, stopped as EvaluatorResult] as const));
    }
  }

  return {
    spec: 'aws',
    name: `aws:${settings.api}`,
    version: settings.api === 'SimulatePrincipalPolicy' ? 'SimulatePrincipalPolicy 2010-05-08' : 'SimulateCustomPolicy 2010-05-08',
    unsupportedFeatures: [],
    settings,
    scrub,
    stats: () => ({ ...client.stats, ...counters }),
    async evaluate(cases: readonly Case[]): Promise<readonly EvaluatorResult[]> {
      const out: EvaluatorResult[] = new Array<EvaluatorResult>(cases.length);
      const plan = planBatches(cases, settings);
      for (const [i, reason] of plan.unsendable) out[i] = skipped(reason);
      const pending = plan.batches.filter((b) => !checkpoint.has(b.key, b.actions));
      if (pending.length > 0 && stopped === undefined) {
        ready ??= prepare();
        await ready;
      }
      for (const batch of plan.batches) {
        // Actions already in the checkpoint are never asked again; only the rest go to AWS.
        const answers = new Map<string, EvaluatorResult>();
        for (const a of batch.actions) {
          const stored = checkpoint.get(batch.key, a);
          if (stored) answers.set(a, stored);
        }
        counters.fromCheckpoint += answers.size;
        const missing = batch.actions.filter((a) => !answers.has(a));
        if (missing.length > 0) {
          const fresh = stopped !== undefined ? new Map(missing.map((a) => [a, stopped as EvaluatorResult] as const)) : await answer({ ...batch, actions: missing });
          for (const [a, r] of fresh) answers.set(a, r);
        }
        for (const i of batch.caseIndexes) out[i] = answers.get((cases[i] as Case).request.action) ?? skipped('no answer');
      }
      counters.skipped += out.filter((r) => r.kind === 'skipped').length;
      return out.map((r) => (r.kind === 'errored' ? { kind: 'errored', message: scrub(r.message) } : r));
    },
    async close() {
      iam.destroy();
    },
  };
}
