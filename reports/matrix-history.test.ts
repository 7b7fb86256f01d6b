import { describe, expect, it } from 'vitest';
import { mergeHistory, type HistoryEntry } from './matrix-history.js';

const entry = (name: string, version: string | undefined, date: string, share: number): HistoryEntry => ({
  date,
  tool: '0.1.0',
  corpus: 'abcdabcdabcdabcd',
  seed: 1,
  runs: 1,
  evaluator: { spec: name, name, ...(version !== undefined ? { version } : {}) },
  role: 'tested',
  share,
  agreed: 1,
  required: 1,
  expectedDivergence: 0,
  properties: {},
});

describe('mergeHistory', () => {
  it('keeps one line per evaluator and version, the newest at its own place', () => {
    const merged = mergeHistory([entry('a', '1', 'd1', 0.5), entry('b', '1', 'd1', 0.4), entry('a', '2', 'd2', 0.6), entry('a', '1', 'd3', 0.55)]);
    expect(merged.map((e) => `${e.evaluator.name}@${e.evaluator.version ?? ''}:${e.date}`)).toEqual(['b@1:d1', 'a@2:d2', 'a@1:d3']);
  });
});
