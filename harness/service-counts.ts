import type { Case } from '../oracle/types.js';
import { addOutcome, emptyCounts, sumCounts } from './counts.js';
import type { Counts, OutcomeKind } from './results.js';

/**
 * The service a case is about: its request action's prefix, lower case (`s3` for `s3:GetObject`). Read
 * from the case itself, so features stay service-neutral and vectors, generated and live cases are
 * counted alike.
 */
export function serviceOf(c: Pick<Case, 'request'>): string {
  const action = c.request.action;
  const colon = action.indexOf(':');
  return colon > 0 ? action.slice(0, colon).toLowerCase() : '(none)';
}

/** Per-service tallies: every outcome counts once, for the service of its case. */
export class ServiceCounts {
  private readonly map = new Map<string, Counts>();

  add(service: string, kind: OutcomeKind, n = 1): void {
    this.map.set(service, addOutcome(this.map.get(service) ?? emptyCounts(), kind, n));
  }

  merge(other: Readonly<Record<string, Counts>>): void {
    for (const [s, c] of Object.entries(other)) this.map.set(s, sumCounts(this.map.get(s) ?? emptyCounts(), c));
  }

  get size(): number {
    return this.map.size;
  }

  /** Sorted by service prefix, so reports are stable. */
  toRecord(): Record<string, Counts> {
    return Object.fromEntries([...this.map.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
}
