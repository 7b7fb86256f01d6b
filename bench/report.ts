import type { EndToEnd } from './end-to-end.js';
import type { SpeedPair } from './evaluator-speed.js';
import type { LivePlan } from './live-plan.js';
import type { Rate } from './measure.js';
import type { MemoryFigures } from './memory.js';
import type { MutantCatch } from './mutants.js';
import type { PlanThroughput, WorkersMemory } from './throughput.js';

/** `bench/results.json`: top-level ratios first (oracle speed over iam-simulate speed), then raw figures. */
export interface BenchResults {
  readonly ratioCold: number;
  readonly ratioWarm: number;
  /** Whole-plan inputs per second with the oracle adapter, every core over one worker (the default plan). */
  readonly workerSpeedup: number;
  /** The same on a long plan (`planLong`), where each thread's JIT warm-up weighs little; absent in older results. */
  readonly workerSpeedupLong?: number;
  /** End-to-end cases per second with the oracle adapter at one worker over the oracle's own cold rate. */
  readonly endToEndOverOracle: number;
  readonly scale: string;
  readonly measuredAt: string;
  readonly machine: { readonly node: string; readonly cpu: string; readonly cores: number; readonly memoryGiB: number };
  readonly workload: { readonly seed: number; readonly cases: number; readonly familyCases: number; readonly policySetsInFamilies: number };
  readonly oracle: SpeedPair;
  readonly iamSimulate: SpeedPair & { readonly version?: string };
  readonly generatorCasesPerSecond: number;
  /** The generator with `--service all` (every service of the catalogue); absent in older results. */
  readonly generatorAllServicesCasesPerSecond?: number;
  readonly endToEnd: readonly EndToEnd[];
  /** The default plan through `run`, per adapter, at one worker and at every core. */
  readonly plan: readonly PlanThroughput[];
  /** A long plan, oracle adapter only, at one worker and at every core; absent in older results. */
  readonly planLong?: readonly PlanThroughput[];
  /** The main job (`run --evaluator iam-simulate`, every suite, its recorded divergences) at one worker and every core; absent in older results. */
  readonly defaultRun?: readonly PlanThroughput[];
  readonly memory: MemoryFigures;
  readonly memoryWithWorkers: WorkersMemory;
  /** Per mutant: inputs and seconds until the default plan catches it. */
  readonly mutants: readonly MutantCatch[];
  readonly wildcard: Rate & { readonly stars: number; readonly length: number; readonly decision: string };
  readonly live: LivePlan;
}

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The results as a plain-text table for the terminal and the README. */
export function resultsTable(r: BenchResults): string {
  const rows: [string, string][] = [
    ['oracle, cold (fresh policy objects)', `${fmt(r.oracle.cold.perSecond)} /s  (${fmt(r.oracle.cold.microsPerOp, 1)} µs)`],
    ['oracle, warm (case families)', `${fmt(r.oracle.warm.perSecond)} /s  (${fmt(r.oracle.warm.microsPerOp, 2)} µs)`],
    ['oracle, recurring (cold cases again)', `${fmt(r.oracle.recurring.perSecond)} /s  (${fmt(r.oracle.recurring.microsPerOp, 2)} µs)`],
    [`iam-simulate ${r.iamSimulate.version ?? ''}, cold`.trim(), `${fmt(r.iamSimulate.cold.perSecond)} /s  (${fmt(r.iamSimulate.cold.microsPerOp, 1)} µs)`],
    [`iam-simulate, warm`, `${fmt(r.iamSimulate.warm.perSecond)} /s  (${fmt(r.iamSimulate.warm.microsPerOp, 1)} µs)`],
    [`iam-simulate, recurring`, `${fmt(r.iamSimulate.recurring.perSecond)} /s  (${fmt(r.iamSimulate.recurring.microsPerOp, 1)} µs)`],
    ['ratio cold (oracle / iam-simulate)', `${fmt(r.ratioCold, 1)}×`],
    ['ratio warm (oracle / iam-simulate)', `${fmt(r.ratioWarm, 1)}×`],
    ['ratio recurring (oracle / iam-simulate)', `${fmt(r.oracle.recurring.perSecond / r.iamSimulate.recurring.perSecond, 1)}×`],
    ['generator (SageMaker)', `${fmt(r.generatorCasesPerSecond)} cases/s`],
    ...(r.generatorAllServicesCasesPerSecond !== undefined
      ? [['generator (--service all)', `${fmt(r.generatorAllServicesCasesPerSecond)} cases/s`] as [string, string]]
      : []),
    ...r.endToEnd.map((e): [string, string] => [
      `run end to end, ${e.evaluator} adapter`,
      `${fmt(e.rate.perSecond)} cases/s` + (e.disagreements ? `  (${e.disagreements} disagreements!)` : ''),
    ]),
    ['run end to end / oracle cold (oracle adapter, 1 worker)', `${fmt(r.endToEndOverOracle * 100, 1)}%`],
    ...r.plan.map((p): [string, string] => [`default plan, ${p.evaluator} adapter, ${p.workers} worker${p.workers === 1 ? '' : 's'}`, `${fmt(p.inputsPerSecond)} inputs/s (${fmt(p.inputs)} in ${fmt(p.seconds, 1)} s)`]),
    ['worker speed-up (oracle adapter, all cores / 1)', `${fmt(r.workerSpeedup, 2)}×`],
    ...(r.planLong ?? []).map((p): [string, string] => [`long plan, ${p.evaluator} adapter, ${p.workers} worker${p.workers === 1 ? '' : 's'}`, `${fmt(p.inputsPerSecond)} inputs/s (${fmt(p.inputs)} in ${fmt(p.seconds, 1)} s)`]),
    ...(r.workerSpeedupLong !== undefined ? [['worker speed-up, long plan', `${fmt(r.workerSpeedupLong, 2)}×`] as [string, string]] : []),
    ...(r.defaultRun ?? []).map((p): [string, string] => [`main job (run, iam-simulate), ${p.workers} worker${p.workers === 1 ? '' : 's'}`, `${fmt(p.seconds, 1)} s (${fmt(p.inputs)} cases, ${fmt(p.inputsPerSecond)}/s)`]),
    [
      `memory, ${fmt(r.memoryWithWorkers.inputs)}-input plan, ${r.memoryWithWorkers.workers} workers`,
      `RSS ${fmt(r.memoryWithWorkers.rssFirstTenthMiB, 1)} (first tenth) → ${fmt(r.memoryWithWorkers.rssLastTenthMiB, 1)} MiB (last tenth), peak ${fmt(r.memoryWithWorkers.rssPeakMiB, 1)} MiB` +
        `; by tenth: ${r.memoryWithWorkers.rssByTenthMiB.map((m) => fmt(m)).join(', ')}`,
    ],
    [
      `memory, ${fmt(r.memory.cases)}-case run`,
      `peak RSS ${fmt(r.memory.peakRssMiB, 1)} MiB, heap ${fmt(r.memory.heapAtTenthMiB, 1)} → ${fmt(r.memory.heapAtEndMiB, 1)} MiB`,
    ],
    [`wildcard, ${fmt(r.wildcard.stars)} stars vs ${fmt(r.wildcard.length)} chars`, `${fmt(r.wildcard.microsPerOp / 1000, 2)} ms per match (${r.wildcard.decision})`],
    ['live plan, default live profile', `${fmt(r.live.decisionsPerCall, 1)} decisions per call (${r.live.calls} calls)`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const head = `iam-conformance bench (${r.scale}), node ${r.machine.node}, ${r.machine.cores} × ${r.machine.cpu}`;
  return [head, ...rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`), '', mutantTable(r.mutants)].join('\n');
}

/** Per mutant, how long the default plan took to catch it (the mutants README's table, with time). */
export function mutantTable(catches: readonly MutantCatch[]): string {
  const rows = catches.map((c) => `| \`${c.mutant}\` | ${c.caught ? `\`${c.caughtBy ?? ''}\`` : '**not caught**'} | ${fmt(c.inputs)} | ${fmt(c.seconds, 2)} |`);
  return ['| mutant | caught by | inputs until caught | seconds until caught |', '|---|---|---|---|', ...rows].join('\n');
}
