import { describe, expect, it } from 'vitest';
import { InputError } from './input-error.js';
import { parseShard, shardItems, shardRuns, shardSeed, WHOLE } from './shard.js';

describe('shards', () => {
  it('parses i/n and rejects anything else as bad input', () => {
    expect(parseShard(undefined)).toEqual(WHOLE);
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/2', '3/2', '1', 'a/b', '1/0']) expect(() => parseShard(bad)).toThrow(InputError);
  });

  it('splits items, runs and seeds deterministically, and the whole is one shard', () => {
    const items = [0, 1, 2, 3, 4, 5, 6];
    const parts = [1, 2, 3].map((index) => shardItems(items, { index, count: 3 }));
    expect(parts).toEqual([[0, 3, 6], [1, 4], [2, 5]]);
    expect([1, 2, 3].map((index) => shardRuns(100, { index, count: 3 }))).toEqual([34, 33, 33]);
    expect(shardSeed(42, WHOLE)).toBe(42);
    const seeds = [1, 2, 3, 4].map((index) => shardSeed(42, { index, count: 4 }));
    expect(new Set(seeds).size).toBe(4);
    expect(seeds.every((s) => Number.isInteger(s) && s >= 0 && s < 2 ** 31)).toBe(true);
    expect(shardSeed(42, { index: 3, count: 4 })).toBe(seeds[2]);
  });
});
