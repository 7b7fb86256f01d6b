import type { Counts, RunReport } from '../harness/results.js';
import { coverageSection } from './coverage.js';
import { agreeShare, COUNT_COLUMNS } from './labels.js';
import { totalOf } from '../harness/counts.js';
import { mdCode, mdFence, mdTable, mdText, prettyJson } from './markdown-text.js';
import { buildView, failuresHeading, type RenderOptions, type FailureView, type ReportView } from './view.js';
import { serviceSectionMarkdown } from './service-table.js';

/** Failures shown in full per cause (the smallest); the next few are listed one line each, all are in report.json. */
const FULL_PER_CAUSE = 1;
const LISTED_PER_CAUSE = 10;

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

function knownSection(view: ReportView): string[] {
  if (!view.known) return [];
  return [
    '## Known divergences that fired',
    '',
    mdText(view.known.head),
    '',
    mdTable(
      ['status', 'cause', 'what the evaluator does', 'entries', 'hits', 'feature', 'documentation'],
      view.known.causes.map((c) => [
        c.status,
        mdCode(c.cause, true),
        mdText(c.description),
        c.entries,
        c.hits,
        mdCode(c.feature, true),
        c.links.map((l) => `<${l}>`).join(' '),
      ]),
    ),
    '',
  ];
}

function groupsSection(view: ReportView): string[] {
  if (view.groups.length === 0) return [];
  return [
    '## Vector and regression groups',
    '',
    mdTable(
      ['group', 'file', 'documentation', ...countHeader],
      view.groups.map((g) => [mdText(g.name), mdCode(g.file, true), g.source ? `<${g.source}>` : '—', ...countCells(g.counts)]),
    ),
    '',
  ];
}

function failuresSection(view: ReportView): string[] {
  const total = view.failureCount + view.unconfirmedCount;
  if (total === 0 && view.known) {
    const n = view.known.causes.reduce((s, c) => s + c.hits, 0);
    return ['## Failures', '', `None unexpected — but ${n} divergences of ${view.known.causes.length} known causes fired (above).`];
  }
  if (total === 0) return ['## Failures', '', 'None.'];
  const out = [`## ${failuresHeading(view)}`];
  view.causes.forEach((cause, i) => {
    out.push('', `### ${i + 1}. ${mdText(cause.title)} (${cause.failures.length})`);
    if (cause.failures.length > 1 && cause.features) out.push('', `Features involved: ${mdText(cause.features)}`);
    cause.failures.slice(0, FULL_PER_CAUSE).forEach((f) => out.push('', failureSection(f, '####')));
    const rest = cause.failures.slice(FULL_PER_CAUSE);
    const listed = rest.slice(0, LISTED_PER_CAUSE);
    if (listed.length > 0) out.push('', `${rest.length} more with the same cause:`, '', ...listed.map(briefLine));
    if (rest.length > listed.length) out.push(`- … and ${rest.length - listed.length} more (every case is in report.json)`);
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
    ...(view.known ? [mdText(view.known.summary), ''] : []),
    mdTable(
      ['run', ''],
      view.facts.map(([k, v]) => [k, k === 'Settings' || k === 'Evaluator' ? mdCode(v, true) : mdText(v)]),
      'left',
    ),
    '',
    mdText(view.runLine),
    '',
    '## Suites and properties',
    '',
    view.phases.length === 0
      ? 'No entries.'
      : mdTable(['', 'cases', ...countHeader], view.phases.map((s) => [mdText(s.name), totalOf(s.counts), ...countCells(s.counts)])),
    '',
    '## Per feature',
    '',
    view.features.length === 0
      ? 'No feature counts.'
      : mdTable(
          ['feature', ...countHeader, 'agree share'],
          view.features.map((f) => [mdCode(f.name, true), ...countCells(f.counts), agreeShare(f.counts)]),
        ),
    '',
    ...coverageSection(report),
    ...serviceSectionMarkdown(report),
    ...knownSection(view),
    ...failuresSection(view),
    '',
    ...groupsSection(view),
  ];
  return out.join('\n');
}
