import type fc from 'fast-check';
import type { Case } from '../oracle/types.js';
import type { Catalogue } from './catalogue.js';
import { scenario } from './scenario.js';
import type { GeneratorSettings } from './settings.js';

/** A well-formed case: policies, an optional boundary and a request, all from one world. */
export function evaluationCase(catalogue: Catalogue, settings: GeneratorSettings): fc.Arbitrary<Case> {
  return scenario(catalogue, settings).map((s) => s.case);
}
