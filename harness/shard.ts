import { InputError } from './input-error.js';

/** `--shard i/n`: this process runs part `index` (1-based) of `count`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

export const WHOLE: Shard = { index: 1, count: 1 };

export function parseShard(value: string | undefined): Shard {
  if (value === undefined) return WHOLE;
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) {
    throw new InputError(`--shard: expected i/n with 1 ≤ i ≤ n (e.g. 2/4), got "${value}"`);
  }
  return { index, count };
}

/** The items of this shard: every n-th of a stably ordered list (files are sorted by path). */
export function shardItems<T>(items: readonly T[], shard: Shard): T[] {
  return items.filter((_, i) => i % shard.count === shard.index - 1);
}

/**
 * The seed a shard runs properties with. Shard 1 keeps the run's seed (so `--shard 1/1` is the plain
 * run); the others step away from it by a large odd constant, giving each shard its own random stream.
 */
export function shardSeed(seed: number, shard: Shard): number {
  const step = 0x2545f491; // odd, so the shards' seeds never collide modulo 2^31
  return (((seed + (shard.index - 1) * step) % 0x80000000) + 0x80000000) % 0x80000000;
}

/** This shard's share of `runs` inputs: the n shards together run exactly `runs`. */
export function shardRuns(runs: number, shard: Shard): number {
  return Math.floor(runs / shard.count) + (shard.index - 1 < runs % shard.count ? 1 : 0);
}
