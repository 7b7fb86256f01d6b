/**
 * Puts the report folders of the shards of one run (`run --shard i/n` in a CI matrix) back together
 * into the report of the whole run: counts, per-feature counts, entries, failures and expectation hits
 * summed; vector and regression entries back in the unsharded order (shards deal files round-robin);
 * each property entry once, its counts summed over the shards. Folders of different runs are refused.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FeatureCounts, sumCounts } from './counts.js';
import { CoverageCounts } from './coverage.js';
import { ServiceCounts } from './service-counts.js';
import { InputError } from './input-error.js';
import { checkSchema, parseJsonText } from './json-file.js';
import type { Entry, Failure, RunReport, Suite } from './results.js';
import { SUITES } from './results.js';
import { parseShard, type Shard } from './shard.js';
import { stableJson } from './stable-json.js';

/** One shard's report, with the folder it came from (named in every error). */
export interface ShardReport {
  readonly dir: string;
  readonly report: RunReport;
}

/** Reads `DIR/report.json`; a missing or invalid file is bad input naming it (as `dir`, how the user wrote it). */
export function readShardReport(path: string, dir = path): ShardReport {
  const file = join(dir, 'report.json');
  const at = join(path, 'report.json');
  if (!existsSync(at)) throw new InputError(`${dir}: no report.json here (is it a report folder of \`run --report-dir\`?)`);
  const data = parseJsonText(readFileSync(at, 'utf8'), file);
  checkSchema('report', data, file);
  return { dir, report: data as RunReport };
}

/** Settings that legitimately differ between the shards of one run. */
const PER_SHARD_SETTINGS = new Set(['shard', 'expectationHits', 'workers']);

/** What makes two reports parts of the same run, as named pieces (compared as stable JSON). */
function identity(r: RunReport): Record<string, unknown> {
  const settings = Object.fromEntries(Object.entries(r.settings).filter(([k]) => !PER_SHARD_SETTINGS.has(k)));
  return {
    verb: r.verb,
    tool: r.tool,
    evaluator: r.evaluator,
    seed: r.seed,
    excludedFeatures: [...r.excludedFeatures].sort(),
    ...Object.fromEntries(Object.entries(settings).map(([k, v]) => [`settings.${k}`, v])),
  };
}

function shardOf({ dir, report }: ShardReport): Shard {
  const value = report.settings.shard;
  if (typeof value !== 'string') throw new InputError(`${dir}: the report names no shard (settings.shard); only \`run\` reports can be merged`);
  try {
    return parseShard(value);
  } catch {
    throw new InputError(`${dir}: settings.shard "${value}" is not i/n`);
  }
}

/** Refuses shards of different runs, a shard given twice, or (unless `partial`) a missing shard. */
function checkOneRun(parts: readonly ShardReport[], shards: readonly Shard[], partial: boolean): void {
  const [first] = parts as [ShardReport];
  const want = identity(first.report);
  for (const part of parts.slice(1)) {
    const got = identity(part.report);
    const keys = [...new Set([...Object.keys(want), ...Object.keys(got)])];
    const differing = keys.filter((k) => stableJson(want[k] ?? null) !== stableJson(got[k] ?? null));
    if (differing.length > 0) {
      const show = (v: unknown) => (v === undefined ? '(none)' : JSON.stringify(v));
      const what = differing.map((k) => `${k} ${show(got[k])} (${first.dir}: ${show(want[k])})`).join('; ');
      throw new InputError(`${part.dir}: not a shard of the same run as ${first.dir}: ${what}`);
    }
  }
  const count = (shards[0] as Shard).count;
  const seen = new Map<number, string>();
  shards.forEach((s, i) => {
    const dir = (parts[i] as ShardReport).dir;
    if (s.count !== count) throw new InputError(`${dir}: shard ${s.index}/${s.count}, but ${first.dir} is a shard of ${count}`);
    const twice = seen.get(s.index);
    if (twice !== undefined) throw new InputError(`${dir}: shard ${s.index}/${count} is given twice (also ${twice})`);
    seen.set(s.index, dir);
  });
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0 && !partial) {
    throw new InputError(`shard(s) ${missing.map((i) => `${i}/${count}`).join(', ')} missing: merge every shard of the run (or pass --partial)`);
  }
}

