import { join } from 'node:path';
import type { RunReport } from '../harness/results.js';
import { countsSentence, outcomeWord } from './labels.js';
import { slug } from './divergence.js';

/**
 * The default report folder, relative to the working directory: `reports/out/<UTC timestamp>-<verb>-<evaluator>`,
 * e.g. `reports/out/2026-11-28T01-20-48-123Z-run-iam-simulate`. Colon-free so it is a valid name everywhere.
 */
export function defaultReportDir(verb: string, evaluatorName: string, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return join('reports', 'out', `${stamp}-${slug(verb, 20, 'run')}-${slug(evaluatorName, 40, 'evaluator')}`);
}

/** The closing line of a verb: `FAILED: 3 failed, 120 passed, … — report: DIR`. */
export function summaryLine(report: RunReport, dir?: string): string {
  return `${outcomeWord(report)}: ${countsSentence(report)}${dir ? ` — report: ${dir}` : ''}`;
}
