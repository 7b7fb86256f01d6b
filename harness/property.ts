/**
 * A conformance property: an arbitrary of inputs and a check of an evaluator on each input.
 * - `differential`: the evaluator's verdict equals the oracle's.
 * - `metamorphic`: the evaluator agrees with itself across a transformation that AWS semantics say
 *   cannot change the decision (usable against AWS itself: no oracle involved).
 * - `validation`: malformed policies yield an error verdict.
 */
import type fc from 'fast-check';
import type { Evaluator, EvaluatorResult } from './evaluator.js';
import type { Catalogue } from '../generators/catalogue.js';
import type { GeneratorSettings } from '../generators/settings.js';
import type { Case, Feature, Verdict } from '../oracle/types.js';

export type PropertyKind = 'differential' | 'metamorphic' | 'validation';

/** What a failed check reports. */
export interface Violation {
  /** `diverge`: a wrong answer; `errored`: the evaluator failed to answer (crash, timeout, garbage). */
  readonly kind: 'diverge' | 'errored';
  /** One line: what was required and what happened. */
  readonly message: string;
  /** The case the report shows and replays (for metamorphic properties: the original case). */
  readonly case: Case;
  /** What the oracle says about `case` (differential, validation); absent for metamorphic checks. */
  readonly expected?: Verdict;
  readonly actual: EvaluatorResult;
  /** For metamorphic properties: the transformed case and the evaluator's answer on it. */
  readonly related?: { readonly description: string; readonly case: Case; readonly actual: EvaluatorResult };
}

export interface ConformanceProperty<T = unknown> {
  /** Stable kebab-case name, used by `--property`. */
  readonly name: string;
  /** One present-tense sentence: the rule the property holds an evaluator to. */
  readonly description: string;
  readonly kind: PropertyKind;
  /**
   * Features some case of every input has whatever the settings (the boundary the boundary property
   * adds): an evaluator that does not support one of them skips the property up front, with the reason.
   */
  readonly requires?: readonly Feature[];
  /**
   * Features its transformation adds to a generated case (an IfExists operator, a second policy): a run
   * that excludes one of them leaves the property out, since it cannot check without generating it.
   */
  readonly introduces?: readonly Feature[];
  /** Settings a property needs switched on (e.g. boundaries for the boundary property) or off. */
  adjust?(settings: GeneratorSettings): GeneratorSettings;
  arbitrary(settings: GeneratorSettings, catalogue: Catalogue): fc.Arbitrary<T>;
  /** Every case `check` will send, main case first (used to skip unsupported features). */
  cases(input: T): readonly Case[];
  check(evaluator: Evaluator, input: T): Promise<Violation | null>;
  /**
   * Metamorphic properties: the same input on another (smaller) original case, the transformation
   * applied again with the same choices — so a failure is minimised with the property's own check.
   */
  rebase?(input: T, original: Case): T | undefined;
}

/** A property of any input type, for heterogeneous lists (the input type is private to each property). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProperty = ConformanceProperty<any>;

/** Evaluates cases in one batch; a batch of the wrong length is the evaluator's failure, not ours. */
export async function evaluateAll(evaluator: Evaluator, cases: readonly Case[]): Promise<EvaluatorResult[]> {
  try {
    const out = await evaluator.evaluate(cases);
    if (out.length !== cases.length) {
      const message = `evaluator returned ${out.length} results for ${cases.length} cases`;
      return cases.map(() => ({ kind: 'errored', message }));
    }
    return [...out];
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return cases.map(() => ({ kind: 'errored', message }));
  }
}

/** The first errored result as a violation, or null when every case got a verdict. */
export function erroredViolation(cases: readonly Case[], results: readonly EvaluatorResult[]): Violation | null {
  const i = results.findIndex((r) => r.kind === 'errored');
  if (i < 0) return null;
  const r = results[i] as EvaluatorResult & { kind: 'errored' };
  return { kind: 'errored', message: `evaluator failed to answer: ${r.message}`, case: cases[i] as Case, actual: r };
}

/** One (property, settings) pair of a run's plan. */
export interface PlannedRun {
  readonly property: AnyProperty;
  readonly settings: GeneratorSettings;
  /** Multiplies the run count (DEFAULT_RUNS or `--runs`). */
  readonly runsFactor: number;
}
