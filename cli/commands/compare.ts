import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resolveEvaluator } from '../../evaluators/index.js';
import { loadCatalogue } from '../../generators/catalogue.js';
import { compareRun, type CompareEntrant } from '../../harness/compare-run.js';
import { buildCorpus } from '../../harness/corpus.js';
import type { Evaluator } from '../../harness/evaluator.js';
import { expectationsFor, NO_EXPECTATIONS } from '../../harness/expectations.js';
import { InputError } from '../../harness/input-error.js';
import { buildMatrix } from '../../harness/matrix.js';
import { packageRoot } from '../../harness/package-root.js';
import { shellQuote } from '../../harness/replay.js';
import { percent } from '../../harness/score.js';
import { loadVectorFiles } from '../../harness/vector-file.js';
import { historyEntries, readHistory, writeHistory } from '../../reports/matrix-history.js';
import { writeMatrixFolder } from '../../reports/matrix-folder.js';
import { DEFAULT_SEED } from '../../specs/properties/defaults.js';
import { defaultPlan } from '../../specs/properties/defaults.js';
import { PROPERTIES } from '../../specs/properties/index.js';
import type { CliCommand } from '../command.js';
import { displayPath } from '../finish-run.js';
import { EXIT, type CliIo, type ExitCode } from '../io.js';
import { parseInteger } from '../options.js';
import { createProgress } from '../progress.js';
import { toolVersion } from '../tool-version.js';

/**
 * Generated inputs per property and profile in `compare` (times the profile's run factor, as in `run`).
 * Chosen so that iam-simulate and the Python example together finish in well under two minutes on a
 * two-core machine (docs/conformance-score.md has the measurement).
 */
export const DEFAULT_COMPARE_RUNS = 100;

/** Always compared: the reference, and the two evaluators that implement nothing. */
const ALWAYS = [
  { spec: 'oracle', role: 'oracle' },
  { spec: 'baseline:allowed', role: 'baseline' },
  { spec: 'baseline:implicitDeny', role: 'baseline' },
] as const;

interface CompareOptions {
  evaluator: string[];
  seed?: string;
  runs?: string;
  reportDir?: string;
  history?: string;
  markdown?: string;
  expectations: boolean;
  timeout?: string;
  quiet?: boolean;
}

export const compareCommand: CliCommand = {
  register(program, io, done) {
    program
      .command('compare')
      .description('Run several evaluators on exactly the same cases and write a conformance matrix (with the oracle and two baselines)')
      .option('--evaluator <spec>', 'an evaluator to compare (repeat the option for several)', (v: string, all: string[]) => [...all, v], [])
      .option('--seed <n>', `seed of the generated corpus (default: ${DEFAULT_SEED})`)
      .option('--runs <n>', `generated inputs per property and profile (default: ${DEFAULT_COMPARE_RUNS})`)
      .option('--report-dir <dir>', 'where to write the matrix folder (default: reports/out/<time>-compare)')
      .option('--history <file>', 'append each evaluator’s score to this JSON-lines file and draw the history in matrix.html')
      .option('--markdown <file>', 'also write the matrix as Markdown to this file (badge links relative to it)')
      .option('--no-expectations', 'ignore recorded divergences: every divergence counts as diverged')
      .option('--timeout <ms>', 'per-case timeout of cmd: and module: evaluators (default: 10000)')
      .option('--quiet', 'no progress output')
      .action(async (opts: CompareOptions) => done(await compareVerb(opts, io)));
  },
};

