/** Words shared by the matrix writers (Markdown and HTML say the same thing). */
import type { MatrixColumn, MatrixExample } from '../harness/matrix.js';
import { percent, type Score } from '../harness/score.js';

/** `97.3%`, then what is counted apart: recorded divergences, errors, skips (never passes). */
export function cellText(s: Score | undefined): { readonly main: string; readonly apart: string } {
  if (!s || s.required === 0) return { main: s && s.unconfirmed.total ? 'unconfirmed only' : '—', apart: unconfirmedText(s) };
  const apart = [
    s.expectedDivergence ? `${s.expectedDivergence} recorded` : '',
    s.errored ? `${s.errored} errored` : '',
    s.skipped ? `${s.skipped} skipped` : '',
  ].filter(Boolean);
  const u = unconfirmedText(s);
  return { main: percent(s.share), apart: [...apart, ...(u ? [u] : [])].join(', ') };
}

const unconfirmedText = (s: Score | undefined): string => (s && s.unconfirmed.total ? `unconfirmed ${s.unconfirmed.agreed}/${s.unconfirmed.total}` : '');

export const columnTitle = (e: MatrixColumn): string => `${e.name}${e.version !== undefined ? ` ${e.version}` : ''}`;

export const ROLE_NOTE: Readonly<Record<MatrixColumn['role'], string>> = {
  oracle: 'the reference (must score 100%)',
  baseline: 'implements nothing: what a score is worth',
  tested: 'under test',
};

/**
 * `error (expected implicitDeny)` for a vector, `allowed → implicitDeny (oracle: allowed → allowed)` for a
 * metamorphic pair: the evaluator's answers, then the reference's where they differ.
 */
export function answersText(x: MatrixExample): string {
  const got = x.answers.join(' → ');
  const want = x.expected.join(' → ');
  if (got === want) return got;
  return `${got} (${x.row === 'vectors' || x.row === 'regressions' ? 'expected' : 'oracle'}: ${want})`;
}

export const outcomeText = (x: MatrixExample): string =>
  x.outcome === 'expectedDivergence' ? `recorded divergence ${x.note ?? ''}`.trim() : x.note !== undefined ? `${x.outcome}: ${x.note}` : x.outcome;
