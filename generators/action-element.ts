/**
 * `Action` / `NotAction` of a statement, drawn from the world's actions.
 *
 * Grammar (reference_policies_grammar.html): action_block = ("Action" | "NotAction") : ("*" | [<action_string>, …]);
 * action_string = service ":" name, where name may hold `*` and `?` and case does not matter
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html).
 */
import fc from 'fast-check';
import { record } from './record.js';
import { chance } from './chance.js';
import type { GeneratorSettings } from './settings.js';
import { flipCase, pick, questionAt, starAfter, unique } from './text.js';
import type { World } from './world.js';

/** How one action string is written. */
export const ACTION_FORMS = ['exact', 'prefixStar', 'question', 'questionTail', 'infixStar', 'serviceStar', 'star'] as const;
export type ActionForm = (typeof ACTION_FORMS)[number];

export interface ActionPatternRecipe {
  readonly action: number;
  readonly form: ActionForm;
  readonly cut: number;
  /** Letter-case flips (0 = as the catalogue spells it). */
  readonly caseMask: number;
}

export interface ActionElementRecipe {
  readonly negated: boolean;
  readonly patterns: readonly ActionPatternRecipe[];
  /** Write a lone pattern as a bare string rather than a one-element array. */
  readonly bare: boolean;
}

/** Recipes for an Action/NotAction element under `settings`. */
export function actionElement(settings: GeneratorSettings): fc.Arbitrary<ActionElementRecipe> {
  const forms: ActionForm[] = settings.enableActionWildcards ? [...ACTION_FORMS] : ['exact'];
  const pattern = record({
    action: fc.nat(),
    // Exact names most often: they are what near-miss requests are built around.
    form: fc.oneof({ arbitrary: fc.constant<ActionForm>('exact'), weight: 3 }, { arbitrary: fc.constantFrom(...forms), weight: 2 }),
    cut: fc.nat(),
    caseMask: settings.enableActionCase ? fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, fc.nat()) : fc.constant(0),
  });
  return record({
    negated: chance(settings.enableNotAction ? 15 : 0),
    patterns: fc.array(pattern, { minLength: 1, maxLength: 3 }),
    bare: fc.boolean(),
  });
}

/** One action string. */
export function renderActionPattern(w: World, r: ActionPatternRecipe): string {
  const action = pick(w.actions, r.action);
  const colon = action.indexOf(':');
  const service = action.slice(0, colon);
  let out: string;
  switch (r.form) {
    case 'exact':
      out = action;
      break;
    case 'prefixStar':
      out = starAfter(action, r.cut, colon + 1);
      break;
    case 'question':
      out = questionAt(action, r.cut, colon + 1);
      break;
    case 'questionTail':
      // `CreateEndpoin?` or `DeleteModel?`: exactly one more character, where a `*` would match many.
      out = starAfter(action, r.cut, colon + 2).replace(/\*$/, '?');
      break;
    case 'infixStar':
      out = `${service}:*${action.slice(colon + 1 + (r.cut % Math.max(1, action.length - colon - 1)))}`;
      break;
    case 'serviceStar':
      out = `${service}:*`;
      break;
    case 'star':
      return '*';
  }
  return flipCase(out, r.caseMask);
}

/** The element as `[key, value]` for the statement object. */
export function renderActionElement(w: World, r: ActionElementRecipe): [string, string | string[]] {
  const patterns = unique(r.patterns.map((p) => renderActionPattern(w, p)));
  const value = r.bare && patterns.length === 1 ? (patterns[0] as string) : patterns;
  return [r.negated ? 'NotAction' : 'Action', value];
}
