/**
 * `fc.record` without its null-prototype objects. fast-check's record draws its fields as a tuple plus
 * one boolean that makes about half the objects `Object.create(null)`: dictionary-mode objects, whose
 * every field read in the renderers is a hash lookup (a tenth of the generator's time). This draws the
 * very same tuple, boolean included, so every seed gives the same values and shrinks the same way, and
 * always builds a plain object with one fixed shape.
 */
import fc from 'fast-check';

export function record<T extends object>(model: { readonly [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> {
  const keys = Object.keys(model) as (keyof T & string)[];
  const fields = keys.map((k) => model[k] as fc.Arbitrary<unknown>);
  return fc.tuple(...fields, fc.boolean()).map(objectBuilder<T>(keys));
}

/**
 * `(values) => ({ k0: values[0], k1: values[1], … })` for these keys, as an object literal: one hidden
 * class per record, created in one step. Built with keys in a loop, every field is a keyed store that
 * V8 cannot specialise (all records share the store site), which cost as much as drawing the values.
 * The keys are the record model's own property names (our source code, quoted by JSON.stringify).
 */
function objectBuilder<T>(keys: readonly string[]): (values: readonly unknown[]) => T {
  const literal = keys.map((k, i) => `${JSON.stringify(k)}: v[${i}]`).join(', ');
  let build = BUILDERS.get(literal);
  if (build === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- see above: fixed keys, no outside input
    build = new Function('v', `return { ${literal} };`) as (values: readonly unknown[]) => unknown;
    BUILDERS.set(literal, build);
  }
  return build as (values: readonly unknown[]) => T;
}

/**
 * One builder per key list for the whole process: arbitraries are built anew for every planned run, and
 * a new function each time would be compiled and optimised anew each time.
 */
const BUILDERS = new Map<string, (values: readonly unknown[]) => unknown>();
