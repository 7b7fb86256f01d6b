import { isAbsolute, join, resolve } from 'node:path';
import { promoteDivergence, REGRESSIONS_DIR } from '../../reports/promote.js';
import { fileReplay } from '../../harness/replay.js';
import { parseInteger } from '../options.js';
import type { CliCommand } from '../command.js';
import { displayPath } from '../finish-run.js';
import { EXIT } from '../io.js';
import { packageRoot } from '../../harness/package-root.js';

interface PromoteFlags {
  readonly to?: string;
  readonly name?: string;
  readonly evaluator?: string;
  readonly seed?: string;
  readonly keep?: boolean;
}

/** `iam-conformance promote FILE`: a divergence file becomes a regression, replayed by every run. */
export const promoteCommand: CliCommand = {
  register(program, io, done) {
    program
      .command('promote')
      .description('move a divergence file (reports/out/…/divergences/*.json) into the regression corpus')
      .argument('<file>', 'the divergence vector file')
      .option('--to <dir>', `the regression corpus folder (default: the ${REGRESSIONS_DIR} that \`run\` replays)`)
      .option('--name <name>', 'file name in the corpus (default: the divergence file name)')
      .option('--evaluator <spec>', 'record this evaluator when the file names none')
      .option('--seed <n>', 'record this seed when the file has none')
      .option('--keep', 'copy instead of move: leave the divergence file in place')
      .action(async (file: string, flags: PromoteFlags) => {
        const seed = parseInteger(flags.seed, '--seed', Number.MIN_SAFE_INTEGER);
        const at = (p: string) => (isAbsolute(p) ? p : resolve(io.cwd, p));
        const promoted = await promoteDivergence(at(file), {
          // By default the corpus `run` replays: the suite's own, found like its vectors.
          to: flags.to === undefined ? join(packageRoot(), REGRESSIONS_DIR) : at(flags.to),
          ...(flags.name !== undefined ? { name: flags.name } : {}),
          ...(flags.evaluator !== undefined ? { evaluator: flags.evaluator } : {}),
          ...(seed !== undefined ? { seed } : {}),
          ...(flags.keep ? { keep: true } : {}),
        });
        const show = displayPath(io.cwd);
        io.stdout(
          `promoted ${show(promoted.from)} → ${show(promoted.to)} (${promoted.cases} case${promoted.cases === 1 ? '' : 's'})\n`,
        );
        io.stdout(`replay it: ${fileReplay('replay', show(promoted.to), promoted.evaluators[0] ?? 'SPEC')}\n`);
        done(EXIT.ok);
      });
  },
};
