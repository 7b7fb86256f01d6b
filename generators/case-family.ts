/**
 * A case family: several actions asked against one policy set, one resource and one context — the shape
 * one SimulatePrincipalPolicy / SimulateCustomPolicy call answers (ActionNames × one ResourceArn), so
 * live mode can batch it into a single call
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html).
 */
import fc from 'fast-check';
import type { Case, ContextEntry, PolicyDocument } from '../oracle/types.js';
import type { Catalogue } from './catalogue.js';
import { policySet, renderPolicySet } from './policy-set.js';
import { renderRequest, request } from './request.js';
import type { GeneratorSettings } from './settings.js';
import { pick, unique } from './text.js';
import { world } from './world.js';

export interface CaseFamily {
  readonly policies: readonly PolicyDocument[];
  readonly permissionsBoundaries?: readonly PolicyDocument[];
  readonly resource: string;
  readonly context: readonly ContextEntry[];
  /** Distinct concrete actions, matching and nearly matching the policies. */
  readonly actions: readonly string[];
}

export interface CaseFamilyConstraints {
  /** Most actions in one family. @defaultValue 5 */
  readonly maxActions?: number;
}

export function caseFamily(catalogue: Catalogue, settings: GeneratorSettings, constraints: CaseFamilyConstraints = {}): fc.Arbitrary<CaseFamily> {
  const max = Math.max(1, constraints.maxActions ?? 5);
  return fc
    .tuple(world(catalogue, settings), policySet(settings), request(settings), fc.array(fc.nat(), { minLength: 0, maxLength: max - 1 }))
    .map(([w, p, r, more]) => {
      const set = renderPolicySet(w, settings, p);
      const req = renderRequest(w, r, [...set.policies, ...(set.permissionsBoundaries ?? [])]);
      const actions = unique([req.action, ...more.map((i) => pick(w.requestActions, i))]);
      return { ...set, resource: req.resource, context: req.context, actions };
    });
}

/** The family as individual cases, one per action, in the family's order. */
export function familyCases(f: CaseFamily): Case[] {
  return f.actions.map((action) => ({
    policies: f.policies,
    ...(f.permissionsBoundaries ? { permissionsBoundaries: f.permissionsBoundaries } : {}),
    request: { action, resource: f.resource, context: f.context },
  }));
}
