import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EvaluatorResult } from '../../harness/evaluator.js';
import type { RunningIamServer } from '../../testing/iam-server/iam-query-server.js';
import { askedActions, caseOf, localEvaluator, policy, startServer } from '../../testing/iam-server/fixture.js';
import { simpleDecider } from '../../testing/iam-server/simple-decider.js';

const decisionOf = (r: EvaluatorResult | undefined) =>
  r?.kind === 'verdict'
    ? 'decision' in r.verdict
      ? r.verdict.decision
      : `error:${r.verdict.error.code}`
    : r?.kind === 'skipped'
      ? `skipped:${r.reason}`
      : `errored:${r?.message}`;

const ALLOW = policy({ Effect: 'Allow', Action: 'sagemaker:*', Resource: '*' });
/** Five families (different resources) → five calls after the two preflight calls. */
const FIVE_FAMILIES = Array.from({ length: 5 }, (_, f) =>
  ['sagemaker:ListModels', 'sagemaker:CreateModel'].map((a) => caseOf([ALLOW], a, `arn:aws:sagemaker:us-east-1:123456789012:model/m${f}`)),
).flat();

let server: RunningIamServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('aws evaluator: throttling and faults', () => {
  it('retries Throttling, 500s and dropped connections, then answers', async () => {
    const script = ['throttle', 'throttle', '500', 'hangup'];
    server = await startServer({
      faults: (n) => {
        const f = script[n - 3]; // after the two preflight calls
        if (f === 'throttle') return { kind: 'throttle' };
        if (f === '500') return { kind: 'error', status: 500, code: 'ServiceFailure', message: 'internal' };
        if (f === 'hangup') return { kind: 'hangup' };
        return undefined;
      },
    });
    const lines: string[] = [];
    const ev = await localEvaluator(server, { retries: 5, log: (l) => lines.push(l) });
    const results = await ev.evaluate([caseOf([ALLOW], 'sagemaker:ListModels')]);
    expect(results.map(decisionOf)).toEqual(['allowed']);
    expect(ev.stats()).toMatchObject({ throttled: 2, retries: 4, calls: 2 + 5 });
    expect(lines.filter((l) => /retry/.test(l))).toHaveLength(4);
    await ev.close();
  });

  it('lets the SDK retry in adaptive mode before our own retries', async () => {
    server = await startServer({ faults: (n) => (n === 3 ? { kind: 'throttle' } : undefined) });
    const ev = await localEvaluator(server, { maxAttempts: 2, retries: 0, sdkRetryMode: 'adaptive' });
    const results = await ev.evaluate([caseOf([ALLOW], 'sagemaker:ListModels')]);
    expect(results.map(decisionOf)).toEqual(['allowed']);
    expect(server.requests).toHaveLength(4);
    expect(ev.stats()).toMatchObject({ calls: 3, sdkAttempts: 4 });
    await ev.close();
  });

  it('stops the run when throttling outlasts the retries, and says how to resume', async () => {
    server = await startServer({ faults: (n) => (n >= 3 ? { kind: 'throttle' } : undefined) });
    const ev = await localEvaluator(server, { retries: 2 });
    const results = await ev.evaluate(FIVE_FAMILIES);
    expect(new Set(results.map(decisionOf))).toEqual(new Set(['errored:AWS kept failing after 3 attempts (Throttling: Rate exceeded); stopped, resume with --resume']));
    expect(server.requests).toHaveLength(2 + 3); // no call after giving up
    await ev.close();
  });
});

