import { join } from 'node:path';
import { FEATURES } from '../oracle/types.js';
import { sumCounts } from '../harness/counts.js';
import { fileReplay } from '../harness/replay.js';
import { SUITES, type Counts, type Failure, type RunReport } from '../harness/results.js';
import { decidingStatement, type DecidingStatement } from './deciding-statement.js';
import { groupFailures } from './group-failures.js';
import { firedLines, statusLabel, suiteRows } from './closing-screen.js';
import {
  countsSentence,
  durationLabel,
  evaluatorLabel,
  expectedBy,
  failureKind,
  originLabel,
  outcomeWord,
  resultDetail,
  verdictDetail,
} from './labels.js';

/**
 * What summary.md and index.html both show, computed once so the two always say the same thing.
 * Values are plain strings and JSON; each renderer escapes them for its own format.
 */
export interface ReportView {
  readonly outcome: 'PASSED' | 'FAILED';
  readonly evaluator: string;
  readonly counts: string;
  /** Label → value lines of the run: evaluator spec, version, seed, times, settings. */
  readonly facts: readonly (readonly [string, string])[];
  readonly features: readonly { readonly name: string; readonly counts: Counts }[];
  readonly suites: readonly { readonly name: string; readonly entries: number; readonly counts: Counts }[];
  /** `run of iam-simulate 0.1.173 (--evaluator iam-simulate), seed 1, 34.7 s`: the closing screen's first line. */
  readonly runLine: string;
  /** One row per suite of cases and per property run, as the closing screen shows them. */
  readonly phases: readonly { readonly name: string; readonly counts: Counts }[];
  /** The known divergences that fired, by cause (the closing screen's list), when expectations were read. */
  readonly known?: {
    readonly head: string;
    /** Under the headline: `not full conformance: 17 known causes fired (8 evaluator bugs, 9 unconfirmed)`. */
    readonly summary: string;
    readonly causes: readonly {
      readonly status: string;
      readonly cause: string;
      readonly description: string;
      readonly entries: number;
      readonly hits: number;
      readonly feature: string;
      readonly links: readonly string[];
    }[];
  };
  /** Every vector and regression group with the documentation page it cites. */
  readonly groups: readonly { readonly suite: string; readonly name: string; readonly file: string; readonly source?: string; readonly counts: Counts }[];
  readonly causes: readonly {
    readonly title: string;
    /** False for a cause of unconfirmed failures only. */
    readonly required: boolean;
    /** Features among the cause's failures, most frequent first: `explicit-deny ×45, not-action ×3`. */
    readonly features: string;
    readonly failures: readonly FailureView[];
  }[];
  /** Failures that fail the run (the headline's `failed` counts these), and their causes. */
  readonly failureCount: number;
  readonly causeCount: number;
  /** Unconfirmed failures: reported, not required, counted apart everywhere. */
  readonly unconfirmedCount: number;
  readonly unconfirmedCauseCount: number;
}

/** `Failures: 8 in 5 causes; 3 unconfirmed (not required) in 2 causes` — the same numbers as the headline. */
export function failuresHeading(v: Pick<ReportView, 'failureCount' | 'causeCount' | 'unconfirmedCount' | 'unconfirmedCauseCount'>): string {
  const s = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts: string[] = [];
  if (v.failureCount) parts.push(`${v.failureCount} in ${s(v.causeCount, 'cause')}`);
  if (v.unconfirmedCount) parts.push(`${v.unconfirmedCount} unconfirmed (not required) in ${s(v.unconfirmedCauseCount, 'cause')}`);
  return parts.length ? `Failures: ${parts.join('; ')}` : 'Failures';
}

export interface FailureView {
  readonly id: string;
  readonly title: string;
  /** `divergence`, `errored` or `unconfirmed`. */
  readonly kind: string;
  readonly origin: string;
  readonly features: readonly string[];
  readonly request: unknown;
  readonly policies: readonly unknown[];
  readonly boundaries: readonly unknown[];
  /** SCP levels, root first (empty: no organization). */
  readonly serviceControlPolicies: readonly (readonly unknown[])[];
  readonly resourcePolicy?: unknown;
  readonly expected: string;
  /** `vector` or `oracle`: whose answer `expected` is. */
  readonly expectedBy: string;
  readonly actual: string;
  readonly deciding?: DecidingStatement;
  readonly replay: string;
  /** `divergences/<name>.json`, and the command replaying that file. */
  readonly file?: string;
  readonly replayFile?: string;
  readonly related?: { readonly description: string; readonly actual: string; readonly case: unknown };
}

/** How the writers name divergence files: path inside the report folder, and the folder itself. */
export interface RenderOptions {
  /** Each failure's divergence file, relative to the report folder (`divergences/<name>.json`). */
  readonly files?: ReadonlyMap<Failure, string>;
  /** The report folder as the user gave it, so replay commands work from where they ran the suite. */
  readonly dir?: string;
}

