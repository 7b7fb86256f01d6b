/**
 * The request of a case, drawn from the world: an action that matches or nearly matches, a resource
 * that matches or nearly matches, and context entries typed as the catalogue types them — multivalued
 * keys as `…List` entries, values at and around the policies' anchors, some keys deliberately absent,
 * some key names in other case (https://docs.aws.amazon.com/IAM/latest/APIReference/API_ContextEntry.html).
 */
import fc from 'fast-check';
import { record } from './record.js';
import type { ContextEntry, Request } from '../oracle/types.js';
import { chance } from './chance.js';
import type { GeneratorSettings } from './settings.js';
import { flipCase, pick, unique } from './text.js';
import type { World } from './world.js';
import { valuesNear, writtenValues } from './written-values.js';

/** Presence shrinks to false: shrunk counterexamples carry only the context entries they need. */
export interface ContextRecipe {
  readonly present: boolean;
  /** Presence for policy-variable keys, lower: a variable with no value is where defaults matter. */
  readonly variablePresent: boolean;
  readonly values: readonly number[];
  readonly keyCase: number;
}

export interface RequestRecipe {
  readonly action: number;
  readonly nearAction: boolean;
  readonly resource: number;
  readonly nearResource: boolean;
  readonly context: readonly ContextRecipe[];
}

/** Context slots: one per world key and variable (the world has at most maxKeys + 2 of them). */
export const contextSlots = (settings: GeneratorSettings): number => settings.maxKeys + 2;

export function request(settings: GeneratorSettings): fc.Arbitrary<RequestRecipe> {
  const entry = record({
    present: chance(settings.enableMissingKeys ? 75 : 100),
    variablePresent: chance(settings.enableMissingKeys ? 55 : 100),
    // Half the values are among the first candidates: on or right beside what the policies wrote.
    values: fc.array(fc.oneof(fc.nat({ max: 5 }), fc.nat()), { minLength: 1, maxLength: 3 }),
    keyCase: settings.enableKeyCase ? fc.oneof({ arbitrary: fc.constant(0), weight: 6 }, fc.nat()) : fc.constant(0),
  });
  const slots = contextSlots(settings);
  return record({
    action: fc.nat(),
    nearAction: chance(25),
    resource: fc.nat(),
    nearResource: chance(settings.enableResourceArns ? 30 : 0),
    context: fc.array(entry, { minLength: slots, maxLength: slots }),
  });
}

/**
 * Context entries for the world's keys. Candidate values: first those near what the policies wrote for
 * the key (`docs`), then the world's own near misses; half the draws land in the first few candidates.
 */
export function renderContext(w: World, r: readonly ContextRecipe[], docs: readonly unknown[] = []): ContextEntry[] {
  const keys = [...w.keys, ...w.variables];
  const written = writtenValues(docs);
  const out: ContextEntry[] = [];
  keys.forEach((k, i) => {
    const c = r[i % Math.max(1, r.length)];
    if (!c || !(i < w.keys.length ? c.present : c.variablePresent)) return;
    const candidates = unique([...valuesNear(k.kind, written.get(k.name.toLowerCase()) ?? []), ...k.nearby]);
    const picked = c.values.map((v) => pick(candidates, v));
    const values = k.multivalued ? multiValues(picked, c.values) : [picked[0] as string];
    out.push({ key: flipCase(k.name, c.keyCase), type: k.contextType, values });
  });
  return out;
}

/**
 * The values of a multivalued key: one or several, sometimes with the empty string (a "null dataset"
 * when it is the only one, oracle/DECISIONS #12) or a value repeated, both derived from the draws.
 */
function multiValues(picked: readonly string[], draws: readonly number[]): string[] {
  const values = unique(picked);
  if ((draws[1] ?? 0) % 11 === 10) values.push('');
  if ((draws[2] ?? 0) % 7 === 6) values.push(values[0] as string);
  return values;
}

export function renderRequest(w: World, r: RequestRecipe, docs: readonly unknown[] = []): Request {
  const action = pick(r.nearAction ? w.requestActions : w.actions, r.action);
  const resource =
    w.resources.length === 0 ? '*' : pick(r.nearResource ? w.requestResources : w.resources, r.resource);
  return { action, resource, context: renderContext(w, r.context, docs) };
}