describe('aws evaluator: budget, checkpoint and resume', () => {
  it('stops cleanly at the call budget and reports the rest as skipped (budget)', async () => {
    server = await startServer();
    const ev = await localEvaluator(server, { maxCalls: 4 });
    const results = await ev.evaluate(FIVE_FAMILIES);
    expect(results.slice(0, 4).map(decisionOf)).toEqual(['allowed', 'allowed', 'allowed', 'allowed']);
    expect(results.slice(4).every((r) => r.kind === 'skipped' && r.reason === 'call budget reached (--max-calls 4)')).toBe(true);
    expect(server.requests).toHaveLength(4);
    // A later batch of the same run is not sent either.
    const more = await ev.evaluate([caseOf([ALLOW], 'sagemaker:DeleteModel')]);
    expect(more[0]).toMatchObject({ kind: 'skipped', reason: expect.stringMatching(/budget/) });
    expect(server.requests).toHaveLength(4);
    await ev.close();
  });

  it('resumes an interrupted run from the checkpoint without asking AWS again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamc-live-'));
    const checkpointPath = join(dir, 'run.checkpoint.jsonl');
    const controller = new AbortController();
    // The "kill": the run is aborted while the 3rd case call is in flight.
    server = await startServer({ faults: (n) => (n === 5 ? (controller.abort(), { kind: 'delay', ms: 50 }) : undefined) });
    const first = await localEvaluator(server, { checkpointPath, signal: controller.signal });
    const interrupted = await first.evaluate(FIVE_FAMILIES);
    expect(interrupted.slice(0, 4).map(decisionOf)).toEqual(['allowed', 'allowed', 'allowed', 'allowed']);
    expect(interrupted.slice(4).every((r) => r.kind === 'skipped' && /^run interrupted/.test(r.reason))).toBe(true);
    await first.close();
    const answeredBefore = askedActions(server).slice(0, 2);

    const second = await localEvaluator(server, { checkpointPath, resume: true });
    const resumed = await second.evaluate(FIVE_FAMILIES);
    expect(resumed.map(decisionOf)).toEqual(FIVE_FAMILIES.map(() => 'allowed'));
    expect(second.stats().fromCheckpoint).toBe(4);
    // Batches 1–2 were answered before the kill and are not asked again; 3 (cut off), 4, 5 are.
    const resources = server.requests.filter((r) => r.input.resourceArns.length > 0).map((r) => r.input.resourceArns[0]);
    expect(resources.filter((r) => r?.endsWith('/m0'))).toHaveLength(1);
    expect(resources.filter((r) => r?.endsWith('/m1'))).toHaveLength(1);
    expect(askedActions(server).slice(0, 2)).toEqual(answeredBefore);
    await second.close();

    const before = server.requests.length;
    const third = await localEvaluator(server, { checkpointPath, resume: true });
    expect((await third.evaluate(FIVE_FAMILIES)).map(decisionOf)).toEqual(FIVE_FAMILIES.map(() => 'allowed'));
    expect(server.requests.length).toBe(before); // everything answered: not even the preflight runs
    await third.close();
    expect(readFileSync(checkpointPath, 'utf8').split('\n')[0]).toMatch(/"kind":"header"/);
  });

  it('asks AWS only for the actions of a family the checkpoint does not hold yet', async () => {
    const checkpointPath = join(mkdtempSync(join(tmpdir(), 'iamc-live-')), 'cp.jsonl');
    server = await startServer();
    const first = await localEvaluator(server, { checkpointPath });
    await first.evaluate(['sagemaker:ListModels', 'sagemaker:CreateModel'].map((a) => caseOf([ALLOW], a)));
    const second = await localEvaluator(server, { checkpointPath, resume: true });
    const results = await second.evaluate(['sagemaker:ListModels', 'sagemaker:CreateModel', 'sagemaker:DeleteModel'].map((a) => caseOf([ALLOW], a)));
    expect(results.map(decisionOf)).toEqual(['allowed', 'allowed', 'allowed']);
    expect(askedActions(server)).toEqual([['sagemaker:ListModels', 'sagemaker:CreateModel'], ['sagemaker:DeleteModel']]);
  });

  it('starts the checkpoint afresh without --resume', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamc-live-'));
    const checkpointPath = join(dir, 'cp.jsonl');
    server = await startServer();
    const a = await localEvaluator(server, { checkpointPath });
    await a.evaluate(FIVE_FAMILIES.slice(0, 2));
    const b = await localEvaluator(server, { checkpointPath });
    await b.evaluate(FIVE_FAMILIES.slice(0, 2));
    expect(askedActions(server)).toHaveLength(2);
    expect(readFileSync(checkpointPath, 'utf8').trim().split('\n')).toHaveLength(2);
  });
});

