import { resolve } from 'node:path';
import { resolveEvaluator } from '../../evaluators/index.js';
import { evaluate, explainText, type Case } from '../../oracle/index.js';
import { readCaseFile } from '../../harness/case-file.js';
import { compare, describeResult } from '../../harness/compare.js';
import { parseInteger } from '../options.js';
import type { CliCommand } from '../command.js';
import { EXIT, type CliIo, type ExitCode } from '../io.js';

interface EvalOptions {
  json?: boolean;
  evaluator?: string;
  timeout?: string;
}

export const evalCommand: CliCommand = {
  register(program, io, done) {
    program
      .command('eval')
      .description("Show the oracle's verdict and its reasoning for one case file")
      .argument('<file>', 'JSON {policies, permissionsBoundaries?, request: {action, resource?, context?}}')
      .option('--json', 'print {case, verdict} as JSON instead of text')
      .option('--evaluator <spec>', "also ask this evaluator, and exit 1 if it disagrees with the oracle")
      .option('--timeout <ms>', 'per-case timeout of cmd: and module: evaluators (default: 10000)')
      .action(async (file: string, opts: EvalOptions) => done(await evalVerb(file, opts, io)));
  },
};

async function evalVerb(file: string, opts: EvalOptions, io: CliIo): Promise<ExitCode> {
  const c = await readCaseFile(resolve(io.cwd, file));
  const timeoutMs = parseInteger(opts.timeout, '--timeout', 1);
  const verdict = evaluate(c);
  const other = opts.evaluator === undefined ? undefined : await ask(opts.evaluator, c, io, timeoutMs);
  const outcome = other && compare(verdict, other.result);
  if (opts.json) {
    // The verdict's toJSON carries its trace (computed on first read).
    const evaluator = other && { spec: other.spec, name: other.name, result: other.result, outcome: outcome?.kind };
    io.stdout(`${JSON.stringify({ case: c, verdict, ...(evaluator ? { evaluator } : {}) }, null, 2)}\n`);
  } else {
    io.stdout(`${explainText(verdict)}\n`);
    if (other) io.stdout(`\n${other.name} (${other.spec}): ${describeResult(other.result)} — ${outcome?.kind === 'agree' ? 'agrees' : 'DISAGREES'} with the oracle\n`);
  }
  return outcome && outcome.kind !== 'agree' ? EXIT.failed : EXIT.ok;
}

async function ask(spec: string, c: Case, io: CliIo, timeoutMs: number | undefined) {
  const evaluator = await resolveEvaluator(spec, { cwd: io.cwd, env: io.env, ...(timeoutMs !== undefined ? { timeoutMs } : {}) });
  try {
    const [result = { kind: 'errored', message: 'no result' } as const] = await evaluator.evaluate([c]);
    return { spec: evaluator.spec, name: evaluator.name, result };
  } finally {
    await evaluator.close();
  }
}

