/**
 * The SCP hierarchy of the caller's account: one to three levels (organization root first, account
 * last), each one or two SCPs. Most SCPs are AWS's default `FullAWSAccess` (Allow * on *), some are drawn
 * like identity policies (full IAM language, DECISIONS.md #34), alone or beside FullAWSAccess — the two
 * ways AWS's own examples use them (an allow list; a deny list on top of FullAWSAccess).
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html
 */
import fc from 'fast-check';
import { policy, renderPolicy, type PolicyRecipe } from './policy.js';
import { ALLOW_ALL } from './policy-set.js';
import type { GeneratorSettings } from './settings.js';
import type { World } from './world.js';

/** `full`: FullAWSAccess alone; `list`: a drawn SCP alone (an allow list); `beside`: a drawn SCP beside FullAWSAccess. */
export type ScpRecipe = { readonly kind: 'full' } | { readonly kind: 'list' | 'beside'; readonly policy: PolicyRecipe };

export type OrganizationRecipe = readonly ScpRecipe[];

export function organization(settings: GeneratorSettings): fc.Arbitrary<OrganizationRecipe> {
  const drawn = policy(settings);
  const scp: fc.Arbitrary<ScpRecipe> = fc.oneof(
    { arbitrary: fc.constant({ kind: 'full' as const }), weight: 5 },
    { arbitrary: drawn.map((p) => ({ kind: 'list' as const, policy: p })), weight: 2 },
    { arbitrary: drawn.map((p) => ({ kind: 'beside' as const, policy: p })), weight: 3 },
  );
  return fc.array(scp, { minLength: 1, maxLength: 3 });
}

/** One array of documents per level; every SCP says Version 2012-10-17, as SCPs must. */
export function renderOrganization(w: World, settings: GeneratorSettings, r: OrganizationRecipe): unknown[][] {
  return r.map((level) => {
    if (level.kind === 'full') return [structuredClone(ALLOW_ALL)];
    const doc = { ...renderPolicy(w, settings, level.policy), Version: '2012-10-17' };
    return level.kind === 'list' ? [doc] : [structuredClone(ALLOW_ALL), doc];
  });
}
