import { evaluate } from '../oracle/index.js';
import type { Case } from '../oracle/types.js';
import { measureRate, type Rate } from './measure.js';

/**
 * The pathological wildcard case: a pattern of thousands of `*` (with a literal that never occurs)
 * against a long resource name. A backtracking matcher takes exponential time here; ours must not.
 */
export function pathologicalCase(stars = 5000, length = 20000): Case {
  const pattern = `arn:aws:sagemaker:us-east-1:123456789012:endpoint/${'*a'.repeat(stars)}b`;
  const name = 'a'.repeat(length);
  return {
    policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: pattern }] }],
    request: {
      action: 'sagemaker:InvokeEndpoint',
      resource: `arn:aws:sagemaker:us-east-1:123456789012:endpoint/${name}`,
      context: [],
    },
  };
}

/** Time per pathological match, with the decision checked (the pattern must not match). */
export function measureWildcard(minSeconds: number, stars?: number, length?: number): Rate & { readonly decision: string } {
  const c = pathologicalCase(stars, length);
  const verdict = evaluate(c);
  const decision = 'decision' in verdict ? verdict.decision : `error: ${verdict.error.message}`;
  return { ...measureRate(1, () => void evaluate(c), minSeconds), decision };
}
