/**
 * A case together with the world it was drawn from, and optionally an extra recipe rendered in the same
 * world (metamorphic properties add statements that speak the case's vocabulary).
 */
import fc from 'fast-check';
import type { Case } from '../oracle/types.js';
import type { Catalogue } from './catalogue.js';
import { policySet, renderPolicySet } from './policy-set.js';
import { renderRequest, request } from './request.js';
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
  return fc
    .tuple(world(catalogue, settings), policySet(settings), request(settings), extra)
    .map(([w, p, r, e]) => {
      const set = renderPolicySet(w, settings, p);
      const request = renderRequest(w, r, [...set.policies, ...(set.permissionsBoundaries ?? [])]);
      return { world: w, case: { ...set, request }, extra: render(w, e) };
    });
}

/** A case with its world. */
export function scenario(catalogue: Catalogue, settings: GeneratorSettings): fc.Arbitrary<Scenario<undefined>> {
  return scenarioWith(catalogue, settings, fc.constant(undefined), () => undefined);
}
