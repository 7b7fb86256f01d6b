import { join } from 'node:path';
import { evaluate, explainText } from '../../oracle/index.js';
import { DEFAULT_RUNS, DEFAULT_SEED } from '../../specs/properties/defaults.js';
import { chooseEvaluator } from '../choose-evaluator.js';
import { expectationsFromFlag } from '../../harness/expectations.js';
import { InputError } from '../../harness/input-error.js';
import { causeLines, failureDetails } from '../../reports/terminal.js';
import { parseFeatureList, parseInteger, parseServiceOption } from '../options.js';
import { DEFAULT_SERVICES, serviceSelectionText } from '../../generators/services.js';
import { createProgress } from '../progress.js';
import type { Failure } from '../../harness/results.js';
import { RUN_SUITES, runSuites, type RunSuite } from '../../harness/run-suites.js';
import { parseShard, shardRuns } from '../../harness/shard.js';
import type { CliCommand } from '../command.js';
import { displayPath, finishRun } from '../finish-run.js';
import { planProperties } from '../../specs/properties/plan.js';
import type { CliIo, ExitCode } from '../io.js';
import { packageRoot } from '../../harness/package-root.js';
import { preflight } from '../../harness/preflight.js';
import { watchErrors } from '../../harness/error-watch.js';
import { parseWorkers, workerDispatcher } from '../workers.js';

interface RunOptions {
  evaluator?: string;
  seed?: string;
  runs?: string;
  suite?: string;
  property?: string;
  path?: string;
  profile?: string;
  service?: string;
  features?: string;
  excludeFeatures?: string;
  reportDir?: string;
  report: boolean;
  expectations?: string | boolean;
  shard?: string;
  timeout?: string;
  quiet?: boolean;
  workers?: string;
}

export const runCommand: CliCommand = {
  register(program, io, done) {
    program
      .command('run')
      .description('Run regressions, known-answer vectors and generated properties against an evaluator')
      .option('--evaluator <spec>', 'oracle | module:PATH | cmd:COMMAND | iam-simulate | aws (default: iam-simulate)')
      .option('--seed <n>', `seed of the generated cases (default: ${DEFAULT_SEED})`)
      .option('--runs <n>', `generated inputs per property and profile (default: ${DEFAULT_RUNS})`)
      .option('--suite <list>', `comma-separated, of ${RUN_SUITES.join(', ')} (default: all; only properties with --property)`)
      .option('--property <name>', 'run only this property')
      .option('--path <path>', 'fast-check replay path of a counterexample (with --seed and --property)')
      .option('--profile <name>', 'generate with this profile only (default: each property’s default profiles)')
      .option('--service <list>', `service prefixes to generate for, comma-separated, or all (default: ${DEFAULT_SERVICES.join(',')}; \`iam-conformance services\` lists them)`)
      .option('--features <list>', 'only vector and regression cases with one of these features')
      .option('--exclude-features <list>', 'skip these features in vectors and never generate them')
      .option('--report-dir <dir>', 'where to write the report folder (default: reports/out/<time>-run-<evaluator>)')
      .option('--no-report', 'write no report folder')
      .option('--expectations <file>', 'known divergences (default: specs/expectations/<evaluator name>.json)')
      .option('--no-expectations', 'ignore recorded divergences: every divergence fails')
      .option('--shard <i/n>', 'run part i of n (vector files split, properties seeded apart) for a CI matrix')
      .option('--timeout <ms>', 'per-case timeout of cmd: and module: evaluators (default: 10000)')
      .option('--workers <n>', 'worker threads running property runs in parallel, same report at any count (default: the machine’s cores from 2,000 generated inputs, else 1)')
      .option('--quiet', 'no progress output')
      .action(async (opts: RunOptions) => done(await runVerb(opts, io)));
  },
};

