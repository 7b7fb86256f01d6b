/**
 * The identity policies of a case, and its optional permissions boundary (AWS accepts one:
 * PermissionsBoundaryPolicyInputList, https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html).
 */
import fc from 'fast-check';
import { record } from './record.js';
import { chance } from './chance.js';
import { policy, renderPolicy, type PolicyRecipe } from './policy.js';
import type { GeneratorSettings } from './settings.js';
import type { World } from './world.js';

export interface PolicySetRecipe {
  readonly policies: readonly PolicyRecipe[];
  /** null: no boundary; 'allowAll': `Allow * on *`; otherwise a generated boundary policy. */
  readonly boundary: PolicyRecipe | 'allowAll' | null;
}

export const ALLOW_ALL = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } as const;

export function policySet(settings: GeneratorSettings): fc.Arbitrary<PolicySetRecipe> {
  // `Allow *` uses an action wildcard: not when wildcards are excluded.
  const boundary = settings.enableActionWildcards
    ? fc.oneof({ arbitrary: fc.constant<'allowAll' | PolicyRecipe>('allowAll'), weight: 1 }, { arbitrary: policy(settings), weight: 4 })
    : policy(settings);
  return record({
    policies: fc.array(policy(settings), { minLength: 1, maxLength: Math.max(1, settings.enableMultiplePolicies ? settings.maxPolicies : 1) }),
    boundary: settings.enableBoundaries
      ? fc.tuple(chance(settings.boundaryPercent), boundary).map(([has, b]) => (has ? b : null))
      : fc.constant(null),
  });
}

export interface RenderedPolicySet {
  readonly policies: readonly unknown[];
  readonly permissionsBoundaries?: readonly unknown[];
}

export function renderPolicySet(w: World, settings: GeneratorSettings, r: PolicySetRecipe): RenderedPolicySet {
  const policies = r.policies.map((p) => renderPolicy(w, settings, p));
  if (r.boundary === null) return { policies };
  if (r.boundary === 'allowAll') return { policies, permissionsBoundaries: [structuredClone(ALLOW_ALL)] };
  const b = renderPolicy(w, settings, r.boundary);
  // Sometimes a second boundary, `Allow *`: several boundaries intersect (oracle/DECISIONS #26), so the
  // answer is that of the first; an evaluator that reads only the last one, or only one, differs.
  const several = r.boundary.bare && r.boundary.statements.length > 1 && settings.enableActionWildcards;
  return { policies, permissionsBoundaries: several ? [b, structuredClone(ALLOW_ALL)] : [b] };
}
