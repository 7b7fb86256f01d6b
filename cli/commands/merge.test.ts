import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../harness/package-root.js';
import type { Entry, RunReport } from '../../harness/results.js';
import { cli, tempFiles } from '../../testing/cli-capture.js';

const root = packageRoot();
const readReport = (dir: string): RunReport => JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as RunReport;
const timeless = (entries: readonly Entry[]) => entries.map(({ durationMs: _d, ...e }) => e);
const run = async (...extra: string[]) => {
  const dir = tempFiles({});
  const r = await cli(['run', '--evaluator', 'oracle', '--seed', '11', '--runs', '3', '--quiet', '--report-dir', dir, ...extra], root);
  expect(r.code).toBe(0);
  return dir;
};

describe('iam-conformance merge', () => {
  it('merges the shards of a run into the counts, entries and files of the same run unsharded', async () => {
    const [whole, one, two] = [await run(), await run('--shard', '1/2'), await run('--shard', '2/2')];
    const out = tempFiles({});
    const r = await cli(['merge', two, one, '--report-dir', out], root);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^merged 2 shard reports of oracle, seed 11$/m);
    const [merged, unsharded] = [readReport(out), readReport(whole)];
    expect(merged.totals).toEqual(unsharded.totals);
    expect([merged.passed, merged.failed]).toEqual([unsharded.passed, unsharded.failed]);
    expect(timeless(merged.entries)).toEqual(timeless(unsharded.entries));
    expect(merged.settings).toMatchObject({ runs: 3, shards: 2, mergedShards: ['1/2', '2/2'] });
    expect(r.out).toContain(`${unsharded.passed} passed, 0 failed`);
    for (const file of ['summary.md', 'index.html', 'junit.xml']) expect(readFileSync(join(out, file), 'utf8').length).toBeGreaterThan(0);
  });

  it('refuses folders of different runs, naming the folder and what differs', async () => {
    const [one, two] = [await run('--shard', '1/2', '--suite', 'properties', '--property', 'statement-order'), tempFiles({})];
    const other = readReport(one);
    writeFileSync(join(two, 'report.json'), JSON.stringify({ ...other, seed: 12, settings: { ...other.settings, shard: '2/2' } }));
    const r = await cli(['merge', one, two, '--report-dir', tempFiles({})], root);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${two}: not a shard of the same run as ${one}: seed 12 (${one}: 11)`);
  });

  it('refuses a shard given twice and a missing shard (unless --partial)', async () => {
    const one = await run('--shard', '1/2', '--suite', 'properties', '--property', 'statement-order');
    const twice = await cli(['merge', one, one, '--report-dir', tempFiles({})], root);
    expect(twice.code).toBe(2);
    expect(twice.err).toContain('shard 1/2 is given twice');
    const missing = await cli(['merge', one, '--report-dir', tempFiles({})], root);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('shard(s) 2/2 missing');
    const out = tempFiles({});
    expect((await cli(['merge', one, '--partial', '--report-dir', out], root)).code).toBe(0);
    expect(readReport(out).settings).toMatchObject({ mergedShards: ['1/2'] });
  });
});
