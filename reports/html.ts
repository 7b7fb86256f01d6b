import type { Counts, RunReport } from '../harness/results.js';
import { COUNT_COLUMNS } from './labels.js';
import { prettyJson } from './markdown-text.js';
import { serviceSectionHtml } from './service-table.js';
import { buildView, type RenderOptions, type FailureView } from './view.js';

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
`;

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
  const suites = view.suites
    .map((s) => `<tr><td>${esc(s.name)}</td><td class="n">${s.entries}</td>${countCells(s.counts)}</tr>`)
    .join('');
  const features = view.features
    .map((f) => `<tr><td>${code(f.name)}</td>${countCells(f.counts)}</tr>`)
    .join('');
  const causes = view.causes
    .map(
      (c, i) =>
        `<section><h3>${i + 1}. ${esc(c.title)} (${c.failures.length})</h3>` +
        (c.failures.length > 1 && c.features ? `<p>Features involved: ${esc(c.features)}</p>` : '') +
        c.failures.map((f, j) => failureDetails(f, i === 0 && j === 0)).join('') +
        '</section>',
    )
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
<table>${facts}</table>
<h2>Suites</h2>
${suites ? `<table><tr><th>suite</th><th>entries</th>${countHeader}</tr>${suites}</table>` : '<p>No entries.</p>'}
<h2>Per feature</h2>
${features ? `<table><tr><th>feature</th>${countHeader}</tr>${features}</table>` : '<p>No feature counts.</p>'}
${serviceSectionHtml(report, countCells, esc)}<h2>Failures${view.failureCount ? `: ${view.failureCount} in ${view.causes.length} causes` : ''}</h2>
${causes || '<p>None.</p>'}
</body></html>
`;
}
