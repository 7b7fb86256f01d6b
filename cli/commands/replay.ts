import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { resolveEvaluator } from '../../evaluators/index.js';
import { evaluate } from '../../oracle/index.js';
import { defaultReportDir, writeReportFolder } from '../../reports/index.js';
import { shellWord } from '../../reports/view.js';
import { expectationsFor, NO_EXPECTATIONS } from '../../specs/harness/expectations.js';
import { parseInteger } from '../../specs/harness/options.js';
import { closingLines, failureLine } from '../../specs/harness/print.js';
import { buildReport } from '../../specs/harness/report.js';
import { runVectorFiles } from '../../specs/harness/run-vectors.js';
import { loadVectorFiles } from '../../specs/harness/vector-file.js';
import type { CliCommand } from '../command.js';
import { EXIT } from '../io.js';
import { toolVersion } from '../tool-version.js';

interface ReplayFlags {
  readonly evaluator: string;
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
      .option('--evaluator <spec>', 'oracle | module:PATH | cmd:COMMAND | iam-simulate | aws', 'oracle')
      .option('--report-dir <dir>', 'where to write the report folder (default reports/out/<time>-replay-<evaluator>)')
      .option('--no-report', 'write no report folder')
      .option('--no-expectations', "ignore the evaluator's known divergences (specs/expectations)")
      .option('--timeout <ms>', 'per-case timeout of cmd: evaluators')
      .action(async (paths: string[], flags: ReplayFlags) => {
        const startedAt = new Date();
        const at = (p: string) => (isAbsolute(p) ? p : resolve(io.cwd, p));
        const show = (p: string) => (isAbsolute(p) ? relative(io.cwd, p) || '.' : p);
        const timeoutMs = parseInteger(flags.timeout, '--timeout', 1);
        const files = await loadVectorFiles(paths.map(at).map(divergencesOf));
        const evaluator = await resolveEvaluator(flags.evaluator, {
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
            replay: (file) => `iam-conformance replay ${shellWord(file)} --evaluator ${shellWord(evaluator.spec)}`,
            displayPath: show,
          });
          const report = buildReport(tally, {
            tool: { name: 'iam-conformance', version: toolVersion() },
            verb: 'replay',
            evaluator,
            startedAt,
            finishedAt: new Date(),
            settings: { files: paths, expectations: flags.expectations },
            excludedFeatures: [],
          });
          for (const f of report.failures) io.stdout(`${failureLine(f)}\n`);
          if (flags.report) {
            const dir = flags.reportDir ?? defaultReportDir('replay', evaluator.name, startedAt);
            await writeReportFolder(report, at(dir));
            io.stdout(`report: ${dir}\n`);
          }
          for (const line of closingLines(tally)) io.stdout(`${line}\n`);
          done(report.failed > 0 ? EXIT.failed : EXIT.ok);
        } finally {
          await evaluator.close();
        }
      });
  },
};
