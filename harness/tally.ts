import type { Feature } from '../oracle/types.js';
import { addOutcome, emptyCounts, FeatureCounts, sumCounts } from './counts.js';
import type { Counts, Entry, Failure, OutcomeKind } from './results.js';

/**
 * What a suite produced, accumulated as it runs: entries (JUnit test cases), failures, totals, counts
 * per feature, and the closing line's numbers. Unconfirmed cases are counted in the totals and again in
 * `unconfirmed`, but never in `passed`/`failed`: reported, not required.
 */
export class Tally {
  readonly entries: Entry[] = [];
  readonly failures: Failure[] = [];
  readonly features = new FeatureCounts();
  totals: Counts = emptyCounts();
  unconfirmed: Counts = emptyCounts();
  passed = 0;
  failed = 0;

  /** Counts one outcome. */
  record(kind: OutcomeKind, features: readonly Feature[], required: boolean, n = 1): void {
    this.totals = addOutcome(this.totals, kind, n);
    this.features.add(features, kind, n);
    if (!required) {
      this.unconfirmed = addOutcome(this.unconfirmed, kind, n);
      return;
    }
    if (kind === 'agree' || kind === 'expectedDivergence') this.passed += n;
    if (kind === 'diverge' || kind === 'errored') this.failed += n;
  }

  /** Adds counts already totalled elsewhere (a property run), all required. */
  recordCounts(counts: Counts, perFeature?: Readonly<Partial<Record<Feature, Counts>>>): void {
    this.totals = sumCounts(this.totals, counts);
    if (perFeature) this.features.merge(perFeature);
    this.passed += counts.agree + counts.expectedDivergence;
    this.failed += counts.diverge + counts.errored;
  }

  merge(other: Tally): void {
    this.entries.push(...other.entries);
    this.failures.push(...other.failures);
    this.features.merge(other.features.toRecord());
    this.totals = sumCounts(this.totals, other.totals);
    this.unconfirmed = sumCounts(this.unconfirmed, other.unconfirmed);
    this.passed += other.passed;
    this.failed += other.failed;
  }
}
