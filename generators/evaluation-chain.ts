/**
 * The rest of the evaluation chain around a case's identity policies: SCPs, a resource policy, the caller
 * and the resource owner. Drawn only under profiles that ask for them (scpPercent, resourcePolicyPercent,
 * crossAccountPercent), so the other profiles' cases, and their seeds, are unchanged.
 */
import fc from 'fast-check';
import { record } from './record.js';
import type { Case } from '../oracle/types.js';
import { DEFAULT_CALLER } from '../oracle/types.js';
import { chance } from './chance.js';
import { organization, renderOrganization, type OrganizationRecipe } from './organizations.js';
import { callerRecipe, OTHER_ACCOUNT, renderCaller, swapAccounts, type CallerRecipe } from './principal.js';
import { renderResourcePolicy, resourcePolicy, type ResourcePolicyRecipe } from './resource-policy.js';
import type { GeneratorSettings } from './settings.js';
import type { World } from './world.js';

export interface ChainRecipe {
  readonly organization: OrganizationRecipe | null;
  readonly resourcePolicy: ResourcePolicyRecipe | null;
  readonly caller: CallerRecipe;
  readonly crossAccount: boolean;
}

/** Whether the settings ask for any part of the chain. */
export const drawsChain = (s: GeneratorSettings): boolean => s.scpPercent > 0 || s.resourcePolicyPercent > 0 || s.crossAccountPercent > 0;

const maybe = <T>(percent: number, arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  percent <= 0 ? fc.constant(null) : fc.tuple(chance(percent), arb).map(([has, x]) => (has ? x : null));

export function evaluationChain(settings: GeneratorSettings): fc.Arbitrary<ChainRecipe> {
  return record({
    organization: maybe(settings.scpPercent, organization(settings)),
    resourcePolicy: maybe(settings.resourcePolicyPercent, resourcePolicy(settings)),
    caller: callerRecipe(),
    crossAccount: chance(settings.crossAccountPercent),
  });
}

/**
 * The case with the chain added. A cross-account case moves the resource to the other account: the two
 * accounts swap places in every ARN of the policies and the request (`swapAccounts`), so the resource ARN's
 * account and `resourceOwner` agree (DECISIONS.md #41); principals are written afterwards and keep theirs.
 */
export function withChain(w: World, settings: GeneratorSettings, c: Case, r: ChainRecipe): Case {
  const caller = renderCaller(r.caller);
  const move = <T>(x: T): T => (r.crossAccount ? swapAccounts(x) : x);
  const moved = move(c);
  const request = {
    ...moved.request,
    ...(caller !== undefined ? { caller } : {}),
    ...(r.crossAccount ? { resourceOwner: OTHER_ACCOUNT } : {}),
  };
  return {
    ...moved,
    ...(r.organization ? { serviceControlPolicies: move(renderOrganization(w, settings, r.organization)) } : {}),
    ...(r.resourcePolicy ? { resourcePolicy: renderResourcePolicy(w, settings, r.resourcePolicy, caller ?? DEFAULT_CALLER, move) } : {}),
    request,
  };
}
