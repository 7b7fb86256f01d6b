import { describe, expect, it } from 'vitest';
import { emptyCounts } from './counts.js';
import { mergeShardReports } from './merge-reports.js';
import type { Entry, RunReport } from './results.js';

const counts = (agree: number) => ({ ...emptyCounts(), agree });
const vector = (file: string, name: string): Entry => ({ suite: 'vectors', name, file, counts: counts(1), durationMs: 1, failures: [] });
const property = (name: string, agree: number): Entry => ({ suite: 'properties', name, counts: counts(agree), durationMs: 10, failures: [] });

function shard(index: number, entries: Entry[], overrides: Partial<RunReport> = {}): RunReport {
  const agree = entries.reduce((n, e) => n + e.counts.agree, 0);
  return {
    schemaVersion: 1,
    tool: { name: 'iam-conformance', version: '0.1.0' },
    verb: 'run',
    evaluator: { spec: 'oracle', name: 'oracle' },
    startedAt: `2026-01-01T00:00:0${index}.000Z`,
    finishedAt: `2026-01-01T00:01:0${index}.000Z`,
    seed: 1,
    settings: { runs: 10, shard: `${index}/2`, expectationHits: { a: index } },
    excludedFeatures: [],
    totals: counts(agree),
    perFeature: { 'explicit-deny': counts(index) },
    entries,
    failures: [],
    passed: agree,
    failed: 0,
    ...overrides,
  };
}

describe('mergeShardReports', () => {
  const one = shard(1, [vector('a.json', 'a1'), vector('a.json', 'a2'), vector('c.json', 'c1'), property('p [default]', 5)]);
  const two = shard(2, [vector('b.json', 'b1'), property('p [default]', 5)]);

  it('restores the unsharded order of files dealt round-robin and sums each property once', () => {
    const merged = mergeShardReports([{ dir: 'two', report: two }, { dir: 'one', report: one }]);
    expect(merged.entries.map((e) => e.name)).toEqual(['a1', 'a2', 'b1', 'c1', 'p [default]']);
    expect(merged.entries.at(-1)).toMatchObject({ counts: counts(10), durationMs: 20 });
    expect(merged.totals).toEqual(counts(14));
    expect(merged.perFeature).toEqual({ 'explicit-deny': counts(3) });
    expect(merged.settings).toEqual({ runs: 10, shards: 2, mergedShards: ['1/2', '2/2'], expectationHits: { a: 3 } });
    expect([merged.startedAt, merged.finishedAt]).toEqual([one.startedAt, two.finishedAt]);
  });

  it('names the folder and every difference of a report of another run', () => {
    const other = shard(2, [], { evaluator: { spec: 'iam-simulate', name: 'iam-simulate' }, settings: { runs: 20, shard: '2/2' } });
    expect(() => mergeShardReports([{ dir: 'one', report: one }, { dir: 'other', report: other }])).toThrow(
      'other: not a shard of the same run as one: evaluator {"spec":"iam-simulate","name":"iam-simulate"} (one: {"spec":"oracle","name":"oracle"}); settings.runs 20 (one: 10)',
    );
  });
});
