import fc from 'fast-check';
import { caseFamily } from '../generators/case-family.js';
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
  // SageMaker alone, as the figures were first measured; the generator is also measured under `all`.
  service: ['sagemaker'],
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

/** Requests per policy set in the warm workload (a family: several actions on one resource and context). */
export const FAMILY_ACTIONS = 8;

/**
 * The warm workload: case families of the same mix, each one policy set asked up to FAMILY_ACTIONS
 * actions in a row, as a property run over case families asks them. The cases of a family share
 * their policy objects; about `count` cases in all, deterministic from `seed`.
 */
export function benchFamilyCases(catalogue: Catalogue, count: number, seed = BENCH_SEED): Case[] {
  const cases: Case[] = [];
  const arbitrary = caseFamily(catalogue, BENCH_SETTINGS, { size: FAMILY_ACTIONS });
  for (let batch = 0; cases.length < count; batch++) {
    for (const family of fc.sample(arbitrary, { seed: seed + batch, numRuns: Math.ceil(count / 4) })) {
      if (cases.length >= count) break;
      cases.push(...family.slice(0, count - cases.length));
    }
  }
  return cases;
}
