import { evaluate } from '../oracle/index.js';
import type { Case } from '../oracle/types.js';
import { measureRate, type Rate } from './measure.js';

/**
 * The pathological wildcard case: a StringLike pattern of thousands of `*` (`*a*a…*b*`: a literal that
 * never occurs, and a trailing star so no suffix check settles it early) against a long context value.
 * A backtracking matcher takes exponential time here; ours must not. A condition value is used because
 * the simulator caps request resources at 2,048 characters.
 */
export function pathologicalCase(stars = 5000, length = 20000): Case {
  return {
    policies: [
      {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: 'sagemaker:*',
            Resource: '*',
            Condition: { StringLike: { 'aws:RequestTag/project': `${'*a'.repeat(stars)}*b*` } },
          },
        ],
      },
    ],
    request: {
      action: 'sagemaker:CreateEndpoint',
      resource: '*',
      context: [{ key: 'aws:RequestTag/project', type: 'string', values: ['a'.repeat(length)] }],
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
