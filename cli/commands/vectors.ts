import {  join, resolve } from 'node:path';
import { evaluate, explainText } from '../../oracle/index.js';
import { resolveEvaluator } from '../../evaluators/index.js';
import { InputError } from '../../harness/input-error.js';
import { expectationsFromFlag } from '../../harness/expectations.js';
import { parseFeatureList, parseInteger } from '../options.js';
import {  failureDetails, failureLine } from '../../reports/terminal.js';
import { fileReplay } from '../../harness/replay.js';
import type { Failure } from '../../harness/results.js';
import { createProgress } from '../progress.js';
import { runVectorFiles } from '../../harness/run-vectors.js';
import { loadVectorFiles } from '../../harness/vector-file.js';
import type { CliCommand } from '../command.js';
import { displayPath, finishRun } from '../finish-run.js';
import {  type CliIo, type ExitCode } from '../io.js';
import { packageRoot } from '../../harness/package-root.js';
import { preflight } from '../../harness/preflight.js';
import { watchErrors } from '../../harness/error-watch.js';

interface VectorsOptions {
  evaluator?: string;
  reportDir?: string;
  report: boolean;
  features?: string;
  excludeFeatures?: string;
  expectations?: string | boolean;
  timeout?: string;
  quiet?: boolean;
  details?: boolean;
}

export const vectorsCommand: CliCommand = {
  register(program, io, done) {
    program
      .command('vectors')
      .description('Run known-answer vector files (or folders of them) through an evaluator')
      .argument('[paths...]', 'vector files or folders, walked for *.json (default: the shipped specs/vectors)')
      .option('--evaluator <spec>', 'oracle | module:PATH | cmd:COMMAND | iam-simulate | aws (default: oracle, which checks the vectors themselves)')
      .option('--report-dir <dir>', 'write a report folder there (default: none — checking vectors writes nothing)')
      .option('--no-report', 'write no report folder (the default; kept for scripts that pass it)')
      .option('--features <list>', 'only cases with at least one of these features (comma-separated)')
      .option('--exclude-features <list>', 'skip cases with any of these features (comma-separated)')
      .option('--expectations <file>', 'known divergences (default: specs/expectations/<evaluator name>.json)')
      .option('--no-expectations', 'ignore recorded divergences: every divergence fails')
      .option('--timeout <ms>', 'per-case timeout of cmd: and module: evaluators (default: 10000)')
      .option('--details', "for each failure: the case, both verdicts, the oracle's reasoning and the replay command")
      .option('--quiet', 'no progress output')
      .action(async (paths: string[], opts: VectorsOptions) => done(await vectorsVerb(paths, opts, io)));
  },
};

async function vectorsVerb(paths: string[], opts: VectorsOptions, io: CliIo): Promise<ExitCode> {
  const features = parseFeatureList(opts.features, '--features');
  const excludeFeatures = parseFeatureList(opts.excludeFeatures, '--exclude-features');
  const timeoutMs = parseInteger(opts.timeout, '--timeout', 1);
  const targets = paths.length ? paths.map((p) => resolve(io.cwd, p)) : [join(packageRoot(), 'specs', 'vectors')];
  const files = await loadVectorFiles(targets);
  if (files.length === 0) throw new InputError(`no *.json vector files in ${targets.join(', ')}`);
  const startedAt = new Date();
  // Without --evaluator the vectors are checked against the oracle: known answers vs the reference.
  const chosen = await resolveEvaluator(opts.evaluator ?? 'oracle', {
    cwd: io.cwd,
    env: io.env,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  });
  try {
    await preflight(chosen, timeoutMs);
    const { evaluator } = watchErrors(chosen, (line) => io.stderr(`iam-conformance: ${line}\n`));
    const expectations = expectationsFromFlag(opts.expectations, evaluator.name, io.cwd);
    const show = displayPath(io.cwd);
    const progress = createProgress(io, { quiet: opts.quiet });
    progress.start('vectors', 0);
    const tally = await runVectorFiles(files, {
      suite: 'vectors',
      evaluator,
      expectations,
      features,
      excludeFeatures,
      oracle: evaluate,
      displayPath: show,
      replay: (file) => fileReplay('vectors', file, evaluator.spec),
      onProgress: (doneCount, total) => progress.update(doneCount, total),
    });
    progress.stop();
    const explain = (f: Failure) => explainText(evaluate(f.case));
    for (const f of tally.failures) io.stdout(`${opts.details ? failureDetails(f, explain) : failureLine(f)}\n`);
    const { exit } = await finishRun({
      io,
      tally,
      // Checking vectors is a quick look, often from inside a checkout: a report only when a folder is named.
      writeReport: opts.report && opts.reportDir !== undefined,
      ...(opts.reportDir !== undefined ? { reportDir: opts.reportDir } : {}),
      ...(expectations.file ? { expectationsFile: show(expectations.file) } : {}),
      expectations,
      meta: {
        verb: 'vectors',
        evaluator,
        startedAt,
        settings: {
          paths: files.map((f) => show(f.file)),
          features,
          timeoutMs,
          ...(expectations.file ? { expectations: show(expectations.file), expectationHits: expectations.hitsRecord() } : {}),
        },
        excludedFeatures: excludeFeatures,
      },
    });
    return exit;
  } finally {
    await chosen.close();
  }
}
