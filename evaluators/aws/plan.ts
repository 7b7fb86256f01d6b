/** `--dry-run`: the calls a run would make, computed without credentials or network. */
import type { Case } from '../../oracle/types.js';
import { PREFLIGHT_CALLS } from './preflight.js';
import { planBatches } from './request-map.js';
import type { SimulateApi } from './settings.js';

export interface CallPlan {
  readonly api: SimulateApi;
  readonly preflightCalls: number;
  /** One entry per planned call: how many ActionNames it carries. */
  readonly actionsPerCall: readonly number[];
  /** Planned calls that go through SimulateCustomPolicy with SCPs, a resource policy, a caller or an owner. */
  readonly chainCalls: number;
  readonly cases: number;
  readonly unsendable: number;
}

export function planAwsCalls(
  cases: readonly Case[],
  settings: { readonly api: SimulateApi; readonly principalArn?: string; readonly actionsPerCall: number },
): CallPlan {
  const plan = planBatches(cases, settings);
  return {
    api: settings.api,
    preflightCalls: settings.api === 'SimulatePrincipalPolicy' ? PREFLIGHT_CALLS : 0,
    actionsPerCall: plan.batches.map((b) => b.actions.length),
    chainCalls: plan.batches.filter((b) => b.chain !== undefined).length,
    cases: cases.length,
    unsendable: plan.unsendable.size,
  };
}

export function describePlan(plan: CallPlan): string {
  const calls = plan.actionsPerCall.length;
  const total = plan.actionsPerCall.reduce((a, b) => a + b, 0);
  const max = calls > 0 ? Math.max(...plan.actionsPerCall) : 0;
  const min = calls > 0 ? Math.min(...plan.actionsPerCall) : 0;
  const mean = calls > 0 ? (total / calls).toFixed(1) : '0';
  return [
    `dry run: ${plan.api}, ${plan.cases} cases → ${calls} calls (+${plan.preflightCalls} preflight), ${total} action names in all`,
    `actions per call: min ${min}, mean ${mean}, max ${max}` + (plan.unsendable > 0 ? `; ${plan.unsendable} cases cannot be sent (skipped)` : ''),
    ...(plan.chainCalls > 0
      ? [`${plan.chainCalls} of the calls are SimulateCustomPolicy with SCPs (OrderedOrganizationPolicyInputList), a ResourcePolicy, CallerArn or ResourceOwner`]
      : []),
    '(paging may add calls; no credentials were used)',
  ].join('\n');
}
