import { describe, expect, it } from 'vitest';
import { serviceSectionHtml, serviceSectionMarkdown } from './service-table.js';

const counts = { agree: 3, diverge: 1, expectedDivergence: 0, skipped: 0, errored: 0 };

describe('per-service section', () => {
  it('renders one row per service in Markdown and HTML', () => {
    const report = { perService: { s3: counts, kms: { ...counts, diverge: 0 } } };
    const md = serviceSectionMarkdown(report).join('\n');
    expect(md).toContain('## Per service');
    expect(md).toMatch(/`s3`.*3.*1/);
    const html = serviceSectionHtml(report, (c) => `<td>${c.agree}</td>`, (s) => s);
    expect(html).toContain('<code>kms</code>');
    expect(html).toContain('<h2>Per service</h2>');
  });

  it('is absent for a report without per-service counts', () => {
    expect(serviceSectionMarkdown({})).toEqual([]);
    expect(serviceSectionHtml({}, () => '', (s) => s)).toBe('');
  });
});
