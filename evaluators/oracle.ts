import { evaluate } from '../oracle/index.js';
import type { Evaluator } from '../harness/evaluator.js';

/**
 * The oracle itself, in process. Running the suite against it checks the suite (vectors, properties)
 * rather than an evaluator: every case must agree.
 */
export function createOracleEvaluator(): Evaluator {
  return {
    spec: 'oracle',
    name: 'oracle',
    unsupportedFeatures: [],
    async evaluate(cases) {
      return cases.map((c) => {
        try {
          return { kind: 'verdict', verdict: evaluate(c) } as const;
        } catch (err) {
          // The oracle promises never to throw; if it does, that is reported, not hidden.
          return { kind: 'errored', message: `oracle threw: ${(err as Error).message}` } as const;
        }
      });
    },
    async close() {},
  };
}