describe('aws evaluator: AWS errors', () => {
  for (const rejectWith of ['MalformedPolicyDocument', 'InvalidInput']) {
    it(`records a policy AWS rejects (${rejectWith}) as an error verdict`, async () => {
      server = await startServer({ decide: simpleDecider({ rejectWith }) });
      const ev = await localEvaluator(server);
      const bad = { Version: '2012-10-17', Statement: [{ Effect: 'Allowed', Action: '*', Resource: '*' }] };
      const results = await ev.evaluate([caseOf([bad], 'sagemaker:ListModels'), caseOf([bad], 'sagemaker:CreateModel'), caseOf([ALLOW], 'sagemaker:ListModels')]);
      expect(results.map(decisionOf)).toEqual(['error:MalformedPolicyDocument', 'error:MalformedPolicyDocument', 'allowed']);
      expect(results[0]).toMatchObject({ kind: 'verdict', verdict: { error: { message: expect.stringContaining(`AWS ${rejectWith}`) } } });
      await ev.close();
    });
  }

  it('reports other InvalidInput and PolicyEvaluation errors per case, and goes on', async () => {
    server = await startServer({
      faults: (n) =>
        n === 3
          ? { kind: 'error', status: 400, code: 'InvalidInput', message: 'Invalid value for context key aws:CurrentTime' }
          : n === 4
            ? { kind: 'error', status: 500, code: 'PolicyEvaluation', message: 'could not evaluate' }
            : undefined,
    });
    const ev = await localEvaluator(server);
    const results = await ev.evaluate(FIVE_FAMILIES.slice(0, 6));
    expect(results.map(decisionOf)).toEqual([
      'errored:AWS InvalidInput: Invalid value for context key aws:CurrentTime',
      'errored:AWS InvalidInput: Invalid value for context key aws:CurrentTime',
      'errored:AWS PolicyEvaluation: could not evaluate',
      'errored:AWS PolicyEvaluation: could not evaluate',
      'allowed',
      'allowed',
    ]);
    await ev.close();
  });

  it('halves the actions per call when AWS says a call has too many ActionNames', async () => {
    server = await startServer({
      faults: (_n, input) =>
        input.actionNames.length > 6 ? { kind: 'error', status: 400, code: 'InvalidInput', message: 'ActionNames exceeds the maximum' } : undefined,
    });
    const lines: string[] = [];
    const ev = await localEvaluator(server, { log: (l) => lines.push(l) });
    const actions = Array.from({ length: 20 }, (_, i) => `sagemaker:ListThings${i}`);
    const results = await ev.evaluate(actions.map((a) => caseOf([ALLOW], a)));
    expect(results.map(decisionOf)).toEqual(actions.map(() => 'allowed'));
    expect(askedActions(server).map((a) => a.length)).toEqual([20, 10, 5, 5, 5, 5]);
    expect(lines).toEqual([expect.stringMatching(/now 10 per call/), expect.stringMatching(/now 5 per call/)]);
    await ev.close();
  });

  it('fails the run with one clear line when the principal does not exist (NoSuchEntity)', async () => {
    server = await startServer({ principals: {} });
    const ev = await localEvaluator(server);
    await expect(ev.evaluate([caseOf([ALLOW], 'sagemaker:ListModels')])).rejects.toMatchObject({
      name: 'LiveSetupError',
      message: expect.stringMatching(/^live: the principal arn:aws:iam::123456789012:role\/iam-conformance-empty does not exist/),
    });
    await ev.close();
  });

  it('fails the run when InvalidInput is about the principal ARN', async () => {
    server = await startServer({ faults: () => ({ kind: 'error', status: 400, code: 'InvalidInput', message: 'Invalid PolicySourceArn' }) });
    const ev = await localEvaluator(server, { preflight: false });
    await expect(ev.evaluate([caseOf([ALLOW], 'sagemaker:ListModels')])).rejects.toThrow(/^live: AWS refused the call \(InvalidInput\): Invalid PolicySourceArn$/);
    await ev.close();
  });
});
