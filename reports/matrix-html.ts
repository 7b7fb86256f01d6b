/**
 * matrix.html: the conformance matrix as one self-contained page (no scripts, fonts or network) —
 * evaluators as columns, properties and features as rows, cells coloured by score and linked to the
 * cell's smallest example, the items that fail in one evaluator only, and each evaluator's score over
 * its versions drawn from the history.
 */
import type { Matrix, MatrixColumn, MatrixExample } from '../harness/matrix.js';
import { percent, type Score } from '../harness/score.js';
import { renderBadge } from './badge.js';
import { slug } from './divergence.js';
import { esc } from './html.js';
import { historyChart } from './matrix-chart.js';
import type { HistoryEntry } from './matrix-history.js';
import { answersText, cellText, columnTitle, outcomeText, ROLE_NOTE } from './matrix-labels.js';

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:90rem;padding:0 1rem;color:#1b1f24}
h1{font-size:1.5rem}table{border-collapse:collapse;margin:.5rem 0 1.5rem}
th,td{border:1px solid #d0d7de;padding:.25rem .6rem}th{background:#f6f8fa;text-align:left}
td.c{text-align:center;font-variant-numeric:tabular-nums;min-width:7rem}td.c a{color:inherit;text-decoration:none;display:block}
td.c small{display:block;color:#57606a;font-size:11px}
.s0{background:#ffc1bd}.s1{background:#ffd8b5}.s2{background:#fff3b0}.s3{background:#eef2c0}.s4{background:#dcf0c0}.s5{background:#b9e6c3}.sn{background:#f6f8fa;color:#8c959f}
th.role-oracle,th.role-baseline{color:#57606a;font-weight:normal}
pre{background:#f6f8fa;padding:.6rem;overflow:auto;border-radius:4px;max-height:24rem}code{font-size:12px}
details{border:1px solid #d0d7de;border-radius:4px;margin:.4rem 0;padding:.3rem .6rem}summary{cursor:pointer}
details:target{outline:2px solid #0969da}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}
.meta{color:#57606a}svg.chart text{font:11px system-ui,sans-serif}
`;

/** Background class of a share, on the badges' scale. */
export function shareClass(share: number | null): string {
  if (share === null) return 'sn';
  if (share >= 0.99) return 's5';
  if (share >= 0.95) return 's4';
  if (share >= 0.9) return 's3';
  if (share >= 0.8) return 's2';
  if (share >= 0.6) return 's1';
  return 's0';
}

const exampleId = (evaluator: string, key: string): string => `ex-${slug(evaluator, 40, 'e')}-${slug(key, 60, 'cell')}`;

function cell(e: MatrixColumn, key: string, s: Score | undefined): string {
  const t = cellText(s);
  const title = s ? `${s.agreed} of ${s.required} required agreed; ${s.diverged} diverged, ${s.expectedDivergence} recorded, ${s.errored} errored, ${s.skipped} skipped` : '';
  const body = `${esc(t.main)}${t.apart ? `<small>${esc(t.apart)}</small>` : ''}`;
  const linked = e.examples[key] ? `<a href="#${exampleId(e.name, key)}">${body}</a>` : body;
  return `<td class="c ${shareClass(s && s.required ? s.share : null)}" title="${esc(title)}">${linked}</td>`;
}

function header(m: Matrix, first: string): string {
  return `<tr><th>${esc(first)}</th>${m.evaluators.map((e) => `<th class="role-${e.role}">${esc(columnTitle(e))}</th>`).join('')}</tr>`;
}

function grid(m: Matrix, rows: readonly string[], prefix: 'property' | 'feature'): string {
  const scoreOf = (e: MatrixColumn, r: string): Score | undefined =>
    prefix === 'property' ? e.properties[r] : e.features[r as keyof MatrixColumn['features']];
  const body = rows
    .map((r) => `<tr><th><code>${esc(r)}</code></th>${m.evaluators.map((e) => cell(e, `${prefix}:${r}`, scoreOf(e, r))).join('')}</tr>`)
    .join('\n');
  return `<table class="grid" id="${prefix}-grid">${header(m, prefix)}\n${body}</table>`;
}

function summary(m: Matrix): string {
  const row = (label: string, f: (e: MatrixColumn) => string) => `<tr><th>${esc(label)}</th>${m.evaluators.map((e) => f(e)).join('')}</tr>`;
  const n = (f: (s: Score) => number) => (e: MatrixColumn) => `<td class="c">${f(e.score)}</td>`;
  return [
    '<table id="scores">',
    header(m, ''),
    row('badge', (e) => `<td class="c">${renderBadge(e.score.share).replace(/<title>.*?<\/title>/, '')}</td>`),
    row('role', (e) => `<td class="c"><small>${esc(ROLE_NOTE[e.role])}</small></td>`),
    row('score', (e) => `<td class="c ${shareClass(e.score.share)}"><strong>${esc(percent(e.score.share))}</strong></td>`),
    row('agreed / required', (e) => `<td class="c">${e.score.agreed} / ${e.score.required}</td>`),
    row('diverged', n((s) => s.diverged)),
    row('recorded divergences', n((s) => s.expectedDivergence)),
    row('errored', n((s) => s.errored)),
    row('skipped', n((s) => s.skipped)),
    row('unconfirmed agreed', (e) => `<td class="c">${e.score.unconfirmed.agreed} / ${e.score.unconfirmed.total}</td>`),
    row('cases answered', (e) => `<td class="c">${e.cases} <small>${(e.durationMs / 1000).toFixed(1)} s</small></td>`),
    '</table>',
  ].join('\n');
}

function example(x: MatrixExample, id: string, title: string): string {
  const cases = x.cases.map((c, i) => `<h5>${x.cases.length > 1 ? (i === 0 ? 'Case' : 'Transformed case') : 'Case'}</h5><pre><code>${esc(JSON.stringify(c, null, 2))}</code></pre>`).join('');
  return [
    `<details id="${id}" class="example"><summary>${esc(title)} — <code>${esc(answersText(x))}</code></summary>`,
    '<dl>',
    `<dt>origin</dt><dd>${esc(x.origin)}</dd>`,
    `<dt>features</dt><dd>${x.features.map((f) => `<code>${esc(f)}</code>`).join(', ') || '—'}</dd>`,
    `<dt>outcome</dt><dd>${esc(outcomeText(x))}</dd>`,
    `<dt>replay</dt><dd><code class="replay">${esc(x.replay)}</code></dd>`,
    '</dl>',
    cases,
    '</details>',
  ].join('\n');
}

export function renderMatrixHtml(m: Matrix, history: readonly HistoryEntry[] = []): string {
  const only = m.failsOnlyHere.length
    ? m.failsOnlyHere
        .map((f) => `<h3>${esc(f.evaluator)}: ${f.total}</h3>\n${f.total === 0 ? '<p>None.</p>' : ''}${f.examples.map((x, i) => example(x, `only-${slug(f.evaluator, 40, 'e')}-${i}`, `${x.row}: ${x.item}`)).join('\n')}`)
        .join('\n')
    : '<p>Needs at least two evaluators under test.</p>';
  const causes = m.evaluators
    .filter((e) => e.role === 'tested')
    .map((e) => {
      const list = (e.causes ?? [])
        .map((c, i) => example(c.example, `cause-${slug(e.name, 40, 'e')}-${i}`, `${c.items} × ${c.title}`))
        .join('\n');
      return `<h3>${esc(e.name)}: ${(e.causes ?? []).length} causes</h3>\n${list || '<p>None.</p>'}`;
    })
    .join('\n');
  const examples = m.evaluators
    .filter((e) => e.role === 'tested')
    .map((e) => {
      const keys = Object.keys(e.examples).sort();
      const list = keys.map((k) => example(e.examples[k] as MatrixExample, exampleId(e.name, k), k)).join('\n');
      return `<h3>${esc(e.name)}</h3>\n${list || '<p>No failing cell.</p>'}`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>IAM conformance matrix — ${esc(m.corpus.id)}</title><style>${STYLE}</style></head>
<body>
<h1>IAM conformance matrix</h1>
<p class="meta">Corpus <code>${esc(m.corpus.id)}</code>: ${m.corpus.items} items, ${m.corpus.cases} cases (seed ${m.corpus.seed}, ${m.corpus.runs} runs per property and profile) · ${esc(m.tool.name)} ${esc(m.tool.version)} · ${esc(m.generatedAt)}<br>Made by <code>${esc(m.command)}</code></p>
<p>Score: the share of required cases with a right answer (vectors, regressions, differential and validation inputs) the evaluator agreed on. Recorded divergences, errors, skips and unconfirmed vectors are counted apart, never as passes. A cell links to its smallest failing example.</p>
${summary(m)}
<h2>History</h2>
${historyChart(history)}
<h2>By property</h2>
<p>Metamorphic properties ask only that an evaluator agree with itself, which a constant answer does: compare with the baselines.</p>
${grid(m, m.propertyRows, 'property')}
<h2>By feature</h2>
${grid(m, m.featureRows, 'feature')}
<h2 id="fails-only-here">Fails only here</h2>
<p>Required items where exactly one evaluator under test fails and every other one agrees, smallest first.</p>
${only}
<h2 id="causes">Failures by cause</h2>
<p>The required items an evaluator under test did not agree on, grouped as <code>run</code> groups failures (a recorded divergence by the cause its expectation names), most items first, each with its smallest example.</p>
${causes}
<h2>Examples</h2>
${examples}
</body></html>
`;
}