async function runVerb(opts: RunOptions, io: CliIo): Promise<ExitCode> {
  const seed = parseInteger(opts.seed, '--seed', -(2 ** 31), 2 ** 31 - 1) ?? DEFAULT_SEED;
  const runs = parseInteger(opts.runs, '--runs', 1) ?? DEFAULT_RUNS;
  const timeoutMs = parseInteger(opts.timeout, '--timeout', 1);
  const features = parseFeatureList(opts.features, '--features');
  const excludeFeatures = parseFeatureList(opts.excludeFeatures, '--exclude-features');
  const shard = parseShard(opts.shard);
  const suites = parseSuites(opts.suite, opts.property !== undefined);
  const service = await parseServiceOption(opts.service);
  if (opts.path !== undefined && opts.property === undefined) {
    throw new InputError('--path replays one counterexample and needs --property (and the --seed it was found with)');
  }
  const root = packageRoot();
  const startedAt = new Date();
  const chosen = await chooseEvaluator(opts.evaluator, io, timeoutMs !== undefined ? { timeoutMs } : {});
  try {
    await preflight(chosen, timeoutMs);
    const { evaluator } = watchErrors(chosen, (line) => io.stderr(`iam-conformance: ${line}\n`));
    const expectations = expectationsFromFlag(opts.expectations, evaluator.name, io.cwd);
    const show = displayPath(io.cwd);
    const excluded = [...new Set([...evaluator.unsupportedFeatures, ...excludeFeatures])];
    // Names are checked before the other suites spend any time.
    const selection = {
      ...(opts.property !== undefined ? { property: opts.property } : {}),
      ...(opts.profile !== undefined ? { profile: opts.profile } : {}),
      ...(opts.path !== undefined ? { path: opts.path } : {}),
      excluded,
      ...(service !== undefined ? { service } : {}),
    };
    const plan = suites.includes('properties') ? planProperties(selection) : [];
    const plannedInputs = plan.reduce((n, p) => n + shardRuns(runs, shard) * p.runsFactor, 0);
    const dispatch = workerDispatcher(parseWorkers(opts.workers, plannedInputs), {
      evaluatorSpec: evaluator.spec,
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      expectations,
      cwd: io.cwd,
      selection,
      excludeFeatures,
      plan,
    });
    const printed: Failure[] = [];
    const tally = await runSuites({
      evaluator,
      suites,
      seed,
      runs,
      plan,
      ...(opts.path !== undefined ? { path: opts.path } : {}),
      features,
      excludeFeatures,
      shard,
      expectations,
      vectorPaths: [join(root, 'specs', 'vectors')],
      regressionPaths: [join(root, 'specs', 'regressions')],
      progress: createProgress(io, { quiet: opts.quiet }),
      displayPath: show,
      onFailure: (f) => printed.push(f),
      ...(dispatch !== undefined ? { dispatch } : {}),
    });
    // Vector failures are many: one line per cause with its smallest case. Regressions and properties get the
    // whole story: the shrunk case, both verdicts, the oracle's reasoning and the replay command.
    const explain = (f: Failure) => explainText(evaluate(f.case));
    const { exit } = await finishRun({
      failureLines: (replayOf) => [
        ...causeLines(printed.filter((f) => f.suite === 'vectors'), replayOf),
        ...printed.filter((f) => f.suite !== 'vectors').map((f) => failureDetails(f, explain, replayOf(f))),
      ],
      io,
      tally,
      writeReport: opts.report,
      ...(opts.reportDir !== undefined ? { reportDir: opts.reportDir } : {}),
      ...(expectations.file ? { expectationsFile: show(expectations.file) } : {}),
      expectations,
      meta: {
        verb: 'run',
        evaluator,
        startedAt,
        seed,
        settings: {
          suites,
          runs,
          ...(opts.property !== undefined ? { property: opts.property } : {}),
          ...(opts.path !== undefined ? { path: opts.path } : {}),
          ...(opts.profile !== undefined ? { profile: opts.profile } : {}),
          service: serviceSelectionText(service ?? DEFAULT_SERVICES),
          ...(features.length ? { features } : {}),
          shard: `${shard.index}/${shard.count}`,
          ...(expectations.file ? { expectations: show(expectations.file), expectationHits: expectations.hitsRecord() } : {}),
          ...(evaluator.spec.startsWith('cmd:') ? { timeoutMs: timeoutMs ?? 10_000 } : {}),
        },
        excludedFeatures: excluded,
      },
    });
    return exit;
  } finally {
    await chosen.close();
  }
}

function parseSuites(value: string | undefined, propertyNamed: boolean): RunSuite[] {
  if (value === undefined) return propertyNamed ? ['properties'] : [...RUN_SUITES];
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const n of names) {
    if (!(RUN_SUITES as readonly string[]).includes(n)) {
      const hint = n === 'live' ? ' (AWS itself: use `iam-conformance live`)' : '';
      throw new InputError(`--suite: unknown suite "${n}"${hint}; suites are: ${RUN_SUITES.join(', ')}`);
    }
  }
  // Always in the run's own order, whatever order they were named in.
  return RUN_SUITES.filter((s) => names.includes(s));
}
