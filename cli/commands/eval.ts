import { resolve } from 'node:path';
import { evaluate, explainText } from '../../oracle/index.js';
import { readCaseFile } from '../../specs/harness/case-file.js';
import type { CliCommand } from '../command.js';
import { EXIT, type CliIo, type ExitCode } from '../io.js';

export const evalCommand: CliCommand = {
  register(program, io, done) {
    program
      .command('eval')
      .description("Show the oracle's verdict and its reasoning for one case file")
      .argument('<file>', 'JSON {policies, permissionsBoundaries?, request: {action, resource?, context?}}')
      .option('--json', 'print {case, verdict} as JSON instead of text')
      .action(async (file: string, opts: { json?: boolean }) => done(await evalVerb(file, opts, io)));
  },
};

async function evalVerb(file: string, opts: { json?: boolean }, io: CliIo): Promise<ExitCode> {
  const c = await readCaseFile(resolve(io.cwd, file));
  const verdict = evaluate(c);
  // The verdict's toJSON carries its trace (computed on first read).
  io.stdout(opts.json ? `${JSON.stringify({ case: c, verdict }, null, 2)}\n` : `${explainText(verdict)}\n`);
  return EXIT.ok;
}
