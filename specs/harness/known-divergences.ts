import type { Evaluator, EvaluatorResult } from '../../evaluators/evaluator.js';
import { isErrorVerdict, type Case, type Verdict } from '../../oracle/types.js';
import { answerOf } from './compare.js';
import type { ExpectationSet } from './expectations.js';
import { caseFeatures } from './features.js';

/** An evaluator whose recorded divergences are answered as the oracle would, with a count of them. */
export interface MaskedEvaluator extends Evaluator {
  /** Cases answered from the oracle because the evaluator's answer was a recorded divergence. */
  readonly masked: () => number;
  readonly resetMasked: () => void;
}

/**
 * Wraps an evaluator for the properties: when its answer on a case is a divergence recorded in the
 * expectations, the oracle's answer is given instead, so fast-check keeps searching for *new* bugs
 * rather than stopping (and shrinking) on a known one. Masked cases are counted and reported as
 * expected divergences.
 */
export function maskKnownDivergences(
  inner: Evaluator,
  expectations: ExpectationSet,
  oracle: (c: Case) => Verdict,
  /** Sees every batch before it is evaluated (the run uses it to tally features). */
  onCases?: (cases: readonly Case[]) => void,
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
      return results.map((r, i): EvaluatorResult => {
        const c = cases[i];
        if (!c || r.kind !== 'verdict') return r;
        const expected = oracle(c);
        if (answerOf(expected) === answerOf(r.verdict)) return r;
        const known = expectations.apply({ kind: 'diverge', expected, actual: r.verdict }, c, caseFeatures(c));
        if (known.kind !== 'expectedDivergence') return r;
        masked++;
        return { kind: 'verdict', verdict: isErrorVerdict(expected) ? { error: expected.error } : { decision: expected.decision } };
      });
    },
    close: () => inner.close(),
  };
}
