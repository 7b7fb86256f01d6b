import type { Counts, RunReport } from '../harness/results.js';
import { agreeShare, COUNT_COLUMNS } from './labels.js';
import { totalOf } from '../harness/counts.js';
import { prettyJson } from './markdown-text.js';
import { coverageSectionHtml } from './coverage.js';
import { serviceSectionHtml } from './service-table.js';
import { buildView, failuresHeading, type RenderOptions, type FailureView } from './view.js';

/** Failures per cause on the page, smallest first; report.json has every one. */
const SHOWN_PER_CAUSE = 10;

/** Escapes text for HTML element content and quoted attribute values alike. */
export const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

// Inline and offline: the page must open from a CI artifact with no network, so no fonts, images or scripts.
const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1f24}
h1{font-size:1.5rem}h1 .PASSED{color:#1a7f37}h1 .FAILED{color:#cf222e}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #d0d7de;padding:.2rem .6rem}
td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f6f8fa;text-align:left}
td.bad{background:#ffebe9;font-weight:600}td.warn{background:#fff8c5}td.zero{color:#8c959f}
pre{background:#f6f8fa;padding:.6rem;overflow:auto;border-radius:4px}code{font-size:12px}
details{border:1px solid #d0d7de;border-radius:4px;margin:.4rem 0;padding:.3rem .6rem}
summary{cursor:pointer}.kind{font-size:11px;text-transform:uppercase;padding:0 .3rem;border-radius:3px;background:#eaeef2}
.divergence,.errored{background:#ffebe9}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}
.bar{display:flex;width:18rem;height:.9rem;border-radius:3px;overflow:hidden;background:#eaeef2}.bar span{display:block;height:100%}
.c-agree{background:#2da44e}.c-expected{background:#d4a72c}.c-diverge{background:#cf222e}.c-errored{background:#8250df}.c-skipped{background:#afb8c1}
.legend span{display:inline-block;width:.8rem;height:.8rem;margin:0 .2rem 0 .8rem;vertical-align:middle;border-radius:2px}
table.wide{width:100%}.bug{color:#cf222e;font-weight:600}.unconfirmed{color:#9a6700;font-weight:600}
`;

const BAR_PARTS = [
  ['agree', 'agree'],
  ['expectedDivergence', 'expected'],
  ['diverge', 'diverge'],
  ['errored', 'errored'],
  ['skipped', 'skipped'],
] as const satisfies readonly (readonly [keyof Counts, string])[];

/** A stacked bar of a feature's outcomes: green agree, amber expected, red diverge, purple errored, grey skipped. */
function bar(c: Counts): string {
  const total = BAR_PARTS.reduce((n, [k]) => n + c[k], 0);
  if (total === 0) return '<div class="bar"></div>';
  const parts = BAR_PARTS.filter(([k]) => c[k] > 0).map(
    ([k, label]) => `<span class="c-${label}" style="width:${((100 * c[k]) / total).toFixed(2)}%" title="${c[k]} ${label}"></span>`,
  );
  return `<div class="bar">${parts.join('')}</div>`;
}

const LEGEND = `<p class="legend">${BAR_PARTS.map(([, label]) => `<span class="c-${label}"></span>${label}`).join('')}</p>`;

/** A documentation link (navigation only: the page loads nothing from it). */
const docLink = (url: string): string => {
  if (!/^https:\/\//.test(url)) return esc(url);
  // The page's own name reads best: `reference_policies_elements_resource`, `issues/12`.
  const label = url.replace(/^https:\/\/[^/]+\//, '').replace(/[#?].*$/, '').replace(/\.html$/, '').split('/').slice(-2).join('/');
  return `<a href="${esc(url)}" title="${esc(url)}">${esc(label || url)}</a>`;
};

const code = (s: string): string => `<code>${esc(s)}</code>`;
const pre = (v: unknown): string => `<pre><code>${esc(prettyJson(v))}</code></pre>`;

function countCells(c: Counts): string {
  return COUNT_COLUMNS.map(([k]) => {
    const n = c[k];
    const cls = n === 0 ? 'n zero' : k === 'diverge' ? 'n bad' : k === 'errored' || k === 'skipped' ? 'n warn' : 'n';
    return `<td class="${cls}">${n}</td>`;
  }).join('');
}

const countHeader = COUNT_COLUMNS.map(([, label]) => `<th>${esc(label)}</th>`).join('');

function failureDetails(v: FailureView, open: boolean): string {
  const dl: [string, string][] = [
    ['origin', esc(v.origin)],
    ['features', v.features.map(code).join(', ') || '—'],
    [`expected (${v.expectedBy})`, code(v.expected)],
    ['actual (evaluator)', code(v.actual)],
  ];
  if (v.deciding) {
    const reasons = v.deciding.reasons.map((r) => `<li>${esc(r)}</li>`).join('');
    dl.push(['deciding statement', esc(v.deciding.summary) + (reasons ? `<ul>${reasons}</ul>` : '')]);
  }
  dl.push(['replay', code(v.replay)]);
  if (v.file && v.replayFile) dl.push(['divergence file', `${code(v.file)}<br>${code(v.replayFile)}`]);
  const blocks = [`<h5>Request</h5>${pre(v.request)}`];
  v.policies.forEach((p, i) => blocks.push(`<h5>Policy ${i}</h5>${pre(p)}`));
  v.boundaries.forEach((p, i) => blocks.push(`<h5>Permissions boundary ${i}</h5>${pre(p)}`));
  v.serviceControlPolicies.forEach((level, l) => level.forEach((p, i) => blocks.push(`<h5>SCP level ${l}, policy ${i}</h5>${pre(p)}`)));
  if (v.resourcePolicy !== undefined) blocks.push(`<h5>Resource-based policy</h5>${pre(v.resourcePolicy)}`);
  if (v.deciding?.statement !== undefined) blocks.push(`<h5>Deciding statement</h5>${pre(v.deciding.statement)}`);
  if (v.related) {
    blocks.push(`<h5>Related case: ${esc(v.related.description)} — answered ${code(v.related.actual)}</h5>`);
    blocks.push(pre(v.related.case));
  }
  return (
    `<details${open ? ' open' : ''}><summary><span class="kind ${esc(v.kind)}">${esc(v.kind)}</span> ` +
    `${esc(v.title)} — expected ${code(v.expected)}, got ${code(v.actual)}</summary>` +
    `<dl>${dl.map(([k, d]) => `<dt>${esc(k)}</dt><dd>${d}</dd>`).join('')}</dl>${blocks.join('')}</details>`
  );
}

/** Renders index.html: one self-contained page (inline CSS, no scripts, no external resources). */
export function renderHtml(report: RunReport, options: RenderOptions = {}): string {
  const view = buildView(report, options);
  const facts = view.facts.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('');
  const suites = view.phases
    .map((s) => `<tr><td>${esc(s.name)}</td><td class="n">${totalOf(s.counts)}</td>${countCells(s.counts)}</tr>`)
    .join('');
  const features = view.features
    .map((f) => `<tr><td>${code(f.name)}</td><td>${bar(f.counts)}</td><td class="n">${agreeShare(f.counts)}</td>${countCells(f.counts)}</tr>`)
    .join('');
  const known = view.known
    ? `<h2>Known divergences that fired</h2><p>${esc(view.known.head)}</p><table class="wide"><tr><th>status</th><th>cause</th>` +
      `<th>what the evaluator does</th><th>entries</th><th>hits</th><th>feature</th><th>documentation</th></tr>` +
      view.known.causes
        .map(
          (c) =>
            `<tr><td class="${c.status === 'evaluator bug' ? 'bug' : 'unconfirmed'}">${esc(c.status)}</td><td>${code(c.cause)}</td>` +
            `<td>${esc(c.description)}</td><td class="n">${c.entries}</td><td class="n">${c.hits}</td><td>${code(c.feature)}</td>` +
            `<td>${c.links.map(docLink).join('<br>')}</td></tr>`,
        )
        .join('') +
      '</table>'
    : '';
  const groups = view.groups.length
    ? `<h2>Vector and regression groups</h2><details><summary>${view.groups.length} groups, each with the documentation it cites</summary>` +
      `<table><tr><th>group</th><th>file</th><th>documentation</th>${countHeader}</tr>` +
      view.groups
        .map((g) => `<tr><td>${esc(g.name)}</td><td>${code(g.file)}</td><td>${g.source ? docLink(g.source) : '—'}</td>${countCells(g.counts)}</tr>`)
        .join('') +
      '</table></details>'
    : '';
  const noFailures = view.known && view.unconfirmedCount === 0
    ? `<p>None unexpected — but ${view.known.causes.reduce((s, c) => s + c.hits, 0)} divergences of ${view.known.causes.length} known causes fired (above).</p>`
    : '<p>None.</p>';
  const causes = view.causes
    .map((c, i) => {
      const shown = c.failures.slice(0, SHOWN_PER_CAUSE);
      const more = c.failures.length - shown.length;
      return (
        `<section><h3>${i + 1}. ${esc(c.title)} (${c.failures.length})</h3>` +
        (c.failures.length > 1 && c.features ? `<p>Features involved: ${esc(c.features)}</p>` : '') +
        shown.map((f, j) => failureDetails(f, i === 0 && j === 0)).join('') +
        (more > 0 ? `<p>… and ${more} more with the same cause (every case is in report.json).</p>` : '') +
        '</section>'
      );
    })
    .join('');
  const title = `iam-conformance: ${view.outcome} — ${view.evaluator}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head>
<body>
<h1>iam-conformance: <span class="${view.outcome}">${view.outcome}</span> — ${esc(view.evaluator)}</h1>
<p><strong>${esc(view.counts)}</strong></p>
${view.known ? `<p class="unconfirmed">${esc(view.known.summary)}</p>` : ''}
<p>${esc(view.runLine)}</p>
<table>${facts}</table>
<h2>Per feature</h2>
${features ? `${LEGEND}<table><tr><th>feature</th><th>outcomes</th><th>agree share</th>${countHeader}</tr>${features}</table>` : '<p>No feature counts.</p>'}
${serviceSectionHtml(report, countCells, esc)}<h2>Suites and properties</h2>
${suites ? `<table><tr><th></th><th>cases</th>${countHeader}</tr>${suites}</table>` : '<p>No entries.</p>'}
${known}
<h2>${esc(failuresHeading(view))}</h2>
${causes || noFailures}
${groups}
${coverageSectionHtml(report, esc)}</body></html>
`;
}
