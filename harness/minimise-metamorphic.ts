/**
 * Minimising a metamorphic failure: the original case is minimised (harness/minimise.ts) while the
 * property's own check, run on the input rebased onto the smaller case (its transformation applied
 * again, `ConformanceProperty.rebase`), still fails with the same two answers. No oracle is involved:
 * the failure that is kept is the evaluator disagreeing with itself, as found.
 */
import { answerOf } from './compare.js';
import type { Evaluator, EvaluatorResult } from './evaluator.js';
import { minimise } from './minimise.js';
import type { ConformanceProperty, Violation } from './property.js';

const answer = (r: EvaluatorResult | undefined): string | undefined => (r?.kind === 'verdict' ? answerOf(r.verdict) : undefined);

export async function minimisedMetamorphic<T>(prop: ConformanceProperty<T>, input: T, v: Violation, evaluator: Evaluator): Promise<Violation> {
  const rebase = prop.rebase?.bind(prop);
  const before = answer(v.actual);
  const after = answer(v.related?.actual);
  if (v.kind !== 'diverge' || rebase === undefined || before === undefined || after === undefined) return v;
  let kept = v;
  const smallest = await minimise(v.case, async (originals) => {
    // One check at a time, stopping at the first that still fails: minimise takes the first anyway.
    const failing: boolean[] = [];
    for (const original of originals) {
      const next = rebase(input, original);
      const w = next === undefined ? null : await prop.check(evaluator, next).catch(() => null);
      const same = w !== null && w.kind === 'diverge' && answer(w.actual) === before && answer(w.related?.actual) === after;
      failing.push(same);
      if (same) {
        kept = w;
        break;
      }
    }
    return failing;
  });
  return smallest === v.case ? v : kept;
}
