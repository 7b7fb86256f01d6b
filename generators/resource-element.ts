/**
 * `Resource` / `NotResource` of a statement, drawn from the world's resources.
 *
 * Grammar: resource_block = ("Resource" | "NotResource") : ("*" | [<resource_string>, …]); an ARN
 * `arn:partition:service:region:account:resource` with `*` / `?` allowed in every segment but the
 * service, `*` spanning `/`, matching case-sensitive, `${…}` variables only after the fifth colon
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
 */
import fc from 'fast-check';
import { record } from './record.js';
import { chance } from './chance.js';
import type { GeneratorSettings } from './settings.js';
import { pick, questionAt, starAfter, unique } from './text.js';
import { SPECIAL_VARIABLES } from './value-forms.js';
import type { World } from './world.js';

export const RESOURCE_FORMS = [
  'exact',
  'star',
  'prefixStar',
  'question',
  'regionStar',
  'middleStar',
  'serviceWide',
  'variable',
  'upperCase',
  'specialVariable',
] as const;
export type ResourceForm = (typeof RESOURCE_FORMS)[number];

export interface ResourcePatternRecipe {
  readonly resource: number;
  readonly form: ResourceForm;
  readonly cut: number;
  readonly variable: number;
}

export interface ResourceElementRecipe {
  readonly negated: boolean;
  readonly patterns: readonly ResourcePatternRecipe[];
  readonly bare: boolean;
}

/** Recipes for a Resource/NotResource element under `settings`. */
export function resourceElement(settings: GeneratorSettings): fc.Arbitrary<ResourceElementRecipe> {
  const forms: ResourceForm[] = ['exact', 'star', 'upperCase'];
  if (settings.enableResourceWildcards) forms.push('prefixStar', 'question', 'regionStar', 'middleStar', 'serviceWide');
  if (settings.enableVariables) forms.push('variable');
  // Under Version 2008-10-17 `${*}` is literal text with a real wildcard in it.
  if (settings.enableVariables && settings.enableResourceWildcards) forms.push('specialVariable');
  const pattern = record({
    resource: fc.nat(),
    form: settings.enableResourceArns
      ? fc.oneof({ arbitrary: fc.constant<ResourceForm>('exact'), weight: 2 }, { arbitrary: fc.constantFrom(...forms), weight: 3 })
      : fc.constant<ResourceForm>('star'),
    cut: fc.nat(),
    variable: fc.nat(),
  });
  return record({
    negated: chance(settings.enableNotResource && settings.enableResourceArns ? 12 : 0),
    patterns: fc.array(pattern, { minLength: 1, maxLength: 2 }),
    bare: fc.boolean(),
  });
}

/** Index just after the fifth colon: where the resource part of an ARN begins. */
function resourcePartStart(arn: string): number {
  let at = -1;
  for (let i = 0; i < 5; i++) {
    at = arn.indexOf(':', at + 1);
    if (at < 0) return arn.length;
  }
  return at + 1;
}

/** One resource string. */
export function renderResourcePattern(w: World, r: ResourcePatternRecipe): string {
  if (r.form === 'star' || w.resources.length === 0) return '*';
  const arn = pick(w.resources, r.resource);
  const start = resourcePartStart(arn);
  const parts = arn.split(':');
  switch (r.form) {
    case 'exact':
      return arn;
    case 'prefixStar':
      return starAfter(arn, r.cut, start);
    case 'question':
      return questionAt(arn, r.cut, start);
    case 'regionStar':
      return parts[3] ? [...parts.slice(0, 3), '*', '*', ...parts.slice(5)].join(':') : starAfter(arn, 0, start);
    case 'middleStar': {
      // `type/*/last`: the `*` must span several `/`-separated segments of nested ARNs (apps, spaces, objects).
      const slash = arn.indexOf('/', start);
      const last = arn.lastIndexOf('/');
      return slash >= 0 && last > slash ? `${arn.slice(0, slash + 1)}*${arn.slice(last)}` : `${arn.slice(0, start)}*`;
    }
    case 'serviceWide':
      return [...parts.slice(0, 3), '*', '*', '*'].join(':');
    case 'variable': {
      if (w.variables.length === 0) return arn;
      // The name segment replaced by a variable; the request's aws:username is drawn from the same names.
      const last = Math.max(arn.lastIndexOf('/'), start - 1);
      const v = pick(w.variables, r.variable);
      const spellings = [`\${${v.name}}`, `\${${v.name}, '${pick(w.names, r.cut)}'}`, ...(w.keyCase ? [`\${${v.name.toUpperCase()}}`] : [])];
      const text = pick(spellings, r.cut);
      return arn.slice(0, last + 1) + text;
    }
    case 'upperCase':
      return arn.slice(0, start) + arn.slice(start).toUpperCase();
    case 'specialVariable':
      // The last character of the name as `${*}`, `${?}` or `${$}`: a literal `*`, `?`, `$` (variables
      // page, "Special characters"); the world's request resources include those literal names.
      return arn.length > start ? arn.slice(0, -1) + pick(SPECIAL_VARIABLES, r.cut) : arn;
  }
}

export function renderResourceElement(w: World, r: ResourceElementRecipe): [string, string | string[]] {
  const patterns = unique(r.patterns.map((p) => renderResourcePattern(w, p)));
  const value = r.bare && patterns.length === 1 ? (patterns[0] as string) : patterns;
  return [r.negated ? 'NotResource' : 'Resource', value];
}
