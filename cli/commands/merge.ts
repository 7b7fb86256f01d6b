import { resolve } from 'node:path';
import { emptyCounts } from '../../harness/counts.js';
import { mergeShardReports, readShardReport } from '../../harness/merge-reports.js';
import { defaultReportDir, writeReportFolder } from '../../reports/index.js';
import { closingLines } from '../../reports/terminal.js';
import type { CliCommand } from '../command.js';
import { displayPath } from '../finish-run.js';
import { EXIT } from '../io.js';

interface MergeFlags {
  readonly reportDir?: string;
  readonly partial?: boolean;
}

/**
 * `iam-conformance merge DIR…`: the report folders of the shards of one run (`run --shard i/n` in a CI
 * matrix) become one report folder of the whole run. Exits 1 when the merged run has a failure, 2 when
 * the folders are not the shards of one run.
 */
export const mergeCommand: CliCommand = {
  register(program, io, done) {
    program
      .command('merge')
      .description('combine the report folders of the shards of one run (run --shard i/n) into one report folder')
      .argument('<dirs...>', 'the shards’ report folders (--report-dir of each `run --shard i/n`)')
      .option('--report-dir <dir>', 'where to write the merged report folder (default: reports/out/<time>-run-<evaluator>)')
      .option('--partial', 'merge even when some shards of the run are missing')
      .action(async (dirs: string[], flags: MergeFlags) => {
        const show = displayPath(io.cwd);
        const parts = dirs.map((d) => readShardReport(resolve(io.cwd, d), show(d)));
        const report = mergeShardReports(parts, { partial: flags.partial ?? false });
        const dir = resolve(io.cwd, flags.reportDir ?? defaultReportDir(report.verb, report.evaluator.name));
        await writeReportFolder(report, dir);
        io.stdout(`merged ${parts.length} shard report${parts.length === 1 ? '' : 's'} of ${report.evaluator.spec}, seed ${report.seed ?? '(none)'}\n`);
        io.stdout(`report: ${show(dir)}\n`);
        // The unconfirmed vector counts are not in report.json, so the merged closing lines leave them out.
        const expectations = typeof report.settings.expectations === 'string' ? report.settings.expectations : undefined;
        for (const line of closingLines({ totals: report.totals, passed: report.passed, failed: report.failed, unconfirmed: emptyCounts(), entries: [...report.entries] }, expectations)) io.stdout(`${line}\n`);
        done(report.failed > 0 ? EXIT.failed : EXIT.ok);
      });
  },
};
