/**
 * Before a suite spends minutes on an evaluator, a few plain cases check that it answers at all: one
 * that cannot be started, or answers nothing usable, is one clear message (exit 2), not a thousand
 * failures each carrying the same `not found`.
 */
import type { Case } from '../oracle/types.js';
import type { Evaluator, EvaluatorResult } from './evaluator.js';
import { InputError } from './input-error.js';

const policy = (effect: 'Allow' | 'Deny', action: string) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: effect, Action: action, Resource: '*' }],
});

/** Plain cases every evaluator must be able to answer (no feature beyond one Allow statement). */
export const PREFLIGHT_CASES: readonly Case[] = [
  { policies: [policy('Allow', 'sagemaker:ListModels')], request: { action: 'sagemaker:ListModels', resource: '*', context: [] } },
  { policies: [policy('Allow', 'sagemaker:ListModels')], request: { action: 'sagemaker:DeleteModel', resource: '*', context: [] } },
];

/** How long the check waits, unless `--timeout` asks for less or more. @defaultValue 5000 */
export const PREFLIGHT_TIMEOUT_MS = 5_000;

/** Why the evaluator cannot be used, or undefined when it answered at least one check case. */
export async function preflightProblem(evaluator: Evaluator, timeoutMs = PREFLIGHT_TIMEOUT_MS): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((r) => {
    timer = setTimeout(() => r('timeout'), timeoutMs);
  });
  let results: readonly EvaluatorResult[] | 'timeout';
  try {
    results = await Promise.race([evaluator.evaluate(PREFLIGHT_CASES), timeout]);
  } catch (err) {
    return `it threw on ${PREFLIGHT_CASES.length} plain check cases: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    clearTimeout(timer);
  }
  if (results === 'timeout') {
    return (
      `it did not answer ${PREFLIGHT_CASES.length} plain check cases within ${timeoutMs / 1000} s ` +
      '(an evaluator that is slow to start needs a larger --timeout MS)'
    );
  }
  if (results.length !== PREFLIGHT_CASES.length) {
    return `it returned ${results.length} answers for ${PREFLIGHT_CASES.length} plain check cases`;
  }
  if (results.some((r) => r.kind !== 'errored')) return undefined;
  const first = results.find((r) => r.kind === 'errored');
  return `it answered none of ${PREFLIGHT_CASES.length} plain check cases: ${first?.kind === 'errored' ? first.message : ''}`;
}

/** Throws an InputError (exit 2, one line) when the evaluator cannot be used; oracle and aws are not checked. */
export async function preflight(evaluator: Evaluator, timeoutMs = PREFLIGHT_TIMEOUT_MS): Promise<void> {
  // The oracle is the reference itself; `aws` costs API calls and has its own credential check.
  if (evaluator.spec === 'oracle' || evaluator.spec === 'aws') return;
  const problem = await preflightProblem(evaluator, timeoutMs);
  if (problem !== undefined) throw new InputError(`the evaluator ${evaluator.spec} cannot be used: ${problem}`);
}
