import { isAbsolute, join, relative, resolve } from 'node:path';
import { promoteDivergence, REGRESSIONS_DIR } from '../../reports/promote.js';
import { shellWord } from '../../reports/view.js';
import { parseInteger } from '../../specs/harness/options.js';
import type { CliCommand } from '../command.js';
import { EXIT } from '../io.js';
import { packageRoot } from '../package-root.js';

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
        const show = (p: string) => {
          const r = relative(io.cwd, p);
          return r.startsWith('..') ? p : r || '.';
        };
        io.stdout(
          `promoted ${show(promoted.from)} → ${show(promoted.to)} (${promoted.cases} case${promoted.cases === 1 ? '' : 's'})\n`,
        );
        const evaluator = promoted.evaluators[0] === undefined ? 'SPEC' : shellWord(promoted.evaluators[0]);
        io.stdout(`replay it: iam-conformance replay ${shellWord(show(promoted.to))} --evaluator ${evaluator}\n`);
        done(EXIT.ok);
      });
  },
};