/**
 * Entries of a file-dealt suite in the unsharded order: shard i ran files i, i+n, i+2n… (sorted by
 * path), so taking one file's entries from each shard in turn restores the whole run's order.
 */
function interleaveByFile(perShard: readonly (readonly Entry[])[]): Entry[] {
  const files = perShard.map((entries) => {
    const groups: Entry[][] = [];
    for (const e of entries) {
      const last = groups[groups.length - 1];
      if (last && last[0]?.file === e.file) last.push(e);
      else groups.push([e]);
    }
    return groups;
  });
  const out: Entry[] = [];
  for (let round = 0; files.some((g) => round < g.length); round++) {
    for (const groups of files) out.push(...(groups[round] ?? []));
  }
  return out;
}

/** Property entries: one per name in plan order, counts summed, durations summed (work, not wall time). */
function sumByName(perShard: readonly (readonly Entry[])[]): Entry[] {
  const byName = new Map<string, Entry>();
  for (const entries of perShard) {
    for (const e of entries) {
      const had = byName.get(e.name);
      byName.set(
        e.name,
        had === undefined
          ? e
          : { ...had, counts: sumCounts(had.counts, e.counts), durationMs: had.durationMs + e.durationMs, failures: [...had.failures, ...e.failures] },
      );
    }
  }
  return [...byName.values()];
}

function sumHits(records: readonly unknown[]): Record<string, number> | undefined {
  const present = records.filter((r): r is Record<string, number> => typeof r === 'object' && r !== null);
  if (present.length === 0) return undefined;
  const out: Record<string, number> = {};
  for (const r of present) for (const [id, n] of Object.entries(r)) out[id] = (out[id] ?? 0) + n;
  return out;
}

export interface MergeOptions {
  /** Merge even when some shards of the run are missing (the report says which were merged). */
  readonly partial?: boolean;
}

/** The report of the whole run, from the reports of its shards (in any order). */
export function mergeShardReports(given: readonly ShardReport[], options: MergeOptions = {}): RunReport {
  if (given.length === 0) throw new InputError('merge: name at least one report folder');
  const withShard = given.map((part) => ({ part, shard: shardOf(part) }));
  checkOneRun(
    withShard.map((w) => w.part),
    withShard.map((w) => w.shard),
    options.partial ?? false,
  );
  const sorted = [...withShard].sort((a, b) => a.shard.index - b.shard.index);
  const reports = sorted.map((w) => w.part.report);
  const [first] = reports as [RunReport];
  const count = (sorted[0] as (typeof sorted)[number]).shard.count;

  const entries: Entry[] = [];
  for (const suite of SUITES as readonly Suite[]) {
    const perShard = reports.map((r) => r.entries.filter((e) => e.suite === suite));
    entries.push(...(suite === 'properties' ? sumByName(perShard) : interleaveByFile(perShard)));
  }
  const features = new FeatureCounts();
  for (const r of reports) features.merge(r.perFeature);
  const failures: Failure[] = [];
  const ids = new Set<string>();
  for (const f of reports.flatMap((r) => r.failures)) {
    if (!ids.has(f.id)) failures.push(f);
    ids.add(f.id);
  }
  const services = new ServiceCounts();
  for (const r of reports) if (r.perService) services.merge(r.perService);
  const coverage = new CoverageCounts();
  for (const r of reports) if (r.coverage) coverage.merge(r.coverage);
  const hits = sumHits(reports.map((r) => r.settings.expectationHits));
  const { shard: _shard, expectationHits: _hits, ...settings } = first.settings;
  const times = (key: 'startedAt' | 'finishedAt') => reports.map((r) => r[key]).sort();
  return {
    ...first,
    startedAt: times('startedAt')[0] as string,
    finishedAt: times('finishedAt')[reports.length - 1] as string,
    settings: {
      ...settings,
      shards: count,
      mergedShards: sorted.map((w) => `${w.shard.index}/${count}`),
      ...(hits ? { expectationHits: hits } : {}),
    },
    totals: sumCounts(...reports.map((r) => r.totals)),
    perFeature: features.toRecord(),
    ...(coverage.size > 0 ? { coverage: coverage.toMatrix() } : {}),
    ...(services.size > 0 ? { perService: services.toRecord() } : {}),
    entries,
    failures,
    passed: reports.reduce((n, r) => n + r.passed, 0),
    failed: reports.reduce((n, r) => n + r.failed, 0),
  };
}
