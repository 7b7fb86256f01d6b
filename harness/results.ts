import type { CoverageMatrix } from './coverage.js';
import type { EvaluatorResult } from './evaluator.js';
import type { Case, Feature, TraceStep, Verdict } from '../oracle/types.js';
import type { Cause } from './cause.js';

/** The suites a run is made of, in the order a run executes them. */
export const SUITES = ['regressions', 'vectors', 'properties', 'live'] as const;
export type Suite = (typeof SUITES)[number];

/**
 * What happened to one case. A skip or an error is never a pass, and every summary counts them apart.
 * `expectedDivergence` is a divergence recorded in `specs/expectations/<evaluator>.json`.
 */
export type Outcome =
  | { readonly kind: 'agree' }
  | { readonly kind: 'diverge'; readonly expected: Verdict; readonly actual: Verdict }
  | {
      readonly kind: 'expectedDivergence';
      readonly expected: Verdict;
      readonly actual: Verdict;
      readonly expectationId: string;
    }
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'errored'; readonly message: string };

export type OutcomeKind = Outcome['kind'];

export interface Counts {
  readonly agree: number;
  readonly diverge: number;
  readonly expectedDivergence: number;
  readonly skipped: number;
  readonly errored: number;
}

/** Where a case came from, enough to find it again and replay it. */
export type CaseOrigin =
  | {
      readonly kind: 'vector';
      readonly file: string;
      readonly group: string;
      readonly case: string;
      readonly source: string;
      readonly unconfirmed: boolean;
    }
  | { readonly kind: 'regression'; readonly file: string; readonly group: string; readonly case: string }
  | {
      readonly kind: 'property';
      readonly property: string;
      readonly profile: string;
      readonly seed: number;
      /** fast-check replay path of the shrunk counterexample. */
      readonly path?: string;
    }
  | { readonly kind: 'live'; readonly group: string; readonly case: string };

/** A failure worth a person's attention: a divergence (shrunk where generated) or an evaluator error. */
export interface Failure {
  readonly id: string;
  readonly suite: Suite;
  readonly title: string;
  readonly origin: CaseOrigin;
  readonly case: Case;
  readonly features: readonly Feature[];
  /** What the oracle (or the vector) expects. */
  readonly expected: Verdict;
  readonly actual: EvaluatorResult;
  readonly oracleTrace?: readonly TraceStep[];
  /** A shell command that replays exactly this failure. */
  readonly replay: string;
  /** False for unconfirmed vectors: reported, not required. */
  readonly required: boolean;
  /** Its cause signature (harness/cause.ts): failures with one signature are one bug to a reader. */
  readonly cause?: Cause;
  /** For metamorphic properties: the transformed case and the evaluator's answer on it. */
  /**
   * The transformed case of a metamorphic failure: what the evaluator answered there, and the oracle's
   * verdict on it (put here by the runner, so report writers never evaluate).
   */
  readonly related?: { readonly description: string; readonly case: Case; readonly actual: EvaluatorResult; readonly expected: Verdict };
}

/** One JUnit test case: a property, a vector group, a regression file. */
export interface Entry {
  readonly suite: Suite;
  readonly name: string;
  readonly file?: string;
  /** The documentation page a vector group cites. */
  readonly source?: string;
  readonly counts: Counts;
  readonly durationMs: number;
  /** Why a property was skipped whole, before any input was generated (harness/run-property.ts). */
  readonly skipReason?: string;
  /** Ids of the failures that belong to this entry. */
  readonly failures: readonly string[];
}

/** Everything a report writer needs; `report.json` is this object, validated by its JSON Schema. */
export interface RunReport {
  readonly schemaVersion: 1;
  readonly tool: { readonly name: string; readonly version: string };
  readonly verb: 'run' | 'vectors' | 'live' | 'replay';
  readonly evaluator: { readonly spec: string; readonly name: string; readonly version?: string };
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly seed?: number;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly excludedFeatures: readonly Feature[];
  readonly totals: Counts;
  readonly perFeature: Readonly<Partial<Record<Feature, Counts>>>;
  /**
   * Generated cases per row (base condition operator, Resource, NotResource, Context, Policy) and value
   * form (harness/coverage.ts); absent when the run generated no cases.
   */
  readonly coverage?: CoverageMatrix;
  /** Counts per service (request action prefix); absent in reports written before it existed. */
  readonly perService?: Readonly<Record<string, Counts>>;
  readonly entries: readonly Entry[];
  readonly failures: readonly Failure[];
  /** Recorded divergences that excused cases in this run, by cause (absent: no expectations read). */
  readonly knownDivergences?: KnownDivergences;
  /** The closing line's numbers: passed = agree + expectedDivergence of required cases. */
  readonly passed: number;
  readonly failed: number;
}

/** One cause of recorded divergences that excused at least one case in this run. */
export interface FiredCause {
  /** The cause's name: the entry's `cause`, else the `cause: NAME.` its note starts with, else its id. */
  readonly cause: string;
  readonly status: 'evaluator-bug' | 'unconfirmed';
  readonly feature: Feature;
  /** The documentation (or upstream issue) each entry cites, without repeats. */
  readonly links: readonly string[];
  /** What the evaluator does differently, in the first fired entry's words. */
  readonly description: string;
  /** Divergences excused (cases, property inputs and the runner's re-checks alike). */
  readonly hits: number;
  readonly entries: readonly { readonly id: string; readonly hits: number }[];
}

export interface KnownDivergences {
  /** The expectations file, as shown to the user. */
  readonly file: string;
  /** Entries in the file, and how many of them fired. */
  readonly entries: number;
  readonly fired: number;
  /** Most hits first. */
  readonly causes: readonly FiredCause[];
}
