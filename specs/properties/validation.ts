import { malformedCase, type MalformedCase } from '../../generators/malformed-case.js';
import { evaluate as oracle } from '../../oracle/index.js';
import { isErrorVerdict } from '../../oracle/types.js';
import { describeResult } from '../../harness/compare.js';
import { erroredViolation, evaluateAll, type ConformanceProperty } from '../../harness/property.js';

/** Validation: a policy that breaks one grammar rule is rejected with an error verdict, never decided. */
export const validation: ConformanceProperty<MalformedCase> = {
  name: 'validation',
  description: 'A policy that breaks one grammar rule yields an error verdict, not a decision.',
  kind: 'validation',
  arbitrary: (settings, catalogue) => malformedCase(catalogue, settings),
  cases: (m) => [m.case],
  async check(evaluator, m) {
    const results = await evaluateAll(evaluator, [m.case]);
    const errored = erroredViolation([m.case], results);
    if (errored) return errored;
    const actual = results[0];
    if (!actual || actual.kind !== 'verdict' || isErrorVerdict(actual.verdict)) return null;
    return {
      kind: 'diverge',
      message: `expected an error (${m.rule} at ${m.where}: ${m.description}), got ${describeResult(actual.verdict)}`,
      case: m.case,
      expected: oracle(m.case),
      actual,
    };
  },
};
