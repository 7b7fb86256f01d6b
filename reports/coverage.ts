/**
 * The coverage matrix in summary.md: for each row (condition operator, Resource, NotResource, Context,
 * Policy) the value forms the run's generated cases put in front of it, with the number of cases.
 * One line per row keeps the table narrow whatever the number of forms.
 */
import type { RunReport } from '../harness/results.js';
import { mdCode, mdTable } from './markdown-text.js';

/** Markdown lines of the "Coverage" section; none when the run generated no cases. */
export function coverageSection(report: RunReport): string[] {
  const matrix = report.coverage;
  if (matrix === undefined || Object.keys(matrix).length === 0) return [];
  const rows = Object.entries(matrix).map(([row, forms]) => {
    const cells = Object.entries(forms).map(([form, n]) => `${form} ${n}`);
    return [mdCode(row, true), cells.join(' · ')];
  });
  return [
    '## Coverage: operator × value form',
    '',
    'Generated cases that put each value form in front of each operator or element (harness/coverage.ts).',
    '',
    mdTable(['operator / element', 'value forms (cases)'], rows, 'left'),
    '',
  ];
}
