import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../harness/package-root.js';
import { cli, tempFiles } from '../testing/cli-capture.js';
import type { RunReport } from '../harness/results.js';

const root = packageRoot();
const mutant = `module:${join(root, 'testing', 'mutants', 'deny-blind.ts')}`;

/** The mutant's one bug, recorded as a known divergence. */
const expectations = [
  {
    id: 'deny-ignored',
    description: 'The mutant answers allowed where an explicit Deny applies',
    match: { features: ['explicit-deny'] },
    expected: 'explicitDeny',
    actual: 'allowed',
    citation: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html',
    feature: 'explicit-deny',
    status: 'evaluator-bug',
  },
];

describe('known divergences (specs/expectations)', () => {
  it('turn a recorded bug into expected divergences: the run passes, counting them apart', async () => {
    const dir = tempFiles({ 'mutant.json': expectations });
    const out = join(dir, 'report');
    const r = await cli(
      ['run', '--evaluator', mutant, '--expectations', 'mutant.json', '--runs', '25', '--quiet', '--report-dir', 'report'],
      dir,
    );
    expect(r.out).toMatch(/^\d+ expected divergence\(s\) recorded in mutant\.json, counted as passed$/m);
    expect(r.out).toMatch(/^\d+ passed, 0 failed$/m);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as RunReport;
    expect(report.totals.expectedDivergence).toBeGreaterThan(0);
    // Generated cases with a Deny were answered from the record, so the properties kept searching.
    const differential = report.entries.find((e) => e.name === 'differential [default]');
    expect(differential?.counts.expectedDivergence).toBeGreaterThan(0);
    expect(differential?.failures).toEqual([]);
  });

  it('excuse nothing with --no-expectations', async () => {
    const dir = tempFiles({ 'mutant.json': expectations });
    const r = await cli(
      ['run', '--evaluator', mutant, '--suite', 'vectors', '--expectations', 'mutant.json', '--no-expectations', '--quiet', '--no-report'],
      dir,
    );
    expect(r.code).toBe(1);
  });
});
