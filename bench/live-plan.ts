import { planAwsCalls } from '../evaluators/aws/plan.js';
import type { Catalogue } from '../generators/catalogue.js';
import { generateFamilies } from '../generators/case-family.js';
import { BENCH_SEED } from './workload.js';

export interface LivePlan {
  readonly families: number;
  readonly cases: number;
  readonly calls: number;
  /** Decisions one simulator call answers, on average, for the default live profile. */
  readonly decisionsPerCall: number;
}

/** Plans (no network) the simulator calls for `families` generated case families. */
export function livePlan(catalogue: Catalogue, families: number): LivePlan {
  const cases = generateFamilies(catalogue, BENCH_SEED, families).flatMap((f) => f.cases);
  const plan = planAwsCalls(cases, { api: 'SimulatePrincipalPolicy', actionsPerCall: 100 });
  const decisions = plan.actionsPerCall.reduce((a, b) => a + b, 0);
  return {
    families,
    cases: cases.length,
    calls: plan.actionsPerCall.length,
    decisionsPerCall: plan.actionsPerCall.length === 0 ? 0 : decisions / plan.actionsPerCall.length,
  };
}
