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

/** Per-feature tallies: every outcome counts once for each feature of its case. */
export class FeatureCounts {
  private readonly map = new Map<Feature, Counts>();

  add(features: readonly Feature[], kind: OutcomeKind, n = 1): void {
    for (const f of new Set(features)) this.map.set(f, addOutcome(this.map.get(f) ?? emptyCounts(), kind, n));
  }

  merge(other: Readonly<Partial<Record<Feature, Counts>>>): void {
    for (const [f, c] of Object.entries(other) as [Feature, Counts][]) {
      this.map.set(f, sumCounts(this.map.get(f) ?? emptyCounts(), c));
    }
  }

  /** Sorted by feature name, so reports are stable. */
  toRecord(): Partial<Record<Feature, Counts>> {
    return Object.fromEntries([...this.map.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
}
