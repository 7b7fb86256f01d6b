import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeReport, vectorFailure } from '../../testing/report-fixtures.js';
import { reportSchemaErrors, writeReportFolder } from '../../reports/index.js';
import type { CliIo } from '../io.js';
import { runCli } from '../main.js';

const BROKEN = `module:${fileURLToPath(new URL('../../testing/mutants/deny-blind.ts', import.meta.url))}`;

async function cli(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), interactive: false, cwd, env: {} };
  const code = await runCli(argv, io);
  return { code, out, err };
}

/** A run against the broken evaluator found one divergence; its report folder holds the divergence file. */
async function divergenceFile(root: string): Promise<string> {
  const folder = join(root, 'found');
  await writeReportFolder(makeReport([vectorFailure()], { evaluator: { spec: BROKEN, name: 'deny-blind' } }), folder);
  const [name] = await readdir(join(folder, 'divergences'));
  return join(folder, 'divergences', name!);
}

describe('iam-conformance replay', () => {
  it('fails a promoted divergence against the broken evaluator and passes it against the oracle', async () => {
    const root = await mkdtemp(join(tmpdir(), 'replay-'));
    const file = await divergenceFile(root);
    const promoted = await cli(['promote', file, '--to', 'corpus', '--name', 'deny-condition'], root);
    expect(promoted.err).toBe('');
    expect(promoted.code).toBe(0);

    const broken = await cli(['replay', 'corpus', '--evaluator', BROKEN, '--report-dir', 'out-broken'], root);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('0 passed, 1 failed');
    expect(broken.out).toContain('expected explicitDeny, got allowed');
    const report = JSON.parse(await readFile(join(root, 'out-broken', 'report.json'), 'utf8')) as { verb: string };
    expect(reportSchemaErrors(report)).toBeUndefined();
    expect(report.verb).toBe('replay');
    expect(await readdir(join(root, 'out-broken', 'divergences'))).toHaveLength(1);

    const fixed = await cli(['replay', 'corpus/deny-condition.json', '--evaluator', 'oracle', '--report-dir', 'out-oracle'], root);
    expect(fixed.code).toBe(0);
    expect(fixed.out).toContain('1 passed, 0 failed');
  });

  it('replays a divergence file straight from a report folder, without writing a report on request', async () => {
    const root = await mkdtemp(join(tmpdir(), 'replay-direct-'));
    const file = await divergenceFile(root);
    const r = await cli(['replay', file, '--evaluator', BROKEN, '--no-report'], root);
    expect(r.code).toBe(1);
    expect(r.out).not.toContain('report:');
    expect(await readdir(root)).toEqual(['found']);
  });

  it('replays against the evaluator the divergence file records when none is named', async () => {
    const root = await mkdtemp(join(tmpdir(), 'replay-'));
    const file = await divergenceFile(root);
    const r = await cli(['replay', file, '--no-report'], root);
    expect(r.code).toBe(1);
    expect(r.out).toContain('0 passed, 1 failed');
  });

  it('replays a whole report folder through its divergences', async () => {
    const root = await mkdtemp(join(tmpdir(), 'replay-folder-'));
    await divergenceFile(root);
    const r = await cli(['replay', 'found', '--evaluator', BROKEN, '--no-report'], root);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(r.out).toContain('0 passed, 1 failed');
  });

  it('exits 2 naming the file and JSON path for an invalid vector file, and for an unknown evaluator', async () => {
    const root = await mkdtemp(join(tmpdir(), 'replay-bad-'));
    const file = await divergenceFile(root);
    const bad = await cli(['replay', join(root, 'missing.json')], root);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('missing.json');
    const unknown = await cli(['replay', file, '--evaluator', 'nonsense'], root);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown evaluator');
  });
});
