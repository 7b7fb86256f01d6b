/**
 * `npm run bench`: every figure of issue 7 measured in one run on one workload, printed as a table and
 * written to bench/results.json. `--smoke` runs everything tiny (the unit test does), `--out FILE`
 * writes elsewhere.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../harness/package-root.js';
import { loadCatalogue } from '../generators/catalogue.js';
import { endToEnd } from './end-to-end.js';
import { iamSimulateContender, oracleContender, speedPairs } from './evaluator-speed.js';
import { generatorSpeed } from './generator-speed.js';
import { livePlan } from './live-plan.js';
import { memoryRun } from './memory.js';
import { mutantCatches, mutantNames } from './mutants.js';
import { defaultRunTimes, memoryWithWorkers, planThroughput, workerSpeedup } from './throughput.js';
import { resultsTable, type BenchResults } from './report.js';
import { SCALES } from './scale.js';
import { measureWildcard } from './wildcard.js';
import { BENCH_SEED, benchCases, benchFamilyCases } from './workload.js';

export async function runBench(argv: readonly string[], log: (line: string) => void = console.log): Promise<BenchResults> {
  const { values } = parseArgs({
    args: [...argv],
    options: { smoke: { type: 'boolean', default: false }, out: { type: 'string' } },
  });
  const scale = SCALES[values.smoke ? 'smoke' : 'full'];
  const catalogue = await loadCatalogue();
  const cases = benchCases(catalogue, scale.cases);
  const families = benchFamilyCases(catalogue, scale.cases);
  log(`workload: ${cases.length} cases and ${families.length} cases in families, seed ${BENCH_SEED}`);

  log('oracle and iam-simulate, side by side…');
  const simulator = await iamSimulateContender();
  const [oracle, simulated] = await speedPairs({ cases, families }, [oracleContender, simulator], scale.minSeconds);
  const iamSimulate = { ...simulated!, ...(simulator.version !== undefined ? { version: simulator.version } : {}) };
  log('generator…');
  const generator = generatorSpeed(catalogue, scale.minSeconds);
  log('generator, --service all…');
  const generatorAll = generatorSpeed(await loadCatalogue('all'), scale.minSeconds, undefined, 'all');
  log('end to end (oracle, module, cmd)…');
  const e2e = await endToEnd(catalogue, scale.endToEndRuns);
  log(`default plan through run, --runs ${scale.planRuns}, 1 worker and all cores (oracle, module, cmd)…`);
  // The smoke run starts workers once per kind of run only: under vitest each compiles the sources anew.
  const plan = await planThroughput(scale.planRuns, (adapter) => scale.name === 'full' || adapter === 'oracle');
  log(`a long plan, --runs ${scale.longPlanRuns}, oracle adapter, 1 worker and all cores…`);
  const planLong = await planThroughput(scale.longPlanRuns, () => true, ['oracle']);
  log(`the main job, run --evaluator iam-simulate --runs ${scale.defaultRunRuns}, 1 worker and all cores…`);
  const defaultRun = await defaultRunTimes(scale.defaultRunRuns);
  log(`memory of a long run on every core (--runs ${scale.memoryPlanRuns})…`);
  const workersMemory = await memoryWithWorkers(scale.memoryPlanRuns);
  log('mutants: inputs and seconds until caught…');
  const mutants = await mutantCatches(catalogue, mutantNames().slice(0, scale.mutants));
  log(`memory (${scale.memoryCases} cases)…`);
  const memory = await memoryRun(catalogue, scale.memoryCases);
  log('wildcard…');
  const wildcard = {
    ...measureWildcard(scale.minSeconds, scale.wildcardStars, scale.wildcardLength),
    stars: scale.wildcardStars,
    length: scale.wildcardLength,
  };
  log('live plan…');
  const live = livePlan(catalogue, scale.liveFamilies);

  const results: BenchResults = {
    ratioCold: oracle!.cold.perSecond / iamSimulate.cold.perSecond,
    ratioWarm: oracle!.warm.perSecond / iamSimulate.warm.perSecond,
    workerSpeedup: workerSpeedup(plan),
    workerSpeedupLong: workerSpeedup(planLong),
    endToEndOverOracle: (e2e.find((e) => e.evaluator === 'oracle')?.rate.perSecond ?? 0) / oracle!.cold.perSecond,
    scale: scale.name,
    measuredAt: new Date().toISOString(),
    machine: {
      node: process.version,
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
    },
    workload: { seed: BENCH_SEED, cases: cases.length, familyCases: families.length, policySetsInFamilies: new Set(families.map((c) => c.policies)).size },
    oracle: oracle!,
    iamSimulate,
    generatorCasesPerSecond: generator.perSecond,
    generatorAllServicesCasesPerSecond: generatorAll.perSecond,
    endToEnd: e2e,
    plan,
    planLong,
    defaultRun,
    memory,
    memoryWithWorkers: workersMemory,
    mutants,
    wildcard,
    live,
  };
  const out = values.out ?? join(packageRoot(), 'bench', 'results.json');
  writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  log('');
  log(resultsTable(results));
  log(`\nwritten to ${out}`);
  return results;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly) {
  await runBench(process.argv.slice(2));
}
