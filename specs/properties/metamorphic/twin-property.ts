import fc from 'fast-check';
import type { Catalogue } from '../../../generators/catalogue.js';
import { scenario } from '../../../generators/scenario.js';
import type { GeneratorSettings } from '../../../generators/settings.js';
import type { Case, Feature } from '../../../oracle/types.js';
import type { ConformanceProperty } from '../../../harness/property.js';
import { rebaseTwin, sameDecision, type Twin } from './same-decision.js';

export interface TwinSpec {
  readonly name: string;
  readonly description: string;
  /** The transformed case, and what was done (for the report); `k` picks among variants. */
  readonly transform: (c: Case, k: number, catalogue: Catalogue) => { readonly case: Case; readonly description: string };
  readonly adjust?: (s: GeneratorSettings) => GeneratorSettings;
  readonly requires?: readonly Feature[];
  /** Features the transformation adds (see ConformanceProperty.introduces). */
  readonly introduces?: readonly Feature[];
}

/** A metamorphic property whose transformation must leave the answer unchanged. */
export function twinProperty(spec: TwinSpec): ConformanceProperty<Twin> {
  return {
    name: spec.name,
    description: spec.description,
    kind: 'metamorphic',
    ...(spec.adjust ? { adjust: spec.adjust } : {}),
    ...(spec.requires ? { requires: spec.requires } : {}),
    ...(spec.introduces ? { introduces: spec.introduces } : {}),
    arbitrary: (settings, catalogue) =>
      fc.tuple(scenario(catalogue, settings), fc.nat()).map(([s, k]) => {
        const twin = (original: Case): Twin => {
          const t = spec.transform(original, k, catalogue);
          return { original, transformed: t.case, description: t.description, again: twin };
        };
        return twin(s.case);
      }),
    cases: (t) => [t.original, t.transformed],
    check: sameDecision,
    rebase: rebaseTwin,
  };
}
