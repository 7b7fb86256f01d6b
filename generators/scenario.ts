/**
 * A case together with the world it was drawn from, and optionally an extra recipe rendered in the same
 * world (metamorphic properties add statements that speak the case's vocabulary).
 */
import fc from 'fast-check';
import type { Case } from '../oracle/types.js';
import type { Catalogue } from './catalogue.js';
import { drawsChain, evaluationChain, withChain } from './evaluation-chain.js';
import { policySet, renderPolicySet, type PolicySetRecipe } from './policy-set.js';
import { renderRequest, request, type RequestRecipe } from './request.js';
import type { GeneratorSettings } from './settings.js';
import { world, type World } from './world.js';

export interface Scenario<T> {
  readonly world: World;
  readonly case: Case;
  readonly extra: T;
}

/** A case with its world, plus `render(world, r)` for an extra recipe `r` drawn alongside. */
export function scenarioWith<R, T>(
  catalogue: Catalogue,
  settings: GeneratorSettings,
  extra: fc.Arbitrary<R>,
  render: (w: World, r: R) => T,
): fc.Arbitrary<Scenario<T>> {
  const base = fc.tuple(world(catalogue, settings), policySet(settings), request(settings), extra);
  const toCase = (w: World, p: PolicySetRecipe, r: RequestRecipe): Case => {
    const set = renderPolicySet(w, settings, p);
    return { ...set, request: renderRequest(w, r, [...set.policies, ...(set.permissionsBoundaries ?? [])]) };
  };
  // Profiles without SCPs, resource policies or other owners draw exactly what they drew before.
  if (!drawsChain(settings)) return base.map(([w, p, r, e]) => ({ world: w, case: toCase(w, p, r), extra: render(w, e) }));
  return fc
    .tuple(base, evaluationChain(settings))
    .map(([[w, p, r, e], chain]) => ({ world: w, case: withChain(w, settings, toCase(w, p, r), chain), extra: render(w, e) }));
}

/** A case with its world. */
export function scenario(catalogue: Catalogue, settings: GeneratorSettings): fc.Arbitrary<Scenario<undefined>> {
  return scenarioWith(catalogue, settings, fc.constant(undefined), () => undefined);
}
