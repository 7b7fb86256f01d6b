/**
 * How every verb ends a run, one way: the report built from the tally, the report folder written (when
 * asked), `report: DIR`, any verb-specific lines, the closing lines, and the exit code.
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Failure } from '../harness/results.js';
import { divergenceReplay } from '../harness/replay.js';
import { buildReport, type ReportMeta } from '../harness/report.js';
import type { RunReport } from '../harness/results.js';
import type { Tally } from '../harness/tally.js';
import { defaultReportDir, DIVERGENCES_DIR, writeReportFolder } from '../reports/index.js';
import { divergenceFileNames } from '../reports/divergence.js';
import { closingLines } from '../reports/terminal.js';
import { closingScreen } from '../reports/closing-screen.js';
import type { ExpectationSet } from '../harness/expectations.js';
import { firedDivergences } from '../harness/fired.js';
import { EXIT, type CliIo, type ExitCode } from './io.js';
import { toolVersion } from './tool-version.js';

export interface FinishRun {
  readonly io: CliIo;
  readonly tally: Tally;
  readonly meta: Omit<ReportMeta, 'tool' | 'finishedAt'>;
  /** `--report-dir` when given; undefined writes to the default folder. */
  readonly reportDir?: string;
  /** `--no-report` clears it. */
  readonly writeReport: boolean;
  /** The expectations file the run read, as shown to the user (named in the closing lines). */
  readonly expectationsFile?: string;
  /** The expectations the run read: their fired entries are reported by cause. */
  readonly expectations?: ExpectationSet;
  /** Lines of the verb's own, printed after the report line and before the closing lines. */
  readonly extraLines?: readonly string[];
  /**
   * The verb's failure lines, printed first; `replayOf` gives each failure's replay command: the short
   * `npx iam-conformance replay <divergence file>` when the report folder was written, else its own.
   */
  readonly failureLines?: (replayOf: (f: Failure) => string) => readonly string[];
}

/** A path as the user can paste it: relative to where they ran the command when inside it, else absolute. */
export function displayPath(cwd: string): (path: string) => string {
  return (path) => {
    const absolute = resolve(cwd, path);
    const r = relative(cwd, absolute);
    return r.startsWith('..') || isAbsolute(r) ? absolute : r || '.';
  };
}

/** Ends a run: writes what was asked, prints the closing lines, and returns the exit code. */
export async function finishRun(f: FinishRun): Promise<{ readonly exit: ExitCode; readonly report: RunReport }> {
  const known = f.expectations ? firedDivergences(f.expectations, f.expectationsFile) : undefined;
  const report = buildReport(f.tally, {
    ...f.meta,
    tool: { name: 'iam-conformance', version: toolVersion() },
    finishedAt: new Date(),
    ...(known ? { knownDivergences: known } : {}),
  });
  let replayOf = (x: Failure): string => x.replay;
  let written: string | undefined;
  if (f.writeReport) {
    const dir = resolve(f.io.cwd, f.reportDir ?? defaultReportDir(f.meta.verb, f.meta.evaluator.name, f.meta.startedAt));
    await writeReportFolder(report, dir);
    written = displayPath(f.io.cwd)(dir);
    const names = divergenceFileNames(report.failures);
    const show = displayPath(f.io.cwd);
    replayOf = (x) => {
      const name = names.get(x);
      return name ? divergenceReplay(show(join(dir, DIVERGENCES_DIR, name))) : x.replay;
    };
  }
  for (const line of f.failureLines?.(replayOf) ?? []) f.io.stdout(`${line}\n`);
  if (written !== undefined) f.io.stdout(`report: ${written}\n`);
  for (const line of f.extraLines ?? []) f.io.stdout(`${line}\n`);
  // `run` is the main job: it ends with the whole story; the other verbs keep to their totals.
  const closing = f.meta.verb === 'run' ? closingScreen(report, f.tally, f.expectationsFile) : closingLines(f.tally, f.expectationsFile);
  for (const line of closing) f.io.stdout(`${line}\n`);
  return { exit: f.tally.failed > 0 ? EXIT.failed : EXIT.ok, report };
}
