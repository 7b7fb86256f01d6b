import type { Feature } from '../oracle/types.js';
import type { Counts, OutcomeKind } from './results.js';

export const emptyCounts = (): Counts => ({ agree: 0, diverge: 0, expectedDivergence: 0, skipped: 0, errored: 0 });

/** A new Counts with one more outcome of `kind` (Counts are readonly by contract). */
export const addOutcome = (c: Counts, kind: OutcomeKind, n = 1): Counts => ({ ...c, [kind]: c[kind] + n });

export const sumCounts = (...all: readonly Counts[]): Counts =>
  all.reduce<Counts>(
    (a, b) => ({
      agree: a.agree + b.agree,
      diverge: a.diverge + b.diverge,
      expectedDivergence: a.expectedDivergence + b.expectedDivergence,
      skipped: a.skipped + b.skipped,
      errored: a.errored + b.errored,
    }),
    emptyCounts(),
  );

/** What a finished phase did, in one phrase: `300 cases: 290 agree, 10 expected` (zeros left out). */
export function countsPhrase(c: Counts): string {
  const parts = [
    `${c.agree} agree`,
    ...(c.diverge ? [`${c.diverge} diverge`] : []),
    ...(c.expectedDivergence ? [`${c.expectedDivergence} expected`] : []),
    ...(c.skipped ? [`${c.skipped} skipped`] : []),
    ...(c.errored ? [`${c.errored} errored`] : []),
  ];
  return `${totalOf(c)} cases: ${parts.join(', ')}`;
}

export const totalOf = (c: Counts): number => c.agree + c.diverge + c.expectedDivergence + c.skipped + c.errored;

/**
 * Counts by a key (a feature, a service), added to in place: a run adds to them for every generated
 * input, where a new Counts object per addition was measurable garbage. Read out as plain Counts.
 */
export class KeyedCounts<K extends string> {
  private readonly map = new Map<K, { -readonly [O in OutcomeKind]: number }>();

  /** `n` more outcomes of `kind` for `key`. */
  addOne(key: K, kind: OutcomeKind, n = 1): void {
    let c = this.map.get(key);
    if (c === undefined) {
      c = emptyCounts();
      this.map.set(key, c);
    }
    c[kind] += n;
  }

  merge(other: Readonly<Partial<Record<K, Counts>>>): void {
    for (const [key, counts] of Object.entries(other) as [K, Counts][]) this.map.set(key, sumCounts(this.map.get(key) ?? emptyCounts(), counts));
  }

  get size(): number {
    return this.map.size;
  }

  /** Sorted by key, so reports are stable. */
  toRecord(): Partial<Record<K, Counts>> {
    return Object.fromEntries([...this.map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, c]) => [k, { ...c }])) as Partial<Record<K, Counts>>;
  }
}

/** Per-feature tallies: every outcome counts once for each feature of its case. */
export class FeatureCounts extends KeyedCounts<Feature> {
  add(features: readonly Feature[], kind: OutcomeKind, n = 1): void {
    for (const f of new Set(features)) this.addOne(f, kind, n);
  }
}
