/**
 * Runs live items through AWS and compares each answer with the oracle and, for vectors, with the
 * vector's expected answer. AWS is the evaluator under test here and also the arbiter: a disagreement
 * with the vector means the vector (or the docs) is wrong; with the oracle, the oracle is.
 */
import { withCause } from '../cause.js';
import type { Evaluator, EvaluatorResult } from '../evaluator.js';
import { isErrorVerdict, type Case, type Verdict } from '../../oracle/types.js';
import { compare, describeResult } from '../compare.js';
import { NO_EXPECTATIONS, type ExpectationSet } from '../expectations.js';
import type { Failure, Outcome } from '../results.js';
import { Tally } from '../tally.js';
import { serviceOf } from '../service-counts.js';
import { chunkByEntry, type LiveItem } from './live-cases.js';

export interface LiveRunOptions {
  readonly oracle: (c: Case) => Verdict;
  readonly expectations?: ExpectationSet;
  /** Cases per `evaluate` call (whole entries are kept together). @defaultValue 500 */
  readonly chunk?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface LiveRun {
  readonly tally: Tally;
  readonly answers: ReadonlyMap<LiveItem, EvaluatorResult>;
}

/** The outcome of one AWS answer against the vector (first) and the oracle. */
export function judge(item: LiveItem, aws: EvaluatorResult, oracle: Verdict): { outcome: Outcome; against: 'vector' | 'oracle' } {
  if (aws.kind === 'skipped') return { outcome: { kind: 'skipped', reason: aws.reason }, against: 'oracle' };
  if (item.vectorExpected) {
    const vs = compare(item.vectorExpected, aws);
    if (vs.kind !== 'agree') return { outcome: vs, against: 'vector' };
  }
  return { outcome: compare(oracle, aws), against: 'oracle' };
}

export async function runLive(items: readonly LiveItem[], evaluator: Evaluator, options: LiveRunOptions): Promise<LiveRun> {
  const answers = new Map<LiveItem, EvaluatorResult>();
  let done = 0;
  options.onProgress?.(0, items.length);
  for (const chunk of chunkByEntry(items, options.chunk ?? 500)) {
    const results = await evaluator.evaluate(chunk.map((i) => i.case));
    chunk.forEach((item, j) => answers.set(item, results[j] ?? { kind: 'errored', message: 'no answer' }));
    done += chunk.length;
    options.onProgress?.(done, items.length);
  }
  const expectations = options.expectations ?? NO_EXPECTATIONS();
  const tally = new Tally();
  for (const item of items) {
    const aws = answers.get(item) as EvaluatorResult;
    const oracle = options.oracle(item.case);
    const judged = judge(item, aws, oracle);
    const outcome = expectations.apply(judged.outcome, item.case, item.features);
    const failure =
      outcome.kind === 'diverge' || outcome.kind === 'errored'
        ? withCause(toFailure(item, aws, judged.against === 'vector' && item.vectorExpected ? item.vectorExpected : oracle, oracle, judged.against))
        : undefined;
    // A divergence is blamed on the features that decided it, not on everything the case carries.
    tally.recordCase({ key: item.entry, suite: 'live', name: item.entry }, outcome.kind, failure?.cause.features ?? item.features, item.required, failure, 0, serviceOf(item.case));
  }
  tally.closeEntries();
  return { tally, answers };
}

function toFailure(item: LiveItem, aws: EvaluatorResult, expected: Verdict, oracle: Verdict, against: 'vector' | 'oracle'): Failure {
  const what = aws.kind === 'errored' ? 'AWS errored' : against === 'vector' ? 'AWS disagrees with the vector' : 'AWS disagrees with the oracle';
  return {
    id: item.id,
    suite: 'live',
    // The title says it all (failure lines print live titles as they are).
    title: `${item.entry} › ${item.description} (${what}): expected ${describeResult(expected)}, got ${describeResult(aws)}`,
    origin: item.origin,
    case: item.case,
    features: item.features,
    expected,
    actual: aws,
    ...(!isErrorVerdict(oracle) && oracle.trace ? { oracleTrace: oracle.trace } : {}),
    replay: item.replay,
    required: item.required,
  };
}
