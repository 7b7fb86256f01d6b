import { describe, expect, it } from 'vitest';
import { makeReport } from '../testing/report-fixtures.js';
import { reportSchemaErrors } from './schema.js';
import { coverageSection } from './coverage.js';
import { renderMarkdown } from './markdown.js';

describe('the coverage matrix in reports', () => {
  const report = { ...makeReport([]), coverage: { StringEquals: { 'special-variable': 3, variable: 5 }, Resource: { exact: 9 } } };

  it('is a valid part of report.json', () => {
    expect(reportSchemaErrors(JSON.parse(JSON.stringify(report)))).toBeUndefined();
    expect(reportSchemaErrors(JSON.parse(JSON.stringify({ ...report, coverage: { StringEquals: { variable: -1 } } })))).toBeDefined();
  });

  it('is a section of summary.md, one line per operator with each form and its count', () => {
    const md = renderMarkdown(report);
    expect(md).toContain('## Coverage: operator × value form');
    expect(md).toContain('| `StringEquals` | special-variable 3 · variable 5 |');
  });

  it('is left out when the run generated no cases', () => {
    expect(coverageSection(makeReport([]))).toEqual([]);
  });
});
