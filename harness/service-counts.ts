import type { Case } from '../oracle/types.js';
import { KeyedCounts } from './counts.js';
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
export class ServiceCounts extends KeyedCounts<string> {
  add(service: string, kind: OutcomeKind, n = 1): void {
    this.addOne(service, kind, n);
  }

  /** Sorted by service prefix, so reports are stable. */
  override toRecord(): Record<string, Counts> {
    return super.toRecord() as Record<string, Counts>;
  }
}
