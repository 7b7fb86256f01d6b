import { resolve } from 'node:path';
import { evaluate, isErrorVerdict, type Verdict } from '../../oracle/index.js';
import { readCaseFile } from '../../specs/harness/case-file.js';
import { plainTrace } from '../../specs/harness/print.js';
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
  if (opts.json) {
    // `trace` is computed on first read; spreading reads it, so the JSON carries it.
    io.stdout(`${JSON.stringify({ case: c, verdict: { ...verdict } }, null, 2)}\n`);
    return EXIT.ok;
  }
  io.stdout(`${explain(verdict)}\n`);
  return EXIT.ok;
}

function explain(v: Verdict): string {
  if (isErrorVerdict(v)) return `error ${v.error.code}${v.error.path ? ` at ${v.error.path}` : ''}: ${v.error.message}`;
  const lines = [`decision: ${v.decision}`];
  if (v.missingContextKeys?.length) lines.push(`missing context keys: ${v.missingContextKeys.join(', ')}`);
  if (v.trace?.length) lines.push('trace:', ...plainTrace(v.trace).split('\n').map((l) => `  ${l}`));
  return lines.join('\n');
}
