import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../harness/package-root.js';
import type { Matrix } from '../harness/matrix.js';
import { matrixSchemaErrors } from '../reports/matrix-folder.js';
import { cli, tempFiles } from '../testing/cli-capture.js';

const root = packageRoot();
const python = 'cmd:python3 examples/python-evaluator/evaluate.py';
const mutant = `module:${join(root, 'testing', 'mutants', 'deny-blind.ts')}`;
const readMatrix = (dir: string): Matrix => JSON.parse(readFileSync(join(dir, 'matrix.json'), 'utf8')) as Matrix;
/** The matrix without what differs between two runs of the same corpus: the date and the timings. */
const timeless = (m: Matrix): string =>
  JSON.stringify({ ...m, generatedAt: '', evaluators: m.evaluators.map((e) => ({ ...e, durationMs: 0 })) });

describe('iam-conformance compare, end to end', () => {
  it('scores every evaluator on the same corpus and writes the matrix folder', async () => {
    const out = tempFiles({});
    const r = await cli(['compare', '--evaluator', python, '--evaluator', mutant, '--runs', '3', '--seed', '5', '--quiet', '--report-dir', out], root);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^corpus [0-9a-f]{16}: \d+ items, \d+ cases \(seed 5, runs 3\)$/m);
    expect(r.out).toMatch(/^oracle: 100\.0% \((\d+)\/\1 required agreed\)$/m);
    expect(r.out).toMatch(/^baseline-allowed: \d+\.\d% /m);
    expect(r.out).toMatch(/^python-evaluator: \d+\.\d% /m);
    expect(r.out).toMatch(/^deny-blind: \d+\.\d% /m);
    for (const f of ['matrix.json', 'matrix.md', 'matrix.html', 'badges/oracle.svg', 'badges/python-evaluator.svg', 'badges/deny-blind.svg']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    const m = readMatrix(out);
    expect(matrixSchemaErrors(m)).toBeUndefined();
    expect(m.evaluators.map((e) => [e.name, e.role])).toEqual([
      ['oracle', 'oracle'],
      ['baseline-allowed', 'baseline'],
      ['baseline-implicitDeny', 'baseline'],
      ['python-evaluator', 'tested'],
      ['deny-blind', 'tested'],
    ]);
    // Same corpus for all: the same number of cases answered by each.
    expect(new Set(m.evaluators.map((e) => e.cases)).size).toBe(1);
    // Two evaluators under test: the items only one of them fails are listed, each with a replay.
    expect(m.failsOnlyHere.map((f) => f.evaluator)).toEqual(['python-evaluator', 'deny-blind']);
    const only = m.failsOnlyHere.flatMap((f) => f.examples);
    expect(only.length).toBeGreaterThan(0);
    for (const x of only) expect(x.replay).toMatch(/^(npx )?iam-conformance (run|vectors|replay) /);
    // Every required item an evaluator under test did not agree on is in exactly one cause.
    for (const e of m.evaluators.filter((c) => c.role === 'tested')) {
      const notAgreed = m.propertyRows.reduce((n, r) => n + (e.properties[r] ? e.properties[r].required - e.properties[r].agreed - e.properties[r].skipped : 0), 0);
      expect((e.causes ?? []).reduce((n, c) => n + c.items, 0), e.name).toBe(notAgreed);
    }
    const denyBlind = m.evaluators.find((e) => e.name === 'deny-blind');
    expect(denyBlind?.causes?.[0]?.title).toMatch(/^expected explicitDeny, got allowed: a Deny applies/);
    // matrix.html: evaluators as columns, one row per property and feature, every cell link lands on an example.
    const html = readFileSync(join(out, 'matrix.html'), 'utf8');
    expect(html).not.toMatch(/<script|<link|src="http/);
    for (const [grid, rows] of [['property-grid', m.propertyRows], ['feature-grid', m.featureRows]] as const) {
      const table = new RegExp(`<table class="grid" id="${grid}">([\\s\\S]*?)</table>`).exec(html)?.[1] ?? '';
      const trs = table.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
      expect(trs).toHaveLength(rows.length + 1);
      expect(trs[0]?.match(/<th/g)).toHaveLength(m.evaluators.length + 1);
      for (const tr of trs.slice(1)) expect(tr.match(/<td class="c s[0-5n]"/g)).toHaveLength(m.evaluators.length);
    }
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((x) => x[1]);
    expect(targets.length).toBeGreaterThan(0);
    for (const t of targets) expect(html).toContain(`id="${t}"`);
    const badge = readFileSync(join(out, 'badges', 'oracle.svg'), 'utf8');
    expect(badge).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(badge).toContain('>iam-conformance<');
    expect(badge).toContain('>100.0%<');
  });

  it('gives each failing cell an example whose replay command reproduces it', async () => {
    const out = tempFiles({});
    expect((await cli(['compare', '--evaluator', mutant, '--runs', '3', '--seed', '5', '--quiet', '--report-dir', out], root)).code).toBe(0);
    const column = readMatrix(out).evaluators.find((e) => e.name === 'deny-blind');
    const x = column?.examples['property:differential'];
    expect(x?.outcome).toBe('diverge');
    expect(x?.replay).toMatch(/^(npx )?iam-conformance run --evaluator \S+ --seed 5 --path \d+ --property differential/);
    const args = (x?.replay ?? '').replace(/^(npx )?iam-conformance /, '').match(/'[^']*'|\S+/g) as string[];
    const again = await cli([...args.map((a) => a.replace(/^'|'$/g, '')), '--quiet', '--no-report'], root);
    expect(again.code).toBe(1);
    // The same failure (run then minimises the case, so the case it prints may be smaller).
    const profile = /\[(\w[\w-]*)\]/.exec(x?.origin ?? '')?.[1] ?? '';
    expect(again.out).toContain(`FAIL differential [${profile}]: expected ${x?.expected[0]}, got ${x?.answers[0]}`);
  });

  it('replays a recorded divergence without the expectations, so the replay shows it', async () => {
    const out = tempFiles({});
    expect((await cli(['compare', '--evaluator', 'iam-simulate', '--runs', '3', '--seed', '5', '--quiet', '--report-dir', out], root)).code).toBe(0);
    const column = readMatrix(out).evaluators.find((e) => e.name === 'iam-simulate');
    const x = Object.values(column?.examples ?? {}).find((e) => e.outcome === 'expectedDivergence' && e.row === 'differential');
    expect(x?.replay).toMatch(/ --no-expectations$/);
    const args = (x?.replay ?? '').replace(/^(npx )?iam-conformance /, '').match(/'[^']*'|\S+/g) as string[];
    const again = await cli([...args.map((a) => a.replace(/^'|'$/g, '')), '--quiet', '--no-report'], root);
    expect(again.code).toBe(1);
    // The same failure (run then minimises the case, so the case it prints may be smaller).
    const profile = /\[(\w[\w-]*)\]/.exec(x?.origin ?? '')?.[1] ?? '';
    expect(again.out).toContain(`FAIL differential [${profile}]: expected ${x?.expected[0]}, got ${x?.answers[0]}`);
  });

  it('gives the same matrix for the same seed, and another corpus for another seed', async () => {
    const [a, b, c] = [tempFiles({}), tempFiles({}), tempFiles({})];
    const argv = ['compare', '--evaluator', mutant, '--runs', '2', '--quiet'];
    expect((await cli([...argv, '--seed', '11', '--report-dir', a], root)).code).toBe(0);
    expect((await cli([...argv, '--seed', '11', '--report-dir', b], root)).code).toBe(0);
    expect((await cli([...argv, '--seed', '12', '--report-dir', c], root)).code).toBe(0);
    expect(timeless(readMatrix(a))).toBe(timeless(readMatrix(b)));
    expect(readMatrix(c).corpus.id).not.toBe(readMatrix(a).corpus.id);
  });

  it('keeps one history line per evaluator and version, and draws it in matrix.html', async () => {
    const dir = tempFiles({});
    const history = join(dir, 'history.jsonl');
    // An earlier version of the mutant, as if committed before.
    writeFileSync(history, `${JSON.stringify({ date: '2026-01-01T00:00:00.000Z', tool: '0.0.9', corpus: '0000000000000000', seed: 1, runs: 2, evaluator: { spec: mutant, name: 'deny-blind', version: '0.0.0' }, role: 'tested', share: 0.5, agreed: 1, required: 2, expectedDivergence: 0, properties: {} })}\n`);
    const argv = ['compare', '--evaluator', mutant, '--runs', '2', '--seed', '3', '--quiet', '--history', history, '--report-dir', join(dir, 'm')];
    expect((await cli(argv, root)).code).toBe(0);
    expect((await cli(argv, root)).code).toBe(0);
    const lines = readFileSync(history, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { evaluator: { name: string; version?: string } });
    // The old line, then one per evaluator of this version (the second run replaced the first's).
    expect(lines.map((l) => `${l.evaluator.name} ${l.evaluator.version ?? ''}`.trim())).toEqual([
      'deny-blind 0.0.0',
      'oracle',
      'baseline-allowed',
      'baseline-implicitDeny',
      'deny-blind 0.0.1',
    ]);
    const html = readFileSync(join(dir, 'm', 'matrix.html'), 'utf8');
    const chart = /<svg class="chart"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    expect(chart.match(/<polyline /g)).toHaveLength(4);
    expect(chart).toContain('deny-blind 0.0.0: 50.0%');
  });

  it('exits 2 on a bad evaluator or a broken history file', async () => {
    const dir = tempFiles({ 'bad.jsonl': 'not json\n' });
    const bad = await cli(['compare', '--evaluator', 'opa', '--runs', '1', '--quiet', '--report-dir', join(dir, 'x')], root);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown evaluator "opa"/);
    const broken = await cli(['compare', '--runs', '1', '--quiet', '--history', join(dir, 'bad.jsonl'), '--report-dir', join(dir, 'y')], root);
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/bad\.jsonl.*line 1 is not JSON/);
  });
});
