import { describe, expect, it } from 'vitest';
import { erroredFailure, HOSTILE, makeReport, propertyFailure, vectorFailure } from '../testing/report-fixtures.js';
import { esc, renderHtml } from './html.js';

const report = makeReport([vectorFailure(), propertyFailure(), erroredFailure()], {
  evaluator: { spec: `cmd:${HOSTILE}`, name: HOSTILE },
  settings: { note: HOSTILE },
});
const html = renderHtml(report);

describe('index.html', () => {
  it('loads nothing from outside: no external src, no href but documentation links, no @import, no url(), no script', () => {
    expect(html).not.toMatch(/\bsrc\s*=\s*["']?\s*(https?:)?\/\//i);
    // Links a reader follows are navigation, not loads; nothing else carries an href.
    expect(html.replace(/<a href="https:\/\/docs\.aws\.amazon\.com\/[^"<>]*">/g, '')).not.toMatch(/\bhref\s*=/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<link/i);
  });

  it('escapes hostile strings from policies, context values, titles and settings', () => {
    expect(html).toContain(esc(HOSTILE));
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    // The only closing </code> tags are our own: one per opening <code>.
    expect(html.match(/<code>/g)?.length).toBe(html.match(/<\/code>/g)?.length);
  });

  it('forbids everything but inline style through its content security policy', () => {
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('shows the per-feature matrix and each failure as an expandable details block', () => {
    expect(html).toMatch(/<tr><th>feature<\/th><th>outcomes<\/th><th>agree share<\/th><th>agree<\/th><th>diverge<\/th><th>expected<\/th><th>skipped<\/th><th>errored<\/th><\/tr>/);
    // A stacked bar per feature, its parts sized by share.
    expect(html).toContain('<div class="bar"><span class="c-agree" style="width:100.00%" title="3 agree"></span></div>');
    for (const f of ['action-wildcard', 'condition-string', 'condition-binary']) expect(html).toContain(`<code>${f}</code>`);
    expect(html.match(/<details( open)?><summary><span class="kind/g)?.length).toBe(3);
    expect(html).toContain(esc(propertyFailure().replay));
    expect(html).toContain('FAILED');
  });

  it('says PASSED and "None." for a clean run', () => {
    const clean = renderHtml(makeReport());
    expect(clean).toContain('<span class="PASSED">PASSED</span>');
    expect(clean).toContain('<p>None.</p>');
  });

  it('escapes all five special characters', () => {
    expect(esc(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('renderHtml coverage section', () => {
  it('shows the operator × value form matrix of generated cases, escaped, and nothing without one', () => {
    const html = renderHtml({ ...makeReport(), coverage: { StringLike: { 'special-variable': 3, '<script>': 1 } } });
    expect(html).toContain('Coverage: operator × value form');
    expect(html).toContain('<code>StringLike</code>');
    expect(html).toContain('special-variable 3 · &lt;script&gt; 1');
    expect(renderHtml(makeReport())).not.toContain('Coverage: operator');
  });
});
