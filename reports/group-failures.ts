import type { Feature } from '../oracle/types.js';
import type { Counts, Failure, RunReport } from '../harness/results.js';
import { expectedOf, resultLabel } from './labels.js';

/** Failures that probably share one cause, smallest case first (the one a person should read). */
export interface CauseGroup {
  readonly title: string;
  readonly failures: readonly Failure[];
}

const caseSize = (f: Failure): number => JSON.stringify(f.case).length;

/** Share of a feature's evaluated cases that failed: the features a bug lives in fail most. */
function failureRate(c: Counts | undefined): number {
  if (!c) return 0;
  const evaluated = c.agree + c.diverge + c.expectedDivergence + c.errored;
  return evaluated === 0 ? 0 : (c.diverge + c.errored) / evaluated;
}

/**
 * The feature that best explains a failure: of its features, the one failing at the highest rate across
 * the whole run (ties: the rarer feature, then by name). A deny-blind evaluator fails nearly every
 * `explicit-deny` case but only some `action-wildcard` ones, so all its failures land on `explicit-deny`.
 */
export function primaryFeature(f: Failure, perFeature: RunReport['perFeature']): Feature | undefined {
  const size = (x: Feature) => {
    const c = perFeature[x];
    return c ? c.agree + c.diverge + c.expectedDivergence + c.errored : 0;
  };
  return [...f.features].sort(
    (a, b) => failureRate(perFeature[b]) - failureRate(perFeature[a]) || size(a) - size(b) || (a < b ? -1 : 1),
  )[0];
}

/**
 * The cause: the failure's cause signature (harness/cause.ts: decision pair, deciding element and
 * operator family) when it carries one. Failures read from an older report have none: the property for
 * generated failures, else the primary feature, each with the expected → actual pair. Unconfirmed
 * vectors group apart because they do not fail the run.
 */
function causeKey(f: Failure, perFeature: RunReport['perFeature']): { key: string; title: string } {
  const prefix = f.required ? '' : 'unconfirmed: ';
  if (f.cause) return { key: `${prefix}${f.cause.signature}`, title: `${prefix}${f.cause.title}` };
  const title = legacyTitle(f, perFeature);
  return { key: title, title };
}

function legacyTitle(f: Failure, perFeature: RunReport['perFeature']): string {
  // A metamorphic failure is a disagreement between the evaluator's two answers, not with the oracle.
  const pair = f.related
    ? `answered ${resultLabel(f.actual)}, then ${resultLabel(f.related.actual)} on the transformed case`
    : `expected ${expectedOf(f.expected)}, got ${resultLabel(f.actual)}`;
  const where =
    f.origin.kind === 'property' ? `property ${f.origin.property}` : (primaryFeature(f, perFeature) ?? 'no feature');
  return `${f.required ? '' : 'unconfirmed: '}${where}: ${pair}`;
}

/** Groups failures by cause; biggest group first, then by title, so the order is stable. */
export function groupFailures(failures: readonly Failure[], perFeature: RunReport['perFeature'] = {}): CauseGroup[] {
  const byKey = new Map<string, { title: string; failures: Failure[] }>();
  for (const f of failures) {
    const { key, title } = causeKey(f, perFeature);
    const group = byKey.get(key) ?? { title, failures: [] };
    group.failures.push(f);
    byKey.set(key, group);
  }
  return [...byKey.values()]
    .map(({ title, failures: fs }) => ({
      title,
      failures: fs
        .map((f, i) => ({ f, i, size: caseSize(f) }))
        .sort((a, b) => a.size - b.size || a.i - b.i)
        .map(({ f }) => f),
    }))
    .sort(
      (a, b) =>
        Number(a.title.startsWith('unconfirmed')) - Number(b.title.startsWith('unconfirmed')) ||
        b.failures.length - a.failures.length ||
        (a.title < b.title ? -1 : a.title > b.title ? 1 : 0),
    );
}
