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
    // The printed replay is short and stable: the divergence file, which records evaluator, seed and path.
    const replay = /^ {2}replay: (npx iam-conformance replay (\S+))$/m.exec(r.out);
    expect(replay?.[1]?.length).toBeLessThan(200);
    // One shrunk failure per profile the differential property ran under (each stops at its first).
    expect(Number(/^\d+ passed, (\d+) failed$/m.exec(r.out)?.[1])).toBeGreaterThanOrEqual(1);
    const [failure] = readReport(out).failures;
    expect(failure?.suite).toBe('properties');
    expect(failure?.origin).toMatchObject({ kind: 'property', property: 'differential', path: expect.any(String) });

    // Pasted, it fails again on that case, against the evaluator the file records.
    const file = replay?.[2] as string;
    const divergence = JSON.parse(readFileSync(file, 'utf8')) as { seed: number; path: string; evaluator: string; property: string; profile: string }[];
    expect(divergence[0]).toMatchObject({ evaluator: mutant, property: 'differential', seed: expect.any(Number), path: expect.any(String) });
    const pasted = await cli(['replay', file, '--no-report'], root);
    expect(pasted.code).toBe(1);
    expect(pasted.out).toContain('0 passed, 1 failed');

    // Seed and path, kept in report.json and the divergence file, replay exactly that counterexample.
    const o = failure?.origin as { seed: number; path: string; profile: string };
    const again = await cli(
      ['run', '--evaluator', mutant, '--seed', String(o.seed), '--path', o.path, '--property', 'differential', '--profile', o.profile, '--quiet', '--no-report'],
      root,
    );
    expect(again.code).toBe(1);
    expect(again.out).toContain(`  case: ${JSON.stringify(failure?.case)}`);
    expect(again.out).toMatch(/^ {2}replay: npx iam-conformance run --evaluator \S+ --seed \d+ --path \S+ --property differential/m);
  });

  it('ends with the whole story: evaluator and version, seed, duration, a line per property, known divergences by cause', async () => {
    const dir = tempFiles({
      'known.json': [
        {
          id: 'deny-ignored',
          description: 'deny-blind answers allowed where an explicit Deny applies',
          match: { features: ['explicit-deny'] },
          expected: 'explicitDeny',
          actual: 'allowed',
          citation: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html',
          feature: 'explicit-deny',
          status: 'evaluator-bug',
          note: 'cause: deny-ignored. A test double.',
        },
      ],
    });
    const r = await cli(['run', '--evaluator', mutant, '--runs', '10', '--seed', '3', '--expectations', 'known.json', '--quiet', '--report-dir', 'out'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^run of deny-blind 0\.0\.1 \(--evaluator module:\S+deny-blind\.ts\), seed 3, \d+\.\d s$/m);
    expect(r.out).toMatch(/^vectors \(\d+ groups\) +\d+ +\d+ +\d+ +[1-9]\d* +\d+ +0$/m);
    expect(r.out).toMatch(/^differential \[operators\] +160 +\d+ +0 +\d+ +0 +0$/m);
    expect(r.out).toMatch(/^known divergences of deny-blind that fired: 1 of 1 entries in known\.json, 1 cause/m);
    expect(r.out).toMatch(/^ {2}evaluator bug +deny-ignored +1 entry +\d+ hits +explicit-deny +https:\/\/docs\.aws\.amazon\.com\/IAM\/latest\/UserGuide\/reference_policies_evaluation-logic\.html$/m);
    const report = readReport(join(dir, 'out'));
    expect(report.knownDivergences?.causes[0]).toMatchObject({ cause: 'deny-ignored', status: 'evaluator-bug' });
    expect(readFileSync(join(dir, 'out', 'summary.md'), 'utf8')).toContain('## Known divergences that fired');
    expect(readFileSync(join(dir, 'out', 'summary.md'), 'utf8')).toContain('## Failures\n\nNone unexpected — but');
    // The oracle agrees with every unconfirmed vector: a correct evaluator gets no NOTE.
    expect(r.out).not.toMatch(/^NOTE/m);
  });

  it('reads vector failures by cause: one line per cause with a count, every case kept in report.json, counts that agree', async () => {
    const dir = tempFiles({
      'no-conditions.mjs': [
        "import { evaluate as oracle } from '" + join(root, 'oracle', 'index.ts').replace(/\\/g, '/') + "';",
        'export function evaluate(c) {',
        "  if (JSON.stringify(c.policies).includes('Condition')) return { error: { code: 'Unsupported', message: 'conditions are not supported' } };",
        '  return oracle(c);',
        '}',
      ].join('\n'),
    });
    const r = await cli(['run', '--evaluator', 'module:no-conditions.mjs', '--suite', 'vectors', '--quiet', '--report-dir', 'out'], dir);
    expect(r.code).toBe(1);
    const causeLine = /^FAIL (\d+) vector cases, one cause: rejects a valid policy: Unsupported conditions are not supported$/m.exec(r.out);
    expect(Number(causeLine?.[1])).toBeGreaterThan(100);
    expect(r.out).toMatch(/^ {2}e\.g\. \S*specs\/vectors\/.+: expected \w+, got error Unsupported: conditions are not supported$/m);
    expect(r.out).toMatch(/^ {2}replay: npx iam-conformance replay out\/divergences\/\S+\.json$/m);
    expect(r.out.split('\n').length).toBeLessThan(60);
    const report = readReport(join(dir, 'out'));
    const failed = Number(/^\d+ passed, (\d+) failed$/m.exec(r.out)?.[1]);
    expect(report.failures.filter((f) => f.required)).toHaveLength(failed);
    expect(report.failed).toBe(failed);
    const md = readFileSync(join(dir, 'out', 'summary.md'), 'utf8');
    expect(md).toMatch(new RegExp(`^## Failures: ${failed} in \\d+ causes?`, 'm'));
    // The per-feature table blames the deciding statement's features: a condition family, never not-action alone.
    expect(report.perFeature['condition-string']?.diverge).toBeGreaterThan(0);
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
      [['run', '--evaluator', 'oracle', '--property', 'differential', '--path', '99999:1'], /--path 99999:1 does not replay a failure under --seed \d+, --property differential, --profile default: the input it leads to passes/],
      [['run', '--evaluator', 'oracle', '--exclude-features', 'if-exists', '--property', 'if-exists'], /--property if-exists generates if-exists, which this run excludes/],
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
    const report = readReport(join(dir, 'out'));
    // The console points at the divergence file; the report keeps the run line, which names the services.
    expect(report.failures.map((f) => f.replay).join('\n')).toMatch(/--service kms/);
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
