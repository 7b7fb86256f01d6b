/** Option parsing and case collection for `iam-conformance live`. */
import { join, resolve } from 'node:path';
import { loadCatalogue } from '../../generators/catalogue.js';
import { parseApi, readCheckpointHeader, type SimulateApi } from '../../evaluators/aws/index.js';
import { InputError } from '../../harness/input-error.js';
import { parseInteger, parseServiceOption } from '../options.js';
import { DEFAULT_SERVICES, parseServiceSelection, serviceSelectionText, type ServiceSelection } from '../../generators/services.js';
import { loadVectorFiles } from '../../harness/vector-file.js';
import { generateFamilies } from '../../generators/case-family.js';
import { familyItems, vectorItems, type LiveItem } from '../../harness/live/live-cases.js';

export interface LiveCliOptions {
  suite?: string;
  vectors?: string[];
  runs?: string;
  seed?: string;
  maxCalls?: string;
  resume?: boolean;
  checkpoint?: string;
  dryRun?: boolean;
  record?: string;
  reportDir?: string;
  /** False with --no-report. */
  report: boolean;
  api?: string;
  service?: string;
  quiet?: boolean;
  /** Accepted like `run --workers`; live stays in one thread (docs/live.md, "Cost and rate"). */
  workers?: string;
}

export interface LivePlan {
  readonly suites: readonly ('vectors' | 'properties')[];
  readonly vectorPaths: readonly string[];
  readonly runs: number;
  readonly seed: number;
  readonly maxCalls?: number;
  readonly api?: SimulateApi;
  readonly checkpointPath: string;
  readonly resume: boolean;
  /** `--service`: the services generated families draw from (default: DEFAULT_SERVICES). */
  readonly service?: ServiceSelection;
}

/** Generated families per run unless `--runs` says otherwise (25 actions each: one call per family). */
export const DEFAULT_LIVE_RUNS = 20;
export const DEFAULT_CHECKPOINT = join('.iam-conformance', 'live-checkpoint.jsonl');

/** Today's UTC date as a number (20261128): a new seed each night, printed so any run can be replayed. */
export const dailySeed = (d = new Date()): number => Number(d.toISOString().slice(0, 10).replace(/-/g, ''));

export function parseLiveOptions(opts: LiveCliOptions, cwd: string, env: Readonly<Record<string, string | undefined>>, shippedVectors: string): LivePlan {
  const suites = (opts.suite ?? 'vectors,properties').split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of suites) {
    if (s !== 'vectors' && s !== 'properties') throw new InputError(`--suite: unknown suite "${s}"; live runs vectors and/or properties`);
  }
  const checkpointPath = resolve(cwd, opts.checkpoint ?? env.IAM_CONFORMANCE_CHECKPOINT ?? DEFAULT_CHECKPOINT);
  const resume = opts.resume === true;
  // On --resume the seed comes from the checkpoint, so the same families are regenerated.
  const stored = resume ? readCheckpointHeader(checkpointPath) : undefined;
  const seed = parseInteger(opts.seed, '--seed', 0) ?? (typeof stored?.seed === 'number' ? stored.seed : dailySeed());
  const runs = parseInteger(opts.runs, '--runs', 0, 100_000) ?? (typeof stored?.runs === 'number' ? stored.runs : DEFAULT_LIVE_RUNS);
  const maxCalls = parseInteger(opts.maxCalls, '--max-calls', 1);
  const service = parseServiceSelection(opts.service);
  if (opts.service !== undefined && service === undefined) throw new InputError('--service: expected service prefixes (e.g. s3,iam) or all');
  return {
    ...(service !== undefined ? { service } : {}),
    suites: suites as ('vectors' | 'properties')[],
    vectorPaths: opts.vectors?.length ? opts.vectors.map((p) => resolve(cwd, p)) : [shippedVectors],
    runs,
    seed,
    ...(maxCalls !== undefined ? { maxCalls } : {}),
    ...(opts.api !== undefined ? { api: parseApi(opts.api, '--api') } : {}),
    checkpointPath,
    resume,
  };
}

/** Unconfirmed vectors, then the other vectors, then generated families. */
export async function collectItems(plan: LivePlan, cwd: string): Promise<LiveItem[]> {
  const items: LiveItem[] = [];
  if (plan.suites.includes('vectors')) items.push(...vectorItems(await loadVectorFiles(plan.vectorPaths), cwd));
  if (plan.suites.includes('properties') && plan.runs > 0) {
    const service = plan.service ?? DEFAULT_SERVICES;
    await parseServiceOption(serviceSelectionText(service));
    items.push(...familyItems(generateFamilies(await loadCatalogue(service), plan.seed, plan.runs, service), plan.seed, plan.runs));
  }
  return items;
}
