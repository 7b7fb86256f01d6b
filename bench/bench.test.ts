import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBench } from './main.js';

// A smoke test only: the benchmark runs end to end at a tiny scale and writes its results file.
// No figure is asserted: speed is shown by `npm run bench`, never by a timed test.
describe('bench', () => {
  it('runs every measurement at smoke scale and writes results.json', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'bench-')), 'results.json');
    const lines: string[] = [];
    await runBench(['--smoke', '--out', out], (l) => lines.push(l));
    const written = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
    expect(typeof written.ratioCold).toBe('number');
    expect(typeof written.ratioWarm).toBe('number');
    // Warm runs on case families: several requests per policy set, more cases than policy sets.
    const workload = written.workload as { familyCases: number; policySetsInFamilies: number };
    expect(workload.familyCases).toBeGreaterThan(workload.policySetsInFamilies);
    expect((written.oracle as { recurring: { perSecond: number } }).recurring.perSecond).toBeGreaterThan(0);
    expect(written.scale).toBe('smoke');
    expect((written.endToEnd as { disagreements: number }[]).every((e) => e.disagreements === 0)).toBe(true);
    expect((written.wildcard as { decision: string }).decision).toBe('implicitDeny');
    expect(lines.join('\n')).toContain('ratio cold');
    expect(typeof written.workerSpeedup).toBe('number');
    expect(typeof written.endToEndOverOracle).toBe('number');
    expect(typeof written.workerSpeedupLong).toBe('number');
    // The main job against iam-simulate, with its recorded divergences: every case counted, none failed.
    const main = written.defaultRun as { evaluator: string; inputs: number }[];
    expect(main.length).toBeGreaterThan(0);
    expect(main.every((m) => m.evaluator === 'iam-simulate' && m.inputs > 0)).toBe(true);
    const plan = written.plan as { evaluator: string; workers: number; inputs: number }[];
    expect(new Set(plan.map((p) => p.evaluator))).toEqual(new Set(['oracle', 'module', 'cmd']));
    expect(plan.every((p) => p.inputs > 0)).toBe(true);
    expect((written.mutants as { caught: boolean }[]).every((m) => m.caught)).toBe(true);
  }, 120_000);
});
