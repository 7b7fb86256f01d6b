import type { TraceStep } from '../oracle/types.js';
import { describeResult } from '../harness/compare.js';
import type { Failure, RunReport } from '../harness/results.js';
import { stableJson } from '../harness/stable-json.js';
import type { Tally } from '../harness/tally.js';
import { groupFailures } from './group-failures.js';

const clip = (s: string, max = 160): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** One line per failure: `FAIL <title>: expected X, got Y` (`NOTE` for unconfirmed ones, not required). */
export function failureLine(f: Failure): string {
  const word = f.required ? 'FAIL' : 'NOTE (unconfirmed, not required)';
  // Property titles already say what was required and what happened; vector titles name the case only.
  if (f.suite === 'properties' || f.suite === 'live') return `${word} ${f.title}`;
  return `${word} ${f.title}: expected ${clip(describeResult(f.expected))}, got ${clip(describeResult(f.actual))}`;
}

/**
 * Vector and regression failures read by cause: one line per cause with its count, its smallest case as
 * the example, and the replay command. A single-case cause is its one line, as before.
 */
export function causeLines(failures: readonly Failure[], replayOf: (f: Failure) => string = (f) => f.replay): string[] {
  return groupFailures(failures).flatMap((g) => {
    const [first] = g.failures;
    if (!first) return [];
    const word = first.required ? 'FAIL' : 'NOTE (unconfirmed, not required)';
    if (g.failures.length === 1) return [`${word} ${clip(`${first.title}: expected ${describeResult(first.expected)}, got ${describeResult(first.actual)}`, 400)}`];
    const title = g.title.replace(/^unconfirmed: /, '');
    return [
      `${word} ${g.failures.length} ${first.suite === 'regressions' ? 'regression' : 'vector'} cases, one cause: ${title}`,
      `  e.g. ${first.title}: expected ${clip(describeResult(first.expected))}, got ${clip(describeResult(first.actual))}`,
      `  replay: ${replayOf(first)}`,
    ];
  });
}

/** The full story of one failure: the (shrunk) case, both verdicts, the oracle's reasoning, the replay. */
export function failureDetails(f: Failure, explain?: (f: Failure) => string | undefined, replay = f.replay): string {
  const lines = [failureLine(f), `  case: ${JSON.stringify(f.case)}`, `  expected: ${describeResult(f.expected)}`];
  lines.push(`  actual:   ${describeResult(f.actual)}`);
  if (f.related) {
    lines.push(`  related (${f.related.description}): ${JSON.stringify(f.related.case)}`);
    lines.push(`    its answer: ${describeResult(f.related.actual)}`);
  }
  const text = explain?.(f) ?? (f.oracleTrace?.length ? plainTrace(f.oracleTrace) : undefined);
  if (text) lines.push('  oracle trace:', ...text.trimEnd().split('\n').map((l) => `    ${l}`));
  lines.push(`  replay: ${replay}`);
  return lines.join('\n');
}

/** A trace as plain lines, one per step (used where the oracle's own explanation is not at hand). */
export const plainTrace = (trace: readonly TraceStep[]): string =>
  trace
    .map((s) => `${s.policySet}[${s.policyIndex}].Statement[${s.statementIndex}] ${s.element}${s.detail ? ` ${s.detail}` : ''}: ${s.reason}`)
    .join('\n');

/** The lines that close a verb's output: unconfirmed and expected divergences apart, then the totals. */
export function closingLines(
  t: Pick<Tally, 'unconfirmed' | 'totals' | 'passed' | 'failed'> & Partial<Pick<Tally, 'entries'>>,
  expectationsFile = 'specs/expectations',
): string[] {
  const lines: string[] = [];
  for (const e of t.entries ?? []) if (e.skipReason !== undefined) lines.push(`SKIP ${e.name}: ${e.skipReason}`);
  const u = t.unconfirmed;
  const unconfirmedTotal = u.agree + u.diverge + u.expectedDivergence + u.errored;
  if (unconfirmedTotal > 0) {
    lines.push(
      `unconfirmed (reported, not required): ${u.agree + u.expectedDivergence} agree, ${u.diverge} diverge, ${u.errored} errored`,
    );
  }
  if (t.totals.expectedDivergence > 0) {
    lines.push(`${t.totals.expectedDivergence} expected divergence(s) recorded in ${expectationsFile}, counted as passed`);
  }
  const skipped = t.totals.skipped > 0 ? `, ${t.totals.skipped} skipped` : '';
  lines.push(`${t.passed} passed, ${t.failed} failed${skipped}`);
  return lines;
}

/** A report without its timestamps and durations, for comparing two runs of the same seed. */
export function timelessReport(r: RunReport): string {
  const { startedAt: _s, finishedAt: _f, ...rest } = r;
  return stableJson({ ...rest, entries: r.entries.map(({ durationMs: _d, ...e }) => e) });
}

