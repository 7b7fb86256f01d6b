import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVectorFiles } from '../harness/vector-file.js';
import { erroredFailure, makeReport, propertyFailure, vectorFailure } from '../testing/report-fixtures.js';
import { defaultReportDir, reportSchemaErrors, summaryLine, writeReportFolder } from './index.js';

describe('writeReportFolder', () => {
  it('writes report.json, summary.md, index.html, junit.xml and one divergence file per failure', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'report-')), 'nested', 'out');
    const report = makeReport([vectorFailure(), propertyFailure(), erroredFailure()]);
    const written = await writeReportFolder(report, dir);
    expect(written.slice(0, 4)).toEqual(['report.json', 'summary.md', 'index.html', 'junit.xml'].map((f) => join(dir, f)));
    const divergences = await readdir(join(dir, 'divergences'));
    expect(divergences).toHaveLength(3);

    const json = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as unknown;
    expect(reportSchemaErrors(json)).toBeUndefined();
    expect(json).toEqual(JSON.parse(JSON.stringify(report)));

    const files = await loadVectorFiles([join(dir, 'divergences')]);
    expect(files.flatMap((f) => f.groups.map((g) => g.cases[0]?.expected)).sort()).toEqual(['error', 'explicitDeny', 'implicitDeny']);
    for (const f of files) expect(f.groups[0]).toMatchObject({ evaluator: 'module:./broken.js', foundAt: report.startedAt });

    const summary = await readFile(join(dir, 'summary.md'), 'utf8');
    for (const name of divergences) expect(summary).toContain(`iam-conformance replay ${join(dir, 'divergences', name)}`);
  });

  it('removes divergence files left by an earlier run in the same folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'report-stale-'));
    await mkdir(join(dir, 'divergences'));
    await writeFile(join(dir, 'divergences', 'old.json'), '[]');
    await writeFile(join(dir, 'divergences', 'keep.txt'), 'not ours');
    await writeReportFolder(makeReport(), dir);
    expect(await readdir(join(dir, 'divergences'))).toEqual(['keep.txt']);
  });
});

describe('defaultReportDir and summaryLine', () => {
  it('names the folder after the UTC time, verb and evaluator, safely', () => {
    const now = new Date('2026-11-28T01:20:48.123Z');
    expect(defaultReportDir('run', 'iam-simulate', now)).toBe(join('reports', 'out', '2026-11-28T01-20-48-123Z-run-iam-simulate'));
    expect(defaultReportDir('run', 'cmd:python3 ../x.py', now)).toBe(join('reports', 'out', '2026-11-28T01-20-48-123Z-run-cmd-python3-x-py'));
  });

  it('closes with the outcome and every count', () => {
    expect(summaryLine(makeReport([vectorFailure()]), 'reports/out/x')).toBe(
      'FAILED: 1 failed, 3 passed, 2 skipped, 0 errored, 0 expected divergences — report: reports/out/x',
    );
    expect(summaryLine(makeReport())).toMatch(/^PASSED: 0 failed/);
  });
});
