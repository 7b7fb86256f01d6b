import fc from 'fast-check';
import type { Catalogue } from '../generators/catalogue.js';
import { evaluationCase } from '../generators/evaluation-case.js';
import type { ServiceSelection } from '../generators/services.js';
import { measureRate, type Rate } from './measure.js';
import { BENCH_SEED, BENCH_SETTINGS } from './workload.js';

/**
 * Generated cases per second for the benchmark workload (sampling, no evaluation): SageMaker, or with
 * `service` (and a catalogue loaded for it) another selection, e.g. `all`.
 */
export function generatorSpeed(catalogue: Catalogue, minSeconds: number, batch = 500, service?: ServiceSelection): Rate {
  const arbitrary = evaluationCase(catalogue, service === undefined ? BENCH_SETTINGS : { ...BENCH_SETTINGS, service });
  let seed = BENCH_SEED;
  return measureRate(batch, () => void fc.sample(arbitrary, { seed: seed++, numRuns: batch }), minSeconds);
}
