import type { Counts, RunReport } from '../harness/results.js';
import { coverageSection } from './coverage.js';
import { COUNT_COLUMNS } from './labels.js';
import { mdCode, mdFence, mdTable, mdText, prettyJson } from './markdown-text.js';
import { serviceSectionMarkdown } from './service-table.js';
import { buildView, type RenderOptions, type FailureView, type ReportView } from './view.js';

/** Failures shown in full per cause; the rest of a cause is listed one line each. */
const FULL_PER_CAUSE = 3;

const countCells = (c: Counts): number[] => COUNT_COLUMNS.map(([k]) => c[k]);
const countHeader = COUNT_COLUMNS.map(([, label]) => label);

function failureSection(v: FailureView, heading: string): string {
  const lines = [
    `${heading} ${mdText(v.title)}`,
    '',
    `- **${v.kind}** — ${mdText(v.origin)}`,
    `- features: ${v.features.map((f) => mdCode(f)).join(', ') || '—'}`,
    `- expected (${v.expectedBy}): ${mdCode(v.expected)}`,
    `- actual (evaluator): ${mdCode(v.actual)}`,
  ];
  if (v.deciding) {
    lines.push(`- deciding statement: ${mdText(v.deciding.summary)}`);
    for (const r of v.deciding.reasons) lines.push(`  - ${mdText(r)}`);
  }
  lines.push(`- replay: ${mdCode(v.replay)}`);
  if (v.file && v.replayFile) lines.push(`- divergence file: ${mdCode(v.file)} — ${mdCode(v.replayFile)}`);
  lines.push('', 'Request:', '', mdFence(prettyJson(v.request), 'json'));
  v.policies.forEach((p, i) => lines.push('', `Policy ${i}:`, '', mdFence(prettyJson(p), 'json')));
  v.boundaries.forEach((p, i) => lines.push('', `Permissions boundary ${i}:`, '', mdFence(prettyJson(p), 'json')));
  v.serviceControlPolicies.forEach((level, l) =>
    level.forEach((p, i) => lines.push('', `SCP level ${l} (0 = organization root), policy ${i}:`, '', mdFence(prettyJson(p), 'json'))),
  );
  if (v.resourcePolicy !== undefined) lines.push('', 'Resource-based policy:', '', mdFence(prettyJson(v.resourcePolicy), 'json'));
  if (v.deciding?.statement !== undefined) {
    lines.push('', 'Deciding statement:', '', mdFence(prettyJson(v.deciding.statement), 'json'));
  }
  if (v.related) {
    lines.push(
      '',
      `Related case (${mdText(v.related.description)}), answered ${mdCode(v.related.actual)}:`,
      '',
      mdFence(prettyJson(v.related.case), 'json'),
    );
  }
  return lines.join('\n');
}

const briefLine = (v: FailureView): string =>
  `- ${mdText(v.title)}: expected ${mdCode(v.expected)}, actual ${mdCode(v.actual)}; replay ${mdCode(v.replay)}` +
  (v.file ? `; file ${mdCode(v.file)}` : '');

function failuresSection(view: ReportView): string[] {
  if (view.failureCount === 0) return ['## Failures', '', 'None.'];
  const out = [`## Failures: ${view.failureCount} in ${view.causes.length} cause${view.causes.length === 1 ? '' : 's'}`];
  view.causes.forEach((cause, i) => {
    out.push('', `### ${i + 1}. ${mdText(cause.title)} (${cause.failures.length})`);
    if (cause.failures.length > 1 && cause.features) out.push('', `Features involved: ${mdText(cause.features)}`);
    cause.failures.slice(0, FULL_PER_CAUSE).forEach((f) => out.push('', failureSection(f, '####')));
    const rest = cause.failures.slice(FULL_PER_CAUSE);
    if (rest.length > 0) out.push('', `${rest.length} more with the same cause:`, '', ...rest.map(briefLine));
  });
  return out;
}

/** Renders summary.md: headline, run facts, per-suite and per-feature tables, failures by cause. */
export function renderMarkdown(report: RunReport, options: RenderOptions = {}): string {
  const view = buildView(report, options);
  const out = [
    `# iam-conformance: ${view.outcome} — ${mdText(view.evaluator)}`,
    '',
    `**${mdText(view.counts)}**`,
    '',
    mdTable(
      ['run', ''],
      view.facts.map(([k, v]) => [k, k === 'Settings' || k === 'Evaluator' ? mdCode(v, true) : mdText(v)]),
      'left',
    ),
    '',
    '## Suites',
    '',
    view.suites.length === 0
      ? 'No entries.'
      : mdTable(
          ['suite', 'entries', ...countHeader],
          view.suites.map((s) => [s.name, s.entries, ...countCells(s.counts)]),
        ),
    '',
    '## Per feature',
    '',
    view.features.length === 0
      ? 'No feature counts.'
      : mdTable(['feature', ...countHeader], view.features.map((f) => [mdCode(f.name, true), ...countCells(f.counts)])),
    '',
    ...coverageSection(report),
    ...serviceSectionMarkdown(report),
    ...failuresSection(view),
    '',
  ];
  return out.join('\n');
}
