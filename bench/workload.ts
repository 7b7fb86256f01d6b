import fc from 'fast-check';
import { evaluationCase } from '../generators/evaluation-case.js';
import type { Catalogue } from '../generators/catalogue.js';
import { DEFAULT_SETTINGS, type GeneratorSettings } from '../generators/settings.js';
import type { Case } from '../oracle/types.js';

/** The seed every benchmark draws its cases from: same seed, same workload, comparable figures. */
export const BENCH_SEED = 20261128;

/**
 * The realistic mix of issue 7: 1–3 policies, 1–5 statements, SageMaker actions with wildcards, a third
 * of the statements with conditions, no malformed documents (they would only measure validation).
 */
export const BENCH_SETTINGS: GeneratorSettings = {
  ...DEFAULT_SETTINGS,
  profile: 'bench',
  maxPolicies: 3,
  maxStatements: 5,
  conditionPercent: 33,
  enableMalformed: false,
};

/** `count` cases of the benchmark workload, deterministic from BENCH_SEED. */
export function benchCases(catalogue: Catalogue, count: number, seed = BENCH_SEED): Case[] {
  return fc.sample(evaluationCase(catalogue, BENCH_SETTINGS), { seed, numRuns: count });
}

/** A deep copy of every case, so each evaluation sees policy objects it has never seen (a cold cache). */
export const freshCopies = (cases: readonly Case[]): Case[] => cases.map((c) => structuredClone(c));
