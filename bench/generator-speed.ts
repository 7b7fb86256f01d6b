import fc from 'fast-check';
import type { Catalogue } from '../generators/catalogue.js';
import { evaluationCase } from '../generators/evaluation-case.js';
import { measureRate, type Rate } from './measure.js';
import { BENCH_SEED, BENCH_SETTINGS } from './workload.js';

/** Generated cases per second for the benchmark workload (sampling, no evaluation). */
export function generatorSpeed(catalogue: Catalogue, minSeconds: number, batch = 500): Rate {
  const arbitrary = evaluationCase(catalogue, BENCH_SETTINGS);
  let seed = BENCH_SEED;
  return measureRate(batch, () => void fc.sample(arbitrary, { seed: seed++, numRuns: batch }), minSeconds);
}
