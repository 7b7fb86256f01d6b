/**
 * The per-service table that sits beside the per-feature one in summary.md and index.html: how many
 * cases of each service (the request action's prefix) agreed, diverged, … Kept in its own file so the
 * page layouts can move around it.
 */
import type { Counts, RunReport } from '../harness/results.js';
import { COUNT_COLUMNS } from './labels.js';
import { mdCode, mdTable } from './markdown-text.js';

export interface ServiceRow {
  readonly service: string;
  readonly counts: Counts;
}

/** Rows in the report's order (sorted by prefix); empty for reports without per-service counts. */
export function serviceRows(report: Pick<RunReport, 'perService'>): ServiceRow[] {
  return Object.entries(report.perService ?? {}).map(([service, counts]) => ({ service, counts }));
}

/** The `## Per service` section of summary.md (no lines when the report has no per-service counts). */
export function serviceSectionMarkdown(report: Pick<RunReport, 'perService'>): string[] {
  const rows = serviceRows(report);
  if (rows.length === 0) return [];
  const header = ['service', ...COUNT_COLUMNS.map(([, label]) => label)];
  return ['## Per service', '', mdTable(header, rows.map((r) => [mdCode(r.service, true), ...COUNT_COLUMNS.map(([k]) => r.counts[k])])), ''];
}

/** The `Per service` section of index.html; `cells` renders a counts row as the page does elsewhere. */
export function serviceSectionHtml(report: Pick<RunReport, 'perService'>, cells: (c: Counts) => string, esc: (s: string) => string): string {
  const rows = serviceRows(report);
  if (rows.length === 0) return '';
  const header = COUNT_COLUMNS.map(([, label]) => `<th>${esc(label)}</th>`).join('');
  const body = rows.map((r) => `<tr><td><code>${esc(r.service)}</code></td>${cells(r.counts)}</tr>`).join('');
  return `<h2>Per service</h2>\n<table><tr><th>service</th>${header}</tr>${body}</table>\n`;
}
