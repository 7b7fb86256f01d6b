import junitModule from 'junit-report-builder';
import type { Builder, TestCase } from 'junit-report-builder';
import { SUITES, type Entry, type Failure, type RunReport, type Suite } from '../harness/results.js';
import { COUNT_COLUMNS, expectedBy, originLabel, resultDetail, verdictDetail } from './labels.js';

// CommonJS: Node hands the builder over as the default export, TypeScript's NodeNext view wraps it once more.
const junit = ((junitModule as unknown as { default?: Builder }).default ?? junitModule) as unknown as Builder;

/**
 * `]]>` would end the CDATA section; xmlbuilder splits the section there, but not every reader joins the
 * halves back, so we never emit it: JSON keeps its meaning with `>` as `\u003e`, prose gets a space.
 */
const cdataSafeJson = (v: unknown): string => JSON.stringify(v, null, 2).replace(/\]\]>/g, ']]\\u003e');
const cdataSafe = (s: string): string => s.replace(/\]\]>/g, ']] >');

/** The text a CI page shows under a failed test: enough to understand and replay without the folder. */
function failureText(f: Failure, file: string | undefined): string {
  const prose = [
    f.title || f.id,
    // The cause (harness/cause.ts) tells which failures are one bug: the same line under each of them.
    ...(f.cause ? [`cause: ${f.cause.title}`] : []),
    `origin: ${originLabel(f.origin)}`,
    `features: ${f.features.join(', ') || '-'}`,
    `expected (${expectedBy(f)}): ${verdictDetail(f.expected)}`,
    `actual (evaluator): ${resultDetail(f.actual)}`,
    `replay: ${f.replay}`,
    ...(file ? [`divergence file: ${file}`] : []),
  ].map(cdataSafe);
  const related = f.related
    ? [cdataSafe(`related case (${f.related.description}): ${resultDetail(f.related.actual)}`), cdataSafeJson(f.related.case)]
    : [];
  return [...prose, 'case:', cdataSafeJson(f.case), ...related].join('\n');
}

const headline = (fs: readonly Failure[]): string => {
  const first = fs[0];
  if (!first) return '';
  const more = fs.length > 1 ? ` (+${fs.length - 1} more)` : '';
  return `${first.title || first.id}: expected ${verdictDetail(first.expected)}, got ${resultDetail(first.actual)}${more}`;
};

/**
 * Marks one test case from its failures and counts: a required divergence is a JUnit failure, an
 * evaluator error a JUnit error, unconfirmed divergences go to system-out (reported, not required),
 * and an entry whose every case was skipped is skipped.
 */
function mark(tc: TestCase, entry: Entry, failures: readonly Failure[], files: ReadonlyMap<Failure, string>): void {
  const text = (fs: readonly Failure[]): string => fs.map((f) => failureText(f, files.get(f))).join('\n\n');
  const required = failures.filter((f) => f.required);
  const diverged = required.filter((f) => f.actual.kind === 'verdict');
  const errored = required.filter((f) => f.actual.kind === 'errored');
  const optional = failures.filter((f) => !f.required);
  const c = entry.counts;
  if (diverged.length > 0) {
    tc.failure(headline(diverged), 'divergence').stacktrace(text(required));
  } else if (errored.length > 0) {
    tc.error(headline(errored), 'errored', text(errored));
  } else if (c.errored > 0) {
    tc.error(`${c.errored} case${c.errored === 1 ? '' : 's'} errored`, 'errored');
  } else if (c.skipped > 0 && c.agree + c.diverge + c.expectedDivergence + c.errored === 0) {
    tc.skipped();
  }
  if (optional.length > 0) tc.standardOutput(`Unconfirmed (reported, not required):\n\n${text(optional)}`);
}

/** Renders junit.xml: one testsuite per suite, one testcase per Entry (property, vector group, regression file). */
export function renderJunit(report: RunReport, files: ReadonlyMap<Failure, string> = new Map()): string {
  const b = junit.newBuilder().name(`iam-conformance ${report.evaluator.spec}`);
  const byId = new Map<string, Failure[]>();
  for (const f of report.failures) byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
  const attributed = new Set<Failure>();
  const suiteOf = new Map<Suite, ReturnType<typeof b.testSuite>>();
  const suite = (name: Suite) => {
    let s = suiteOf.get(name);
    if (!s) {
      s = b.testSuite().name(name).timestamp(report.startedAt).property('evaluator', report.evaluator.spec);
      suiteOf.set(name, s);
    }
    return s;
  };
  const ordered = [...report.entries].sort((a, b2) => SUITES.indexOf(a.suite) - SUITES.indexOf(b2.suite));
  for (const entry of ordered) {
    const tc = suite(entry.suite)
      .testCase()
      .className(`iam-conformance.${entry.suite}`)
      .name(entry.name)
      .time(entry.durationMs / 1000);
    if (entry.file) tc.file(entry.file);
    for (const [key, label] of COUNT_COLUMNS) tc.property(label, String(entry.counts[key]));
    const failures = entry.failures.flatMap((id) => byId.get(id) ?? []);
    failures.forEach((f) => attributed.add(f));
    mark(tc, entry, failures, files);
  }
  // A failure no entry claims must still fail the build visibly rather than vanish.
  for (const f of report.failures.filter((x) => !attributed.has(x))) {
    const tc = suite(f.suite).testCase().className(`iam-conformance.${f.suite}`).name(f.title || f.id);
    const entry: Entry = { suite: f.suite, name: f.id, counts: { agree: 0, diverge: 1, expectedDivergence: 0, skipped: 0, errored: 0 }, durationMs: 0, failures: [f.id] };
    mark(tc, entry, [f], files);
  }
  return b.build();
}
