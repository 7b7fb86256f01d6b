import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { evaluate } from '../../oracle/index.js';
import {
  createAwsEvaluator,
  describePlan,
  effectiveEnv,
  planAwsCalls,
  resolveSettings,
  type AwsEvaluator,
} from '../../evaluators/aws/index.js';
import { expectationsFor } from '../../harness/expectations.js';
import {  failureLine } from '../../reports/terminal.js';
import { createProgress } from '../progress.js';
import { serviceSelectionText } from '../../generators/services.js';
import { parseInteger } from '../options.js';
import { collectItems, parseLiveOptions, type LiveCliOptions, type LivePlan } from './live-plan.js';
import { runLive } from '../../harness/live/live-run.js';
import { recordVerified } from '../../harness/live/record.js';
import type { CliCommand } from '../command.js';
import { displayPath, finishRun } from '../finish-run.js';
import { EXIT, type CliIo, type ExitCode } from '../io.js';
import { packageRoot } from '../../harness/package-root.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export const liveCommand: CliCommand = {
  register(program, io, done) {
    program
      .command('live')
      .description('Ask AWS itself (SimulatePrincipalPolicy / SimulateCustomPolicy) and compare with the oracle and the vectors')
      .option('--suite <list>', 'vectors and/or properties (comma-separated)', 'vectors,properties')
      .option('--vectors <path>', 'vector file or folder (repeatable; default: the shipped specs/vectors)', collect)
      .option('--runs <n>', 'generated case families (25 actions each)')
      .option('--seed <n>', 'seed of the generated families (default: today as YYYYMMDD, or the checkpoint\'s on --resume)')
      .option('--max-calls <n>', 'budget of AWS calls; cases beyond it are reported as skipped')
      .option('--resume', 'reuse the answers in the checkpoint instead of asking AWS again')
      .option('--checkpoint <file>', 'checkpoint file (default: .iam-conformance/live-checkpoint.jsonl)')
      .option('--dry-run', 'print the planned calls and exit (no credentials needed)')
      .option('--record <dir>', 'save every AWS answer as a vector file (verifiedBy/verifiedAt)')
      .option('--report-dir <dir>', 'where to write the report folder (default: reports/out/<time>-live-aws)')
      .option('--no-report', 'write no report folder')
      .option('--api <api>', 'principal (SimulatePrincipalPolicy, default) or custom (SimulateCustomPolicy)')
      .option('--service <list>', 'service prefixes the generated families draw from, comma-separated, or all (default: sagemaker,s3,iam,kms,sts)')
      .option('--workers <n>', 'accepted as by run; live stays in one thread: AWS’s rate limit binds, not the oracle')
      .option('--quiet', 'no progress output')
      .action(async (opts: LiveCliOptions) => done(await liveVerb(opts, io)));
  },
};

async function liveVerb(opts: LiveCliOptions, io: CliIo): Promise<ExitCode> {
  // Checked like run's, so a CI matrix can pass one --workers to both verbs; it changes nothing here.
  parseInteger(opts.workers, '--workers', 1, 256);
  const plan = parseLiveOptions(opts, io.cwd, io.env, join(packageRoot(), 'specs', 'vectors'));
  const items = await collectItems(plan, io.cwd);
  const show = displayPath(io.cwd);
  if (opts.dryRun) {
    const settings = resolveSettings(plan.api ? { api: plan.api } : {}, effectiveEnv({ env: io.env, cwd: io.cwd }));
    io.stdout(`${describePlan(planAwsCalls(items.map((i) => i.case), settings))}\n`);
    const budget = plan.maxCalls ?? settings.maxCalls;
    if (budget !== undefined) io.stdout(`budget: ${budget} calls (--max-calls); the rest would be skipped\n`);
    io.stdout(`seed ${plan.seed}, ${items.length} cases\n`);
    return EXIT.ok;
  }
  if (plan.resume && !existsSync(plan.checkpointPath)) {
    io.stderr(`live: no checkpoint at ${show(plan.checkpointPath)}; starting afresh\n`);
  }
  const startedAt = new Date();
  // Ctrl-C (or a CI cancel's SIGTERM) stops before the next call; the report and the checkpoint are still written.
  const controller = new AbortController();
  const interrupt = () => {
    io.stderr('live: interrupted; finishing the report (resume with --resume)\n');
    controller.abort();
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    return await liveRun(plan, items, opts, io, controller.signal, startedAt, show);
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}

async function liveRun(
  plan: LivePlan,
  items: Awaited<ReturnType<typeof collectItems>>,
  opts: LiveCliOptions,
  io: CliIo,
  signal: AbortSignal,
  startedAt: Date,
  show: (p: string) => string,
): Promise<ExitCode> {
  const evaluator = await createAwsEvaluator({
    signal,
    env: io.env,
    cwd: io.cwd,
    ...(plan.api ? { api: plan.api } : {}),
    ...(plan.maxCalls !== undefined ? { maxCalls: plan.maxCalls } : {}),
    checkpointPath: plan.checkpointPath,
    resume: plan.resume,
    checkpointHeader: { seed: plan.seed, runs: plan.runs, suites: plan.suites },
    log: (line) => io.stderr(`${line}\n`),
  });
  try {
    const progress = createProgress(io, { quiet: opts.quiet });
    progress.start('live', items.length);
    const run = await runLive(items, evaluator, {
      oracle: evaluate,
      expectations: expectationsFor('aws'),
      onProgress: (d, t) => progress.update(d, t),
    });
    progress.stop();
    for (const f of run.tally.failures) io.stdout(`${evaluator.scrub(failureLine(f))}\n`);
    if (opts.record) {
      const written = recordVerified(items, run.answers, resolve(io.cwd, opts.record), {
        api: evaluator.settings.api,
        verifiedAt: new Date().toISOString(),
        seed: plan.seed,
      });
      io.stdout(`recorded ${written.length} AWS-verified vector file(s) in ${show(resolve(io.cwd, opts.record))}\n`);
    }
    const { exit } = await finishRun({
      io,
      tally: run.tally,
      writeReport: opts.report,
      ...(opts.reportDir !== undefined ? { reportDir: opts.reportDir } : {}),
      meta: { verb: 'live', evaluator, startedAt, seed: plan.seed, settings: reportSettings(plan, evaluator, show), excludedFeatures: [] },
      extraLines: [statsLine(evaluator)],
    });
    return exit;
  } finally {
    await evaluator.close();
  }
}

function statsLine(ev: AwsEvaluator): string {
  const s = ev.stats();
  const perCall = s.batches > 0 ? (s.decisions / s.batches).toFixed(1) : '0';
  return (
    `aws: ${s.calls} calls (${s.pages} pages, ${s.sdkAttempts} SDK attempts, ${s.retries} retries, ${s.throttled} throttled), ` +
    `${s.decisions} decisions in ${s.batches} answered calls (${perCall} per call), ${s.fromCheckpoint} from the checkpoint`
  );
}

function reportSettings(plan: LivePlan, ev: AwsEvaluator, show: (p: string) => string): Record<string, unknown> {
  const s = ev.settings;
  return {
    suites: plan.suites,
    vectors: plan.vectorPaths.map(show),
    runs: plan.runs,
    ...(plan.service !== undefined ? { service: serviceSelectionText(plan.service) } : {}),
    api: s.api,
    principalArn: s.principalArn ?? null,
    region: s.region,
    maxCalls: s.maxCalls ?? null,
    callsPerSecond: s.callsPerSecond,
    resume: plan.resume,
    checkpoint: show(plan.checkpointPath),
    aws: ev.stats(),
  };
}
