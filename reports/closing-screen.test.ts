import { describe, expect, it } from 'vitest';
import { counts, entry, makeReport } from '../testing/report-fixtures.js';
import type { RunReport } from '../harness/results.js';
import { closingScreen } from './closing-screen.js';
import { renderMarkdown } from './markdown.js';
import { renderHtml } from './html.js';

const LINK = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html';

const report: RunReport = {
  ...makeReport([], {
    entries: [
      entry({ name: 'Describe* grants only Describe actions', counts: counts({ agree: 3 }) }),
      entry({ name: 'dates', counts: counts({ agree: 1, expectedDivergence: 1 }) }),
      entry({ suite: 'properties', name: 'differential [default]', counts: counts({ agree: 290, expectedDivergence: 10 }) }),
    ],
    totals: counts({ agree: 294, expectedDivergence: 11 }),
  }),
  knownDivergences: {
    file: 'specs/expectations/broken.json',
    entries: 5,
    fired: 2,
    causes: [
      { cause: 'date-epoch-seconds', status: 'evaluator-bug', feature: 'condition-date', links: [LINK], description: 'reads epoch seconds as milliseconds', hits: 9, entries: [{ id: 'a', hits: 9 }] },
      { cause: 'empty-list-key', status: 'unconfirmed', feature: 'multivalued-context', links: [LINK], description: 'counts an empty list as present', hits: 2, entries: [{ id: 'b', hits: 2 }] },
    ],
  },
};

describe('the closing screen of run', () => {
  const lines = closingScreen(report, { unconfirmed: counts(), totals: report.totals, passed: 305, failed: 0 }, 'specs/expectations/broken.json');
  const text = lines.join('\n');

  it('names the evaluator, its version, the seed and the duration', () => {
    expect(text).toMatch(/^run of broken 1\.0\.0 \(--evaluator module:\.\/broken\.js\), seed 42, \d+\.\d s$/m);
  });

  it('has one line per suite and per property run', () => {
    expect(text).toMatch(/^ +cases +agree +diverge +expected +skipped +errored$/m);
    expect(text).toMatch(/^vectors \(2 groups\) +5 +4 +0 +1 +0 +0$/m);
    expect(text).toMatch(/^differential \[default\] +300 +290 +0 +10 +0 +0$/m);
  });

  it('lists the known divergences that fired by cause, with status and documentation link', () => {
    expect(text).toContain('known divergences of broken that fired: 2 of 5 entries in specs/expectations/broken.json, 2 causes');
    expect(text).toMatch(new RegExp(`^  evaluator bug +date-epoch-seconds +1 entry +9 hits +condition-date +${LINK.replace(/\./g, '\\.')}$`, 'm'));
    expect(text).toMatch(/^ {2}unconfirmed +empty-list-key +1 entry +2 hits/m);
  });

  it('ends with the totals line', () => {
    expect(lines.at(-1)).toBe('305 passed, 0 failed');
  });
});

describe('the report tells the same story', () => {
  it('summary.md lists the fired causes and does not say "None." when known divergences fired', () => {
    const md = renderMarkdown(report);
    expect(md).toContain('## Known divergences that fired');
    expect(md).toContain(`| evaluator bug | \`date-epoch-seconds\` | reads epoch seconds as milliseconds | 1 | 9 | \`condition-date\` | <${LINK}> |`);
    expect(md).toContain('## Failures\n\nNone unexpected — but 11 divergences of 2 known causes fired (above).');
    expect(md).not.toContain('## Failures\n\nNone.');
    expect(md).toMatch(/^run of broken 1\.0\.0/m);
    expect(md).toContain('Not full conformance: 2 known causes of divergence fired (1 evaluator bug, 1 unconfirmed), excused by the expectations file.');
  });

  it('index.html links each cause to its documentation page', () => {
    const html = renderHtml(report);
    expect(html).toContain('<td class="bug">evaluator bug</td><td><code>date-epoch-seconds</code></td>');
    expect(html).toContain(`<a href="${LINK}" title="${LINK}">UserGuide/reference_policies_elements_condition_operators</a>`);
    expect(html).not.toContain('<p>None.</p>');
  });
});
