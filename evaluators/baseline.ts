import type { Decision } from '../oracle/types.js';
import type { Evaluator } from '../harness/evaluator.js';

/** The decisions a baseline may always answer: what "nothing implemented" looks like, either way. */
export const BASELINE_DECISIONS = ['allowed', 'implicitDeny'] as const satisfies readonly Decision[];
export type BaselineDecision = (typeof BASELINE_DECISIONS)[number];

/**
 * `baseline:allowed` / `baseline:implicitDeny` — an evaluator that reads nothing and always answers the
 * same decision. `compare` runs both beside every evaluator so a reader sees what a score is worth:
 * whatever a baseline scores, an evaluator earns nothing for.
 */
export function createBaselineEvaluator(decision: BaselineDecision): Evaluator {
  return {
    spec: `baseline:${decision}`,
    name: `baseline-${decision}`,
    unsupportedFeatures: [],
    evaluate: (cases) => Promise.resolve(cases.map(() => ({ kind: 'verdict', verdict: { decision } }) as const)),
    close: () => Promise.resolve(),
  };
}
