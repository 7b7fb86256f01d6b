import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadCatalogue } from '../../generators/catalogue.js';
import { expectationsFromFlag } from '../../harness/expectations.js';
import { triage } from '../../harness/triage.js';
import { causeExpectations } from '../../harness/triage-entries.js';
import type { TriageCause } from '../../harness/triage-signature.js';
import { DEFAULT_RUNS, DEFAULT_SEED } from '../../specs/properties/defaults.js';
import { planProperties } from '../../specs/properties/plan.js';
import { chooseEvaluator } from '../choose-evaluator.js';
import type { CliCommand } from '../command.js';
import { EXIT, type CliIo, type ExitCode } from '../io.js';
import { parseInteger } from '../options.js';

interface TriageFlags {
  readonly evaluator?: string;
  readonly seed?: string;
  readonly runs?: string;
  readonly out?: string;
  readonly expectations?: string | boolean;
  readonly timeout?: string;
}

/**
 * `iam-conformance triage --evaluator SPEC`: every cause of an evaluator's divergences in one command —
 * many generated cases, each divergence minimised, clustered by cause, one minimal example per cause with
 * its count and doc link — and an expectations file (one entry per new cause) to review and commit.
 */
export const triageCommand: CliCommand = {
  register(program, io, done) {
    program
      .command('triage')
      .description('Enumerate the causes of an evaluator’s divergences and write an expectations file to review')
      .option('--evaluator <spec>', 'oracle | module:PATH | cmd:COMMAND | iam-simulate (default: iam-simulate)')
      .option('--seed <n>', `seed of the generated cases (default: ${DEFAULT_SEED})`)
      .option('--runs <n>', `generated inputs per property and profile of the default plan (default: ${DEFAULT_RUNS})`)
      .option('--out <file>', 'expectations file to write (default: triage-<evaluator name>.json)')
      .option('--expectations <file>', 'recorded divergences: causes they cover are listed, not written (default: specs/expectations/<name>.json)')
      .option('--no-expectations', 'ignore recorded divergences')
      .option('--timeout <ms>', 'per-case timeout of cmd: and module: evaluators (default: 10000)')
      .action(async (flags: TriageFlags) => done(await triageVerb(flags, io)));
  },
};

async function triageVerb(flags: TriageFlags, io: CliIo): Promise<ExitCode> {
  const seed = parseInteger(flags.seed, '--seed', -(2 ** 31), 2 ** 31 - 1) ?? DEFAULT_SEED;
  const runs = parseInteger(flags.runs, '--runs', 1) ?? DEFAULT_RUNS;
  const timeoutMs = parseInteger(flags.timeout, '--timeout', 1);
  const evaluator = await chooseEvaluator(flags.evaluator, io, timeoutMs !== undefined ? { timeoutMs } : {});
  try {
    const expectations = expectationsFromFlag(flags.expectations, evaluator.name, io.cwd);
    const plan = planProperties({ excluded: evaluator.unsupportedFeatures });
    const result = await triage({ evaluator, plan, seed, runs, catalogue: await loadCatalogue(), expectations });
    io.stdout(`triage ${evaluator.name}: ${result.cases} cases, ${result.agree} agree, ${result.skipped} skipped, ${result.divergences} diverge, ${result.causes.length} cause(s)\n\n`);
    result.causes.forEach((c, i) => io.stdout(causeText(c, i)));
    const entries = causeExpectations(result, evaluator.name);
    const out = resolve(io.cwd, flags.out ?? `triage-${evaluator.name.replace(/[^A-Za-z0-9._-]+/g, '-')}.json`);
    writeFileSync(out, `${JSON.stringify(entries, null, 2)}\n`);
    const covered = result.causes.filter((c) => c.coveredBy !== undefined).length;
    io.stdout(`${entries.length} new cause(s) written to ${out} (review each entry, narrow its match, then commit it)${covered ? `; ${covered} already covered by recorded expectations` : ''}\n`);
    return EXIT.ok;
  } finally {
    await evaluator.close();
  }
}

function causeText(c: TriageCause, i: number): string {
  const pairs = Object.entries(c.pairs).map(([p, n]) => `${p} ×${n}`).join(', ');
  return [
    `## ${i + 1}. ${c.count} × ${c.signature}   [${pairs}]${c.coveredBy ? `   covered by ${c.coveredBy}` : ''}`,
    `  operators: ${c.operators.join(', ') || '—'}`,
    `  doc: ${c.doc}`,
    `  features: ${c.features.join(', ') || '—'}`,
    `  oracle ${c.expected}, evaluator ${c.actual} on:`,
    `  ${JSON.stringify(c.example)}`,
    '',
    '',
  ].join('\n');
}
