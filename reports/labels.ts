import type { EvaluatorResult } from '../harness/evaluator.js';
import type { CaseOrigin, Counts, Failure, RunReport } from '../harness/results.js';
import { isErrorVerdict, type Decision, type Verdict } from '../oracle/types.js';

/** The words a reader sees for the columns of every counts table, in column order. */
export const COUNT_COLUMNS = [
  ['agree', 'agree'],
  ['diverge', 'diverge'],
  ['expectedDivergence', 'expected'],
  ['skipped', 'skipped'],
  ['errored', 'errored'],
] as const satisfies readonly (readonly [keyof Counts, string])[];

/** Share of the cases with an answer that agreed outright (expected divergences are not agreement). */
export const agreeShare = (c: Counts): string => {
  const answered = c.agree + c.diverge + c.expectedDivergence + c.errored;
  return answered === 0 ? '—' : `${Math.floor((100 * c.agree) / answered)}%`;
};

/** What a vector file says about a verdict: its decision, or `error` for a rejected policy. */
export const expectedOf = (v: Verdict): Decision | 'error' => (isErrorVerdict(v) ? 'error' : v.decision);

/** One word for a verdict: the decision, or `error (Code)`. */
export const verdictLabel = (v: Verdict): string => (isErrorVerdict(v) ? `error (${v.error.code})` : v.decision);

/** One word for what an evaluator answered, including its failure to answer. */
export const resultLabel = (r: EvaluatorResult): string =>
  r.kind === 'errored' ? 'evaluator error' : r.kind === 'skipped' ? 'skipped' : verdictLabel(r.verdict);

/** The verdict with its evidence in one line: error message and path, missing keys. */
export function verdictDetail(v: Verdict): string {
  if (isErrorVerdict(v)) {
    const at = v.error.path ? ` at ${v.error.path}` : '';
    return `error ${v.error.code}${at}: ${v.error.message}`;
  }
  const missing = v.missingContextKeys?.length ? ` (missing context keys: ${v.missingContextKeys.join(', ')})` : '';
  return `${v.decision}${missing}`;
}

export const resultDetail = (r: EvaluatorResult): string =>
  r.kind === 'errored' ? `evaluator error: ${r.message}` : r.kind === 'skipped' ? `skipped: ${r.reason}` : verdictDetail(r.verdict);

/** Where a case came from, in words. */
export function originLabel(o: CaseOrigin): string {
  switch (o.kind) {
    case 'vector':
      return `vector ${o.file} › ${o.group} › ${o.case}${o.unconfirmed ? ' (unconfirmed)' : ''}`;
    case 'regression':
      return `regression ${o.file} › ${o.group} › ${o.case}`;
    case 'property':
      return `property ${o.property} (profile ${o.profile}, seed ${o.seed}${o.path ? `, path ${o.path}` : ''})`;
    case 'live':
      return `live ${o.group} › ${o.case}`;
  }
}

/** Whether this failure fails the run (unconfirmed vectors are reported, not required). */
export const failureKind = (f: Failure): string =>
  !f.required ? 'unconfirmed' : f.actual.kind === 'errored' ? 'errored' : 'divergence';

export const outcomeWord = (r: RunReport): 'PASSED' | 'FAILED' => (r.failed > 0 ? 'FAILED' : 'PASSED');

export const evaluatorLabel = (r: RunReport): string =>
  `${r.evaluator.name}${r.evaluator.version ? ` ${r.evaluator.version}` : ''}`;

/** Milliseconds between two ISO timestamps, as `12.3 s`; empty when either is unreadable. */
export function durationLabel(startedAt: string, finishedAt: string): string {
  const ms = Date.parse(finishedAt) - Date.parse(startedAt);
  return Number.isFinite(ms) && ms >= 0 ? `${(ms / 1000).toFixed(1)} s` : '';
}

/** The closing numbers: `3 failed, 120 passed, 4 skipped, 1 errored, 2 expected divergences`. */
export function countsSentence(r: RunReport): string {
  const t = r.totals;
  return [
    `${r.failed} failed`,
    `${r.passed} passed`,
    `${t.skipped} skipped`,
    `${t.errored} errored`,
    `${t.expectedDivergence} expected divergence${t.expectedDivergence === 1 ? '' : 's'}`,
  ].join(', ');
}

/** Who states the expected answer: the known-answer file for vectors and regressions, else the oracle. */
export const expectedBy = (f: Failure): string =>
  f.origin.kind === 'vector' || f.origin.kind === 'regression' ? 'vector' : 'oracle';
