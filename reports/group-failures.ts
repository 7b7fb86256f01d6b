import type { Failure } from '../specs/harness/results.js';
import { expectedOf, resultLabel } from './labels.js';

/** Failures that probably share one cause, smallest case first (the one a person should read). */
export interface CauseGroup {
  readonly title: string;
  readonly failures: readonly Failure[];
}

const caseSize = (f: Failure): number => JSON.stringify(f.case).length;

/**
 * The cause key: the property for generated failures, else the feature set; both with the
 * expected → actual pair, since one broken rule shows up as one such pair. Unconfirmed vectors
 * group apart because they do not fail the run.
 */
function causeTitle(f: Failure): string {
  const pair = `expected ${expectedOf(f.expected)}, got ${resultLabel(f.actual)}`;
  const where =
    f.origin.kind === 'property'
      ? `property ${f.origin.property}`
      : `features ${[...f.features].sort().join(', ') || '(none)'}`;
  return `${f.required ? '' : 'unconfirmed: '}${where}: ${pair}`;
}

/** Groups failures by cause; biggest group first, then by title, so the order is stable. */
export function groupFailures(failures: readonly Failure[]): CauseGroup[] {
  const byTitle = new Map<string, Failure[]>();
  for (const f of failures) {
    const title = causeTitle(f);
    byTitle.set(title, [...(byTitle.get(title) ?? []), f]);
  }
  return [...byTitle.entries()]
    .map(([title, fs]) => ({
      title,
      failures: fs
        .map((f, i) => ({ f, i }))
        .sort((a, b) => caseSize(a.f) - caseSize(b.f) || a.i - b.i)
        .map(({ f }) => f),
    }))
    .sort(
      (a, b) =>
        Number(a.title.startsWith('unconfirmed')) - Number(b.title.startsWith('unconfirmed')) ||
        b.failures.length - a.failures.length ||
        (a.title < b.title ? -1 : a.title > b.title ? 1 : 0),
    );
}
