import { withCause, type Cause } from './cause.js';
import { createHash } from 'node:crypto';
import type { Evaluator, EvaluatorResult } from './evaluator.js';
import { isErrorVerdict, type Case, type Feature, type Verdict } from '../oracle/types.js';
import { compare, expectedVerdict } from './compare.js';
import { NO_EXPECTATIONS, type ExpectationSet } from './expectations.js';
import { caseFeatures } from './features.js';
import { InputError } from './input-error.js';
import type { CaseOrigin, Failure, Outcome } from './results.js';
import { Tally } from './tally.js';
import { serviceOf } from './service-counts.js';
import { groupCases, type VectorFile, type VectorGroup } from './vector-file.js';

export interface VectorRunOptions {
  /** `vectors` (known answers) or `regressions` (shrunk counterexamples, same format). */
  readonly suite: 'vectors' | 'regressions';
  readonly evaluator: Evaluator;
  readonly expectations?: ExpectationSet;
  /** Only cases with at least one of these features run; the rest are left out (not counted). */
  readonly features?: readonly Feature[];
  /** Cases with any of these features are skipped, the reason named. */
  readonly excludeFeatures?: readonly Feature[];
  /** Cases per `evaluate` call. @defaultValue 64 */
  readonly batchSize?: number;
  /** The oracle, for the trace shown beside a failure. */
  readonly oracle?: (c: Case) => Verdict;
  /** The command that replays a file's failures. */
  readonly replay: (file: string) => string;
  /** How files are shown in titles and origins (e.g. relative to the working directory). */
  readonly displayPath?: (file: string) => string;
  readonly onProgress?: (done: number, total: number) => void;
}

interface Planned {
  readonly file: string;
  readonly group: VectorGroup;
  readonly groupIndex: number;
  readonly caseIndex: number;
  readonly description: string;
  readonly case: Case;
  readonly expected: Verdict;
  readonly features: Feature[];
  readonly skip?: string;
}

/** Runs vector (or regression) files through an evaluator in batches and tallies the outcomes. */
export async function runVectorFiles(files: readonly VectorFile[], options: VectorRunOptions): Promise<Tally> {
  const expectations = options.expectations ?? NO_EXPECTATIONS();
  const show = options.displayPath ?? ((f: string) => f);
  const planned = plan(files, options);
  const toRun = planned.filter((p) => !p.skip);
  const results = new Map<Planned, EvaluatorResult>();
  // Time is measured per batch and shared among its cases, so each group gets its part.
  const millis = new Map<Planned, number>();
  const size = Math.max(1, options.batchSize ?? 64);
  options.onProgress?.(0, planned.length);
  for (let i = 0; i < toRun.length; i += size) {
    const batch = toRun.slice(i, i + size);
    const started = performance.now();
    const answers = await evaluateBatch(options.evaluator, batch.map((p) => p.case));
    const share = (performance.now() - started) / batch.length;
    batch.forEach((p, j) => {
      results.set(p, answers[j] ?? { kind: 'errored', message: 'the evaluator returned too few results' });
      millis.set(p, share);
    });
    options.onProgress?.(planned.length - toRun.length + Math.min(i + size, toRun.length), planned.length);
  }

  const tally = new Tally();
  for (const p of planned) {
    const actual = results.get(p);
    const outcome: Outcome =
      p.skip !== undefined || !actual
        ? { kind: 'skipped', reason: p.skip ?? 'not run' }
        : expectations.apply(compare(p.expected, actual), p.case, p.features);
    const required = options.suite === 'regressions' || p.group.unconfirmed !== true;
    const failure = (outcome.kind === 'diverge' || outcome.kind === 'errored') && actual ? toFailure(p, actual, required, options, show) : undefined;
    const entry = { key: `${p.file}\u0000${p.groupIndex}`, suite: options.suite, name: p.group.description, file: show(p.file), source: p.group.source };
    // A divergence is blamed on the features that decided it, not on everything the case carries.
    tally.recordCase(entry, outcome.kind, failure?.cause.features ?? p.features, required, failure, millis.get(p), serviceOf(p.case));
  }
  tally.closeEntries();
  return tally;
}

/** An evaluator that throws fails its batch, not the run (bad input excepted: that stops the run). */
export async function evaluateBatch(evaluator: Evaluator, cases: readonly Case[]): Promise<readonly EvaluatorResult[]> {
  try {
    return await evaluator.evaluate(cases);
  } catch (err) {
    if (err instanceof InputError) throw err;
    const message = `evaluate failed for the whole batch: ${err instanceof Error ? err.message : String(err)}`;
    return cases.map(() => ({ kind: 'errored', message }));
  }
}

function plan(files: readonly VectorFile[], options: VectorRunOptions): Planned[] {
  const out: Planned[] = [];
  for (const vf of files) {
    vf.groups.forEach((group, groupIndex) => {
      groupCases(group).forEach((gc, caseIndex) => {
        const features = [...new Set([...group.features, ...caseFeatures(gc.case)])].sort();
        if (options.features?.length && !features.some((f) => options.features?.includes(f))) return;
        const skip = skipReason(features, options);
        out.push({
          file: vf.file,
          group,
          groupIndex,
          caseIndex,
          description: gc.description,
          case: gc.case,
          expected: expectedVerdict(gc.expected),
          features,
          ...(skip ? { skip } : {}),
        });
      });
    });
  }
  return out;
}

/** Why a case is not run: the evaluator declares a feature unsupported, or the user excluded it. */
export function skipReason(features: readonly Feature[], options: Pick<VectorRunOptions, 'evaluator' | 'excludeFeatures'>): string | undefined {
  const unsupported = features.filter((f) => options.evaluator.unsupportedFeatures.includes(f));
  if (unsupported.length) return `${options.evaluator.name} does not support ${unsupported.join(', ')}`;
  const excluded = features.filter((f) => options.excludeFeatures?.includes(f));
  if (excluded.length) return `excluded by --exclude-features: ${excluded.join(', ')}`;
  return undefined;
}

function toFailure(p: Planned, actual: EvaluatorResult, required: boolean, options: VectorRunOptions, show: (f: string) => string): Failure & { readonly cause: Cause } {
  const file = show(p.file);
  const origin: CaseOrigin =
    options.suite === 'regressions'
      ? { kind: 'regression', file, group: p.group.description, case: p.description }
      : { kind: 'vector', file, group: p.group.description, case: p.description, source: p.group.source, unconfirmed: !required };
  const oracle = options.oracle?.(p.case);
  const id = createHash('sha256').update(`${options.suite}\n${file}\n${p.groupIndex}\n${p.caseIndex}`).digest('hex').slice(0, 12);
  return withCause({
    id: `${options.suite === 'regressions' ? 'regression' : 'vector'}-${id}`,
    suite: options.suite,
    title: `${file} › ${p.group.description} › ${p.description}`,
    origin,
    case: p.case,
    features: p.features,
    expected: p.expected,
    actual,
    ...(oracle && !isErrorVerdict(oracle) && oracle.trace ? { oracleTrace: oracle.trace } : {}),
    replay: options.replay(file),
    required,
  });
}
