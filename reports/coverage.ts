/**
 * The coverage matrix in summary.md and index.html: for each row (condition operator, Resource, NotResource, Context,
 * Policy) the value forms the run's generated cases put in front of it, with the number of cases.
 * One line per row keeps the table narrow whatever the number of forms.
 */
import type { RunReport } from '../harness/results.js';
import { mdCode, mdTable } from './markdown-text.js';

const HEADING = 'Coverage: operator × value form';
const INTRO = 'Generated cases that put each value form in front of each operator or element (harness/coverage.ts).';

/** The matrix as rows of (operator or element, its value forms with their case counts). */
function coverageRows(report: Pick<RunReport, 'coverage'>): [string, string][] {
  return Object.entries(report.coverage ?? {}).map(([row, forms]) => [row, Object.entries(forms).map(([form, n]) => `${form} ${n}`).join(' · ')]);
}

/** Markdown lines of the "Coverage" section; none when the run generated no cases. */
export function coverageSection(report: RunReport): string[] {
  const rows = coverageRows(report).map(([row, forms]) => [mdCode(row, true), forms]);
  if (rows.length === 0) return [];
  return [
    `## ${HEADING}`,
    '',
    INTRO,
    '',
    mdTable(['operator / element', 'value forms (cases)'], rows, 'left'),
    '',
  ];
}

/** The same section for index.html (`esc` escapes element text); empty when the run generated no cases. */
export function coverageSectionHtml(report: Pick<RunReport, 'coverage'>, esc: (s: string) => string): string {
  const rows = coverageRows(report);
  if (rows.length === 0) return '';
  const body = rows.map(([row, forms]) => `<tr><td><code>${esc(row)}</code></td><td>${esc(forms)}</td></tr>`).join('');
  return `<h2>${esc(HEADING)}</h2>\n<p>${esc(INTRO)}</p>\n<table><tr><th>operator / element</th><th>value forms (cases)</th></tr>${body}</table>\n`;
}
