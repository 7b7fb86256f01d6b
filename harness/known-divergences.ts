import type { Evaluator, EvaluatorResult } from './evaluator.js';
import { isErrorVerdict, type Case, type Verdict } from '../oracle/types.js';
import type { PropertyKind } from './property.js';
import { answerOf } from './compare.js';
import type { ExpectationSet } from './expectations.js';
import { caseFeatures } from './features.js';

/**
 * How recorded divergences are masked for a property.
 * - `case` (differential, validation: each case is compared with the oracle): a case whose answer is a
 *   recorded divergence is answered as the oracle would, the other cases keep the evaluator's answers.
 * - `batch` (metamorphic: the evaluator is compared with itself on the cases of one batch): the
 *   evaluator's own answers, unless some case of the batch is a recorded divergence; then the whole batch
 *   is answered by the oracle. Masking only one case of a pair would compare an oracle answer with an
 *   evaluator answer and report a false failure (a family that matches one case of the pair but not the
 *   other); leaving a known divergence unmasked would stop the property on a known bug (an evaluator that
 *   ignores Deny fails add-deny for the reason already recorded).
 */
export type MaskMode = 'case' | 'batch';

export const maskModeFor = (kind: PropertyKind): MaskMode => (kind === 'metamorphic' ? 'batch' : 'case');

/** An evaluator whose recorded divergences are answered as the oracle would, with a count of them. */
export interface MaskedEvaluator extends Evaluator {
  /** Inputs (cases, or batches in `batch` mode) answered from the oracle because of a recorded divergence. */
  readonly masked: () => number;
  readonly resetMasked: () => void;
}

const oracleResult = (v: Verdict): EvaluatorResult => ({
  kind: 'verdict',
  verdict: isErrorVerdict(v) ? { error: v.error } : { decision: v.decision },
});

/**
 * Wraps an evaluator for the properties: when its answer on a case is a divergence recorded in the
 * expectations, the oracle's answer is given instead (see MaskMode for which cases), so fast-check keeps
 * searching for *new* bugs rather than stopping (and shrinking) on a known one. Masked inputs are
 * counted and reported as expected divergences.
 */
export function maskKnownDivergences(
  inner: Evaluator,
  expectations: ExpectationSet,
  oracle: (c: Case) => Verdict,
  /** Sees every batch before it is evaluated (the run uses it to tally features). */
  onCases?: (cases: readonly Case[]) => void,
  mode: MaskMode = 'case',
): MaskedEvaluator {
  let masked = 0;
  return {
    spec: inner.spec,
    name: inner.name,
    ...(inner.version !== undefined ? { version: inner.version } : {}),
    unsupportedFeatures: inner.unsupportedFeatures,
    masked: () => masked,
    resetMasked: () => {
      masked = 0;
    },
    async evaluate(cases) {
      onCases?.(cases);
      const results = await inner.evaluate(cases);
      if (expectations.entries.length === 0) return results;
      const expected = cases.map((c) => oracle(c));
      const known = results.map((r, i) => {
        const c = cases[i];
        const want = expected[i];
        if (!c || !want) return false;
        // A crash recorded as `actual: errored` (e.g. on a null document) is known too.
        if (r.kind !== 'verdict') return expectations.knownCrash(c, caseFeatures(c), want) !== undefined;
        if (answerOf(want) === answerOf(r.verdict)) return false;
        return expectations.apply({ kind: 'diverge', expected: want, actual: r.verdict }, c, caseFeatures(c)).kind === 'expectedDivergence';
      });
      if (!known.includes(true)) return results;
      if (mode === 'batch') {
        masked++;
        // An unrecorded crash stays: it is a failure of its own.
        return results.map((r, i) => (r.kind === 'verdict' || known[i] ? oracleResult(expected[i] as Verdict) : r));
      }
      masked += known.filter(Boolean).length;
      return results.map((r, i) => (known[i] ? oracleResult(expected[i] as Verdict) : r));
    },
    close: () => inner.close(),
  };
}
