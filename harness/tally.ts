import type { Feature } from '../oracle/types.js';
import { addOutcome, emptyCounts, FeatureCounts, sumCounts } from './counts.js';
import { CoverageCounts } from './coverage.js';
import type { Counts, Entry, Failure, OutcomeKind, Suite } from './results.js';
import { ServiceCounts } from './service-counts.js';

/** The entry (JUnit test case) a case belongs to: a vector group, a live family. */
export interface EntryKey {
  /** Distinguishes entries that share a name (the same group name in two files). */
  readonly key: string;
  readonly suite: Suite;
  readonly name: string;
  readonly file?: string;
  /** The documentation page a vector group cites. */
  readonly source?: string;
}

interface OpenEntry {
  readonly at: EntryKey;
  counts: Counts;
  readonly failures: string[];
  ms: number;
}

/**
 * What a suite produced, accumulated as it runs: entries (JUnit test cases), failures, totals, counts
 * per feature, and the closing line's numbers. Unconfirmed cases are counted in the totals and again in
 * `unconfirmed`, but never in `passed`/`failed`: reported, not required.
 */
export class Tally {
  readonly entries: Entry[] = [];
  readonly failures: Failure[] = [];
  readonly features = new FeatureCounts();
  /** Generated cases per operator × value form (harness/coverage.ts). */
  readonly coverage = new CoverageCounts();
  /** Counts per service (the request action's prefix), beside the per-feature ones. */
  readonly services = new ServiceCounts();
  totals: Counts = emptyCounts();
  unconfirmed: Counts = emptyCounts();
  passed = 0;
  failed = 0;
  private readonly open = new Map<string, OpenEntry>();

  /** Counts one outcome. */
  record(kind: OutcomeKind, features: readonly Feature[], required: boolean, n = 1, service?: string): void {
    this.totals = addOutcome(this.totals, kind, n);
    this.features.add(features, kind, n);
    if (service !== undefined) this.services.add(service, kind, n);
    if (!required) {
      this.unconfirmed = addOutcome(this.unconfirmed, kind, n);
      return;
    }
    if (kind === 'agree' || kind === 'expectedDivergence') this.passed += n;
    if (kind === 'diverge' || kind === 'errored') this.failed += n;
  }

  /**
   * Counts one case of an entry: its outcome (as `record`), its failure if it has one, its time. The
   * entry is listed when `closeEntries` is called, in the order its first case came.
   */
  recordCase(at: EntryKey, kind: OutcomeKind, features: readonly Feature[], required: boolean, failure?: Failure, ms = 0, service?: string): void {
    this.record(kind, features, required, 1, service);
    let entry = this.open.get(at.key);
    if (entry === undefined) this.open.set(at.key, (entry = { at, counts: emptyCounts(), failures: [], ms: 0 }));
    entry.counts = addOutcome(entry.counts, kind);
    entry.ms += ms;
    if (failure) {
      this.failures.push(failure);
      entry.failures.push(failure.id);
    }
  }

  /** Lists the entries `recordCase` opened. */
  closeEntries(): void {
    for (const { at, counts, failures, ms } of this.open.values()) {
      this.entries.push({
        suite: at.suite,
        name: at.name,
        ...(at.file !== undefined ? { file: at.file } : {}),
        ...(at.source ? { source: at.source } : {}),
        counts,
        durationMs: Math.round(ms),
        failures,
      });
    }
    this.open.clear();
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
    this.coverage.merge(other.coverage.toMatrix());
    this.services.merge(other.services.toRecord());
    this.totals = sumCounts(this.totals, other.totals);
    this.unconfirmed = sumCounts(this.unconfirmed, other.unconfirmed);
    this.passed += other.passed;
    this.failed += other.failed;
  }
}
