import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { resolveEvaluator } from '../../evaluators/index.js';
import { evaluate } from '../../oracle/index.js';
import { fileReplay } from '../../harness/replay.js';
import { expectationsFor, NO_EXPECTATIONS } from '../../harness/expectations.js';
import { parseInteger } from '../options.js';
import { InputError } from '../../harness/input-error.js';
import { failureLine } from '../../reports/terminal.js';
import { runVectorFiles } from '../../harness/run-vectors.js';
import { loadVectorFiles } from '../../harness/vector-file.js';
import type { CliCommand } from '../command.js';
import { displayPath, finishRun } from '../finish-run.js';

interface ReplayFlags {
  readonly evaluator?: string;
  readonly reportDir?: string;
  readonly report: boolean;
  readonly expectations: boolean;
  readonly timeout?: string;
}

/** A report folder stands for its divergences: its report.json is not a vector file. */
const divergencesOf = (path: string): string =>
  existsSync(join(path, 'report.json')) && existsSync(join(path, 'divergences')) ? join(path, 'divergences') : path;

/**
 * `iam-conformance replay FILE...`: runs divergence or regression files (any vector files) against an
 * evaluator, every case required, and writes a report folder. Exit 0 when all agree, 1 when any fails.
 */
export const replayCommand: CliCommand = {
  register(program, io, done) {
    program
      .command('replay')
      .description('replay divergence / regression vector files against an evaluator')
      .argument('<files...>', 'vector files or folders (a report folder, its divergences, specs/regressions)')
      .option('--evaluator <spec>', 'oracle | module:PATH | cmd:COMMAND | iam-simulate | aws (default: the evaluator the divergence files record, else oracle)')
      .option('--report-dir <dir>', 'where to write the report folder (default reports/out/<time>-replay-<evaluator>)')
      .option('--no-report', 'write no report folder')
      .option('--no-expectations', "ignore the evaluator's known divergences (specs/expectations)")
      .option('--timeout <ms>', 'per-case timeout of cmd: evaluators')
      .action(async (paths: string[], flags: ReplayFlags) => {
        const startedAt = new Date();
        const at = (p: string) => (isAbsolute(p) ? p : resolve(io.cwd, p));
        const show = displayPath(io.cwd);
        const timeoutMs = parseInteger(flags.timeout, '--timeout', 1);
        const files = await loadVectorFiles(paths.map(at).map(divergencesOf));
        // A divergence file records the evaluator that diverged: pasting `replay FILE` reruns against it.
        const recorded = [...new Set(files.flatMap((f) => f.groups.flatMap((g) => (g.evaluator ? [g.evaluator] : []))))];
        const spec = flags.evaluator ?? (recorded.length === 1 ? recorded[0] : undefined) ?? 'oracle';
        if (flags.evaluator === undefined && recorded.length > 1) {
          throw new InputError(`the files record ${recorded.length} evaluators (${recorded.join(', ')}); name one with --evaluator`);
        }
        const evaluator = await resolveEvaluator(spec, {
          cwd: io.cwd,
          env: io.env,
          onStderr: io.stderr,
          ...(timeoutMs !== undefined ? { timeoutMs } : {}),
        });
        try {
          const tally = await runVectorFiles(files, {
            suite: 'regressions',
            evaluator,
            expectations: flags.expectations ? expectationsFor(evaluator.name) : NO_EXPECTATIONS(),
            oracle: evaluate,
            replay: (file) => fileReplay('replay', file, evaluator.spec),
            displayPath: show,
          });
          for (const f of tally.failures) io.stdout(`${failureLine(f)}\n`);
          const { exit } = await finishRun({
            io,
            tally,
            writeReport: flags.report,
            ...(flags.reportDir !== undefined ? { reportDir: flags.reportDir } : {}),
            meta: { verb: 'replay', evaluator, startedAt, settings: { files: paths, expectations: flags.expectations }, excludedFeatures: [] },
          });
          done(exit);
        } finally {
          await evaluator.close();
        }
      });
  },
};
