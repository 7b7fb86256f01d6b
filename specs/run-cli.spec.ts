import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../harness/package-root.js';
import { cli, tempFiles } from '../testing/cli-capture.js';
import { timelessReport } from '../reports/terminal.js';
import type { RunReport } from '../harness/results.js';

const root = packageRoot();
const mutant = `module:${join(root, 'testing', 'mutants', 'deny-blind.ts')}`;
const readReport = (dir: string): RunReport => JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as RunReport;

describe('iam-conformance run, end to end', () => {
  it('passes against the oracle itself: exit 0 and a report folder', async () => {
    const out = tempFiles({});
    const r = await cli(['run', '--evaluator', 'oracle', '--runs', '20', '--quiet', '--report-dir', out], root);
    expect(r.out).toMatch(/^\d+ passed, 0 failed$/m);
    expect(r.code).toBe(0);
    const report = readReport(out);
    expect(report.verb).toBe('run');
    expect(report.failed).toBe(0);
    expect(report.entries.some((e) => e.suite === 'vectors')).toBe(true);
    expect(report.entries.some((e) => e.suite === 'properties' && e.name === 'differential [default]')).toBe(true);
  });

  it('fails against a broken evaluator with exit 1, a shrunk case, both verdicts, the trace and the replay', async () => {
    const out = tempFiles({});
    const r = await cli(
      ['run', '--evaluator', mutant, '--suite', 'properties', '--property', 'differential', '--runs', '100', '--quiet', '--report-dir', out],
      root,
    );
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^FAIL differential \[\w+\]: expected explicitDeny, got allowed$/m);
    expect(r.out).toMatch(/^ {2}case: \{"policies":/m);
    expect(r.out).toMatch(/^ {2}oracle trace:$/m);
    const replay = /^ {2}replay: (iam-conformance run .*)$/m.exec(r.out)?.[1];
    expect(replay).toMatch(/--seed \d+ --path \S+ --property differential/);
    // One shrunk failure per profile the differential property ran under (each stops at its first).
    expect(Number(/^\d+ passed, (\d+) failed$/m.exec(r.out)?.[1])).toBeGreaterThanOrEqual(1);
    const [failure] = readReport(out).failures;
    expect(failure?.suite).toBe('properties');
    expect(failure?.origin).toMatchObject({ kind: 'property', property: 'differential', path: expect.any(String) });

    // The replay command reproduces exactly that counterexample.
    const args = (replay as string).replace(/^iam-conformance /, '').match(/'[^']*'|\S+/g) as string[];
    const again = await cli([...args.map((a) => a.replace(/^'|'$/g, '')), '--quiet', '--no-report'], root);
    expect(again.code).toBe(1);
    expect(again.out).toContain(`  case: ${JSON.stringify(failure?.case)}`);
  });

  it('gives the same report for the same seed twice (apart from timestamps and durations)', async () => {
    const [a, b] = [tempFiles({}), tempFiles({})];
    const argv = ['run', '--evaluator', mutant, '--seed', '7', '--runs', '15', '--quiet'];
    expect((await cli([...argv, '--report-dir', a], root)).code).toBe(1);
    expect((await cli([...argv, '--report-dir', b], root)).code).toBe(1);
    expect(timelessReport(readReport(a))).toBe(timelessReport(readReport(b)));
  });

  it('exits 2 on bad input, naming the option, file or JSON path, without a stack trace', async () => {
    const dir = tempFiles({ 'bad-expectations.json': [{ id: 'x', description: 'y' }] });
    const cases: [string[], RegExp][] = [
      [['run', '--evaluator', 'nope'], /unknown evaluator "nope"/],
      [['run', '--evaluator', 'module:missing.ts'], /missing\.ts/],
      [['run', '--evaluator', 'oracle', '--seed', 'abc'], /--seed: expected a whole number/],
      [['run', '--evaluator', 'oracle', '--suite', 'live'], /use `iam-conformance live`/],
      [['run', '--evaluator', 'oracle', '--property', 'no-such'], /unknown property "no-such"; properties are: differential/],
      [['run', '--evaluator', 'oracle', '--profile', 'no-such'], /unknown profile "no-such"/],
      [['run', '--evaluator', 'oracle', '--shard', '3/2'], /--shard/],
      [['run', '--evaluator', 'oracle', '--path', '1:2'], /--path .* needs --property/],
      [['run', '--evaluator', 'oracle', '--expectations', 'bad-expectations.json'], /bad-expectations\.json at \[0\]/],
      [['run', '--evaluator', 'oracle', '--service', 's3,nosuchservice'], /unknown service prefix "nosuchservice"; `iam-conformance services` lists/],
      [['run', '--evaluator', 'oracle', '--service', ','], /--service: expected service prefixes/],
    ];
    for (const [argv, message] of cases) {
      const r = await cli([...argv, '--quiet', '--no-report'], dir);
      expect({ argv, code: r.code }).toEqual({ argv, code: 2 });
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });
});

describe('iam-conformance run --service', () => {
  it('generates for the named services, counts them per service and names --service in replays', async () => {
    const dir = tempFiles({});
    const r = await cli(['run', '--evaluator', mutant, '--suite', 'properties', '--property', 'differential', '--service', 'kms', '--runs', '40', '--quiet', '--report-dir', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/--service kms/);
    const report = readReport(join(dir, 'out'));
    expect(Object.keys(report.perService ?? {})).toContain('kms');
    expect(report.settings.service).toBe('kms');
  });

  it('lists the known prefixes with the services verb', async () => {
    const r = await cli(['services'], tempFiles({}));
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toEqual(expect.arrayContaining(['s3', 'sagemaker', 'kms']));
  });
});

describe('iam-conformance run --shard', () => {
  it('splits the vector files so that the shards together run each case exactly once', async () => {
    const argv = ['run', '--evaluator', 'oracle', '--suite', 'vectors', '--quiet'];
    const whole = tempFiles({});
    await cli([...argv, '--report-dir', whole], root);
    const parts = [tempFiles({}), tempFiles({})];
    for (const [i, dir] of parts.entries()) await cli([...argv, '--shard', `${i + 1}/2`, '--report-dir', dir], root);
    const names = (dir: string) => readReport(dir).entries.map((e) => `${e.file} ${e.name}`);
    const [a, b] = parts.map(names) as [string[], string[]];
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect([...a, ...b].sort()).toEqual(names(whole).sort());
    const total = (dir: string) => readReport(dir).totals.agree;
    expect(total(parts[0] as string) + total(parts[1] as string)).toBe(total(whole));
  });
});