async function compareVerb(opts: CompareOptions, io: CliIo): Promise<ExitCode> {
  const seed = parseInteger(opts.seed, '--seed', -(2 ** 31), 2 ** 31 - 1) ?? DEFAULT_SEED;
  const runs = parseInteger(opts.runs, '--runs', 1) ?? DEFAULT_COMPARE_RUNS;
  const timeoutMs = parseInteger(opts.timeout, '--timeout', 1);
  const startedAt = new Date();
  const root = packageRoot();
  const show = displayPath(io.cwd);
  const history = opts.history === undefined ? undefined : resolve(io.cwd, opts.history);
  const past = history === undefined ? [] : readHistory(history);

  const specs = [...ALWAYS.map((a) => ({ ...a })), ...opts.evaluator.filter((s) => !ALWAYS.some((a) => a.spec === s.trim())).map((spec) => ({ spec, role: 'tested' as const }))];
  const evaluators: Evaluator[] = [];
  try {
    const entrants: CompareEntrant[] = [];
    for (const { spec, role } of specs) {
      const evaluator = await resolveEvaluator(spec, {
        cwd: io.cwd,
        env: io.env,
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
        onStderr: (t) => io.stderr(t),
      });
      evaluators.push(evaluator);
      if (entrants.some((e) => e.evaluator.name === evaluator.name)) throw new InputError(`--evaluator: "${spec}" is named ${evaluator.name}, like another evaluator of this comparison`);
      entrants.push({ evaluator, role, expectations: opts.expectations && role === 'tested' ? expectationsFor(evaluator.name) : NO_EXPECTATIONS() });
    }
    const existing = (p: string) => (existsSync(p) ? [p] : []);
    const corpus = buildCorpus({
      vectors: await loadVectorFiles(existing(join(root, 'specs', 'vectors'))),
      regressions: await loadVectorFiles(existing(join(root, 'specs', 'regressions'))),
      plan: defaultPlan(PROPERTIES),
      seed,
      runs,
      catalogue: await loadCatalogue(),
      displayPath: show,
    });
    const progress = createProgress(io, { quiet: opts.quiet });
    let current = '';
    const compared = await compareRun({
      corpus,
      entrants,
      onProgress: (name, doneCases, total) => {
        if (name !== current) {
          if (current) progress.stop();
          progress.start(name, total);
          current = name;
        }
        progress.update(doneCases, total);
      },
    });
    progress.stop();
    const tool = { name: 'iam-conformance', version: toolVersion() };
    const command = ['npx', 'iam-conformance', 'compare', ...opts.evaluator.flatMap((e) => ['--evaluator', shellQuote(e)]), '--seed', String(seed), '--runs', String(runs)];
    if (!opts.expectations) command.push('--no-expectations');
    const matrix = buildMatrix(corpus, compared, { tool, generatedAt: startedAt, command: command.join(' ') });
    const lines = history === undefined ? [] : [...past, ...historyEntries(matrix)];
    if (history !== undefined) writeHistory(history, lines);
    const dir = resolve(io.cwd, opts.reportDir ?? join('reports', 'out', `${startedAt.toISOString().replace(/[:.]/g, '-')}-compare`));
    await writeMatrixFolder(matrix, dir, {
      history: lines,
      ...(opts.markdown !== undefined
        ? {
            markdownFile: resolve(io.cwd, opts.markdown),
            regenerate: [
              matrix.command,
              ...(opts.reportDir !== undefined ? ['--report-dir', shellQuote(opts.reportDir)] : []),
              ...(opts.history !== undefined ? ['--history', shellQuote(opts.history)] : []),
              '--markdown',
              shellQuote(opts.markdown),
            ].join(' '),
          }
        : {}),
    });
    io.stdout(`corpus ${matrix.corpus.id}: ${matrix.corpus.items} items, ${matrix.corpus.cases} cases (seed ${seed}, runs ${runs})\n`);
    for (const e of matrix.evaluators) {
      const s = e.score;
      const apart = [
        s.expectedDivergence ? `${s.expectedDivergence} expected divergences` : '',
        s.errored ? `${s.errored} errored` : '',
        s.skipped ? `${s.skipped} skipped` : '',
      ].filter(Boolean);
      io.stdout(`${e.name}: ${percent(s.share)} (${s.agreed}/${s.required} required agreed${apart.length ? `; ${apart.join(', ')}` : ''})\n`);
    }
    io.stdout(`matrix: ${show(dir)}\n`);
    if (history !== undefined) io.stdout(`history: ${show(history)}\n`);
    // The oracle answers the corpus it is the reference for: anything short of 100% is a bug of the suite.
    const oracle = matrix.evaluators.find((e) => e.role === 'oracle');
    if (oracle && oracle.score.agreed !== oracle.score.required) {
      io.stderr(`iam-conformance: the oracle disagrees with ${oracle.score.required - oracle.score.agreed} required case(s) of the corpus: a bug of the suite\n`);
      return EXIT.failed;
    }
    return EXIT.ok;
  } finally {
    for (const e of evaluators) await e.close();
  }
}