function failureView(f: Failure, report: RunReport, file: string | undefined, dir: string | undefined): FailureView {
  const deciding = decidingStatement(f);
  return {
    id: f.id,
    title: f.title || f.id,
    kind: failureKind(f),
    origin: originLabel(f.origin),
    features: f.features,
    request: f.case.request,
    policies: f.case.policies,
    boundaries: f.case.permissionsBoundaries ?? [],
    serviceControlPolicies: f.case.serviceControlPolicies ?? [],
    ...(f.case.resourcePolicy !== undefined ? { resourcePolicy: f.case.resourcePolicy } : {}),
    expected: verdictDetail(f.expected),
    expectedBy: expectedBy(f),
    actual: resultDetail(f.actual),
    ...(deciding ? { deciding } : {}),
    replay: f.replay,
    ...(file
      ? {
          file,
          replayFile: fileReplay('replay', dir ? join(dir, file) : file, report.evaluator.spec),
        }
      : {}),
    ...(f.related
      ? { related: { description: f.related.description, actual: resultDetail(f.related.actual), case: f.related.case } }
      : {}),
  };
}

/** Settings can list hundreds of paths; the page shows the start, report.json has them all. */
const SETTINGS_SHOWN = 300;
const clip = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max)}… (in full in report.json)`);

function featureTally(failures: readonly Failure[]): string {
  const n = new Map<string, number>();
  // The features that decided each failure (its cause), not everything its case carries.
  for (const f of failures) for (const x of new Set(f.cause?.features ?? f.features)) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([x, k]) => `${x} ×${k}`)
    .join(', ');
}

function knownSummary(causes: NonNullable<RunReport['knownDivergences']>['causes']): string {
  const bugs = causes.filter((c) => c.status === 'evaluator-bug').length;
  const s = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return (
    `Not full conformance: ${s(causes.length, 'known cause')} of divergence fired ` +
    `(${s(bugs, 'evaluator bug')}, ${causes.length - bugs} unconfirmed), excused by the expectations file.`
  );
}

/** Builds the view of a report for summary.md and index.html. */
export function buildView(report: RunReport, options: RenderOptions = {}): ReportView {
  const facts: [string, string][] = [
    ['Evaluator', `${report.evaluator.spec} (${evaluatorLabel(report)})`],
    ['Verb', report.verb],
    ['Seed', report.seed === undefined ? '—' : String(report.seed)],
    ['Started', report.startedAt],
    ['Finished', `${report.finishedAt} (${durationLabel(report.startedAt, report.finishedAt)})`],
    ['Tool', `${report.tool.name} ${report.tool.version}`],
    ['Excluded features', report.excludedFeatures.join(', ') || '—'],
    // Hits per expectation entry are shown by cause below; report.json keeps them in the settings.
    ['Settings', clip(JSON.stringify({ ...report.settings, expectationHits: undefined }), SETTINGS_SHOWN)],
  ];
  const features = FEATURES.flatMap((name) => {
    const counts = report.perFeature[name];
    return counts ? [{ name, counts }] : [];
  });
  const suites = SUITES.flatMap((name) => {
    const entries = report.entries.filter((e) => e.suite === name);
    if (entries.length === 0) return [];
    return [{ name, entries: entries.length, counts: sumCounts(...entries.map((e) => e.counts)) }];
  });
  const groups = groupFailures(report.failures, report.perFeature);
  const causes = groups.map((g) => ({
    title: g.title,
    required: g.failures.some((f) => f.required),
    features: featureTally(g.failures),
    failures: g.failures.map((f) => failureView(f, report, options.files?.get(f), options.dir)),
  }));
  const k = report.knownDivergences;
  const known = k && k.causes.length > 0
    ? {
        head: firedLines(report)[0] ?? '',
        summary: knownSummary(k.causes),
        causes: k.causes.map((c) => ({
          status: statusLabel(c.status),
          cause: c.cause,
          description: c.description,
          entries: c.entries.length,
          hits: c.hits,
          feature: c.feature,
          links: c.links,
        })),
      }
    : undefined;
  const seed = report.seed === undefined ? '' : `, seed ${report.seed}`;
  return {
    runLine: `${report.verb} of ${evaluatorLabel(report)} (--evaluator ${report.evaluator.spec})${seed}, ${durationLabel(report.startedAt, report.finishedAt)}`,
    phases: suiteRows(report),
    ...(known ? { known } : {}),
    groups: report.entries
      .filter((e) => e.suite === 'vectors' || e.suite === 'regressions')
      .map((e) => ({ suite: e.suite, name: e.name, file: e.file ?? '', ...(e.source ? { source: e.source } : {}), counts: e.counts })),
    outcome: outcomeWord(report),
    evaluator: evaluatorLabel(report),
    counts: countsSentence(report),
    facts,
    features,
    suites,
    causes,
    failureCount: report.failures.filter((f) => f.required).length,
    causeCount: causes.filter((c) => c.required).length,
    unconfirmedCount: report.failures.filter((f) => !f.required).length,
    unconfirmedCauseCount: causes.filter((c) => !c.required).length,
  };
}
