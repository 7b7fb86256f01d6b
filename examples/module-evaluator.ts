/**
 * A `module:` evaluator: the smallest complete example of the module API.
 *
 *   iam-conformance run --evaluator module:examples/module-evaluator.ts
 *
 * The module exports `evaluate(c: Case): Verdict | Promise<Verdict>` (named, or as the default export),
 * and may export `name`, `version` and `unsupportedFeatures` (cases with those features are skipped,
 * the reason named, and never generated). TypeScript is loaded as is (through tsx); no build step.
 * A thrown error or a return value that is not a Verdict errors that one case; the run goes on.
 *
 * This one wraps the oracle, so it agrees everywhere: replace the body with a call into your engine.
 * Outside this repository, import from the package instead: `import { evaluate } from 'iam-conformance'`.
 */
import { evaluate as oracle } from '../oracle/index.js';
import type { Case, Feature, Verdict } from '../oracle/types.js';

/** The name reports use; also picks `specs/expectations/<name>.json` (known divergences). */
export const name = 'example-module';
export const version = '1.0.0';

/** Features this evaluator does not implement: declaring them skips such cases instead of failing them. */
export const unsupportedFeatures: readonly Feature[] = [];

export async function evaluate(c: Case): Promise<Verdict> {
  const verdict = oracle(c);
  // Only `decision` (or `error`) is compared; matchedStatements and missingContextKeys are optional evidence.
  return 'error' in verdict ? { error: verdict.error } : { decision: verdict.decision };
}
