/**
 * One statement: Sid?, Effect, Action|NotAction, Resource|NotResource, Condition?
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html).
 */
import fc from 'fast-check';
import { record } from './record.js';
import { actionElement, renderActionElement, type ActionElementRecipe } from './action-element.js';
import { chance } from './chance.js';
import { conditionBlock, renderConditionBlock } from './condition-block.js';
import type { ConditionRecipe } from './condition-recipe.js';
import { renderResourceElement, resourceElement, type ResourceElementRecipe } from './resource-element.js';
import type { GeneratorSettings } from './settings.js';
import type { World } from './world.js';

export interface StatementRecipe {
  readonly sid: boolean;
  readonly deny: boolean;
  readonly action: ActionElementRecipe;
  readonly resource: ResourceElementRecipe;
  readonly conditions: readonly ConditionRecipe[] | null;
}

/** Statement recipes; `effect` forces the Effect (used by the add-a-Deny / add-an-Allow properties). */
export function statement(settings: GeneratorSettings, effect?: 'Allow' | 'Deny'): fc.Arbitrary<StatementRecipe> {
  const conditioned = settings.enableConditions ? settings.conditionPercent : 0;
  return record({
    sid: fc.boolean(),
    deny: effect ? fc.constant(effect === 'Deny') : chance(settings.enableDeny ? settings.denyPercent : 0),
    action: actionElement(settings),
    resource: resourceElement(settings),
    conditions: conditioned > 0
      ? fc.tuple(chance(conditioned), conditionBlock(settings)).map(([has, c]) => (has ? c : null))
      : fc.constant(null),
  });
}

/** The statement object; `index` makes Sids unique within the policy. */
export function renderStatement(w: World, settings: GeneratorSettings, r: StatementRecipe, index: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (r.sid) out.Sid = `S${index}`;
  out.Effect = r.deny ? 'Deny' : 'Allow';
  const [ak, av] = renderActionElement(w, r.action);
  out[ak] = av;
  const [rk, rv] = renderResourceElement(w, r.resource);
  out[rk] = rv;
  const condition = r.conditions ? renderConditionBlock(w, settings, r.conditions) : undefined;
  if (condition && Object.keys(condition).length > 0) out.Condition = condition;
  return out;
}
