import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../harness/package-root.js';
import type { RunReport } from '../harness/results.js';
import { timelessReport } from '../reports/terminal.js';
import { cli, tempFiles } from '../testing/cli-capture.js';

const root = packageRoot();
const readReport = (dir: string): RunReport => JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as RunReport;

/** The same run at one worker and at two: the reports must not differ but in times. */
async function atOneAndTwo(argv: readonly string[], code: number, suites = ['--suite', 'properties']): Promise<[RunReport, RunReport, string, string]> {
  const [one, two] = [tempFiles({}), tempFiles({})];
  const a = await cli([...argv, ...suites, '--quiet', '--workers', '1', '--report-dir', one], root);
  const b = await cli([...argv, ...suites, '--quiet', '--workers', '2', '--report-dir', two], root);
  expect(b.err).toBe('');
  expect([a.code, b.code]).toEqual([code, code]);
  // Replay lines name the report folder and the closing screen the run's time: all that may differ.
  const same = (out: string, dir: string) => out.split(dir).join('DIR').replace(/\b\d+(\.\d+)? (m?s|min)\b/g, 'TIME');
  return [readReport(one), readReport(two), same(a.out, one), same(b.out, two)];
}

describe('run --workers N', () => {
  it('finds, shrinks and reports exactly what one worker does, in the same order', async () => {
    const mutant = `module:${join(root, 'testing', 'mutants', 'deny-blind.ts')}`;
    const [one, two, outOne, outTwo] = await atOneAndTwo(['run', '--evaluator', mutant, '--seed', '5', '--runs', '10', '--exclude-features', 'policy-variables'], 1);
    expect(one.failures.length).toBeGreaterThan(0);
    expect(timelessReport(two)).toBe(timelessReport(one));
    expect(outTwo).toBe(outOne);
  });

  it('counts expected divergences and expectation hits as one worker does', async () => {
    const [one, two] = await atOneAndTwo(['run', '--evaluator', 'iam-simulate', '--runs', '10'], 0);
    expect(one.totals.expectedDivergence).toBeGreaterThan(0);
    expect(timelessReport(two)).toBe(timelessReport(one));
  });

  it('gives the same report when the workers start on the properties while this thread runs the vectors', async () => {
    const mutant = `module:${join(root, 'testing', 'mutants', 'deny-blind.ts')}`;
    const [one, two, outOne, outTwo] = await atOneAndTwo(['run', '--evaluator', mutant, '--seed', '5', '--runs', '10'], 1, []);
    expect(one.failures.some((f) => f.suite === 'vectors')).toBe(true);
    expect(one.failures.some((f) => f.suite === 'properties')).toBe(true);
    expect(timelessReport(two)).toBe(timelessReport(one));
    expect(outTwo).toBe(outOne);
  });
});
