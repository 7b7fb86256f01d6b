/**
 * The closing screen of `run`: which evaluator was tested, with which seed and for how long, what each
 * suite and property did, and which known divergences fired — so "0 failed" is never read as "conforms".
 */
import type { Counts, RunReport } from '../harness/results.js';
import { sumCounts } from '../harness/counts.js';
import { durationLabel, evaluatorLabel } from './labels.js';
import { closingLines } from './terminal.js';

const COLUMNS = ['cases', 'agree', 'diverge', 'expected', 'skipped', 'errored'] as const;

const cells = (c: Counts): number[] => [
  c.agree + c.diverge + c.expectedDivergence + c.skipped + c.errored,
  c.agree,
  c.diverge,
  c.expectedDivergence,
  c.skipped,
  c.errored,
];

/** Rows of the per-suite table: regressions and vectors summed, each property run on its own line. */
export function suiteRows(report: RunReport): { readonly name: string; readonly counts: Counts }[] {
  const rows: { name: string; counts: Counts }[] = [];
  for (const suite of ['regressions', 'vectors', 'live'] as const) {
    const entries = report.entries.filter((e) => e.suite === suite);
    if (entries.length) rows.push({ name: `${suite} (${entries.length} groups)`, counts: sumCounts(...entries.map((e) => e.counts)) });
  }
  for (const e of report.entries) if (e.suite === 'properties') rows.push({ name: e.name, counts: e.counts });
  return rows;
}

/** `evaluator bug` / `unconfirmed`: the status words a reader sees. */
export const statusLabel = (s: 'evaluator-bug' | 'unconfirmed'): string => (s === 'evaluator-bug' ? 'evaluator bug' : 'unconfirmed');

/** A padded table: first column left-aligned, numbers right-aligned. */
function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string[] {
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd());
}

/** The known divergences that fired, one line per cause: status, name, entries, hits, feature, doc link. */
export function firedLines(report: RunReport): string[] {
  const k = report.knownDivergences;
  if (!k || k.causes.length === 0) return [];
  const head =
    `known divergences of ${report.evaluator.name} that fired: ${k.fired} of ${k.entries} entries in ${k.file}, ` +
    `${k.causes.length} cause${k.causes.length === 1 ? '' : 's'} (hits: answers excused, every case a property sent counted)`;
  const rows = k.causes.map((c) => [
    statusLabel(c.status),
    c.cause,
    `${c.entries.length} ${c.entries.length === 1 ? 'entry' : 'entries'}`,
    `${c.hits} hits`,
    c.feature,
    `${c.links[0] ?? ''}${c.links.length > 1 ? ` (+${c.links.length - 1})` : ''}`,
  ]);
  const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return [head, ...rows.map((r) => `  ${r.map((c, i) => (i === 2 || i === 3 ? c.padStart(widths[i] ?? 0) : i < 5 ? c.padEnd(widths[i] ?? 0) : c)).join('  ')}`)];
}

/** Every line of `run`'s closing screen, the totals last. */
export function closingScreen(report: RunReport, t: Parameters<typeof closingLines>[0], expectationsFile?: string): string[] {
  const seed = report.seed === undefined ? '' : `, seed ${report.seed}`;
  const lines = [
    '',
    `${report.verb} of ${evaluatorLabel(report)} (--evaluator ${report.evaluator.spec})${seed}, ${durationLabel(report.startedAt, report.finishedAt)}`,
  ];
  const rows = suiteRows(report);
  if (rows.length) lines.push(...table(['', ...COLUMNS], rows.map((r) => [r.name, ...cells(r.counts)])));
  const fired = firedLines(report);
  if (fired.length) lines.push('', ...fired);
  lines.push('', ...closingLines(t, expectationsFile));
  return lines;
}
