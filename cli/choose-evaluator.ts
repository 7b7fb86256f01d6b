import type { CliIo } from './io.js';
import type { Evaluator } from '../harness/evaluator.js';
import { IAM_SIMULATE_INSTALL_HINT, resolveEvaluator, type ResolveOptions } from '../evaluators/index.js';
import { InputError } from '../harness/input-error.js';

/** The evaluator a run uses when none is named: a real third-party one, if it is installed. */
export const DEFAULT_EVALUATOR = 'iam-simulate';

/**
 * Resolves `--evaluator`. When the user named none and the default (iam-simulate, a dev dependency) is
 * not installed, says so and falls back to the oracle — a self-check of the suite — rather than failing.
 * A named evaluator that cannot be loaded is always bad input.
 */
export async function chooseEvaluator(spec: string | undefined, io: CliIo, options: Omit<ResolveOptions, 'cwd' | 'env'> = {}): Promise<Evaluator> {
  const resolveOptions: ResolveOptions = { cwd: io.cwd, env: io.env, ...options };
  if (spec !== undefined) return resolveEvaluator(spec, resolveOptions);
  try {
    return await resolveEvaluator(DEFAULT_EVALUATOR, resolveOptions);
  } catch (err) {
    if (!(err instanceof InputError) || !err.message.includes(IAM_SIMULATE_INSTALL_HINT)) throw err;
    io.stderr(
      `iam-conformance: the default evaluator iam-simulate is not installed (${IAM_SIMULATE_INSTALL_HINT});\n` +
        '  running against the oracle itself instead, which checks the suite, not an evaluator.\n' +
        '  Name one with --evaluator (oracle, module:PATH, cmd:COMMAND, iam-simulate, aws).\n',
    );
    return resolveEvaluator('oracle', resolveOptions);
  }
}
