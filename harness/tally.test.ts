import { describe, expect, it } from 'vitest';
import { closingLines } from '../reports/terminal.js';
import { buildReport } from './report.js';
import { Tally } from './tally.js';

describe('Tally', () => {
  it('counts required outcomes into passed/failed and unconfirmed ones apart', () => {
    const t = new Tally();
    t.record('agree', ['action-wildcard'], true);
    t.record('expectedDivergence', ['not-action'], true);
    t.record('diverge', ['action-wildcard', 'not-action'], true);
    t.record('errored', [], true);
    t.record('skipped', ['condition-binary'], true);
    t.record('diverge', ['condition-null'], false);
    expect([t.passed, t.failed]).toEqual([2, 2]);
    expect(t.totals).toEqual({ agree: 1, diverge: 2, expectedDivergence: 1, skipped: 1, errored: 1 });
    expect(t.unconfirmed.diverge).toBe(1);
    expect(t.features.toRecord()['action-wildcard']).toEqual({ agree: 1, diverge: 1, expectedDivergence: 0, skipped: 0, errored: 0 });
    expect(closingLines(t, 'x.json')).toEqual([
      'unconfirmed (reported, not required): 0 agree, 1 diverge, 0 errored',
      '1 expected divergence(s) recorded in x.json, counted as passed',
      '2 passed, 2 failed, 1 skipped',
    ]);
  });

  it('merges parts and becomes a RunReport', () => {
    const [a, b] = [new Tally(), new Tally()];
    a.record('agree', ['resource-arn'], true);
    b.recordCounts({ agree: 3, diverge: 1, expectedDivergence: 0, skipped: 0, errored: 0 });
    a.merge(b);
    const report = buildReport(a, {
      tool: { name: 'iam-conformance', version: '0.1.0' },
      verb: 'run',
      evaluator: { spec: 'oracle', name: 'oracle' },
      startedAt: new Date(0),
      finishedAt: new Date(1000),
      seed: 1,
      settings: {},
      excludedFeatures: [],
    });
    expect(report).toMatchObject({
      schemaVersion: 1,
      startedAt: '1970-01-01T00:00:00.000Z',
      totals: { agree: 4, diverge: 1 },
      passed: 4,
      failed: 1,
      perFeature: { 'resource-arn': { agree: 1 } },
    });
  });
});
