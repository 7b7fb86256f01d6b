import type { CliIo } from './io.js';
import type { Evaluator } from '../harness/evaluator.js';
import { EVALUATOR_FORMS, IAM_SIMULATE_INSTALL_HINT, resolveEvaluator, type ResolveOptions } from '../evaluators/index.js';
import { InputError } from '../harness/input-error.js';

/** The evaluator a run uses when none is named: a real third-party one. */
export const DEFAULT_EVALUATOR = 'iam-simulate';

/**
 * Resolves `--evaluator`. When none was named the default (iam-simulate, a dev dependency) must be
 * installed: a run that quietly tested the oracle against itself would let a CI gate that forgot
 * `--evaluator` go green having tested nothing, so its absence is bad input naming the install command.
 */
export async function chooseEvaluator(spec: string | undefined, io: CliIo, options: Omit<ResolveOptions, 'cwd' | 'env'> = {}): Promise<Evaluator> {
  const resolveOptions: ResolveOptions = { cwd: io.cwd, env: io.env, ...options };
  if (spec !== undefined) return resolveEvaluator(spec, resolveOptions);
  try {
    return await resolveEvaluator(DEFAULT_EVALUATOR, resolveOptions);
  } catch (err) {
    if (!(err instanceof InputError) || !err.message.includes(IAM_SIMULATE_INSTALL_HINT)) throw err;
    throw new InputError(
      `the default evaluator iam-simulate is not installed. Install it with: ${IAM_SIMULATE_INSTALL_HINT}\n` +
        `  or name another with --evaluator:\n    ${EVALUATOR_FORMS.join('\n    ')}`,
      { cause: err },
    );
  }
}
