/**
 * The conformance score (defined once, in docs/conformance-score.md): of the required items, the share
 * the evaluator agreed on. Everything else is counted apart and never as a pass: recorded (expected)
 * divergences, skips, errors; unconfirmed vectors have their own agreed/total beside the score.
 */
import type { ItemOutcome } from './compare-run.js';
import type { CorpusItem } from './corpus.js';

export interface Score {
  /** Required items agreed: the numerator. */
  readonly agreed: number;
  /** Required items: the denominator. */
  readonly required: number;
  /** Required items that diverged, with no recorded divergence to explain them. */
  readonly diverged: number;
  /** Required items whose divergence is recorded in the evaluator's expectations file. */
  readonly expectedDivergence: number;
  readonly errored: number;
  /** Required items the evaluator declared unsupported. */
  readonly skipped: number;
  /** `agreed / required`, or null when nothing was required. */
  readonly share: number | null;
  /** Unconfirmed vectors (the docs are silent or disagree): agreed of total, never in the share. */
  readonly unconfirmed: { readonly agreed: number; readonly total: number };
}

/** The score over the items `include` picks (by index into the corpus). */
export function scoreOf(items: readonly CorpusItem[], outcomes: readonly ItemOutcome[], include: (item: CorpusItem) => boolean): Score {
  let agreed = 0;
  let required = 0;
  let diverged = 0;
  let expectedDivergence = 0;
  let errored = 0;
  let skipped = 0;
  let unconfirmedAgreed = 0;
  let unconfirmedTotal = 0;
  items.forEach((item, i) => {
    if (!include(item)) return;
    const kind = outcomes[i]?.kind ?? 'skipped';
    if (!item.required) {
      unconfirmedTotal++;
      if (kind === 'agree') unconfirmedAgreed++;
      return;
    }
    required++;
    if (kind === 'agree') agreed++;
    else if (kind === 'diverge') diverged++;
    else if (kind === 'expectedDivergence') expectedDivergence++;
    else if (kind === 'errored') errored++;
    else skipped++;
  });
  return {
    agreed,
    required,
    diverged,
    expectedDivergence,
    errored,
    skipped,
    share: required === 0 ? null : agreed / required,
    unconfirmed: { agreed: unconfirmedAgreed, total: unconfirmedTotal },
  };
}

/** `96.7%` — one decimal, rounded down so 99.97% never shows as 100.0%; `n/a` when nothing was required. */
export function percent(share: number | null): string {
  if (share === null) return 'n/a';
  return `${(Math.floor(share * 1000) / 10).toFixed(1)}%`;
}
