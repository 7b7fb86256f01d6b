/**
 * A case whose policies break exactly one grammar rule (see `breakages.ts`): the validation property
 * expects every evaluator to reject it rather than decide.
 */
import fc from 'fast-check';
import type { Case } from '../oracle/types.js';
import { BREAKAGES, type Breakage } from './breakages.js';
import type { Catalogue } from './catalogue.js';
import { scenario } from './scenario.js';
import type { GeneratorSettings } from './settings.js';

export interface MalformedCase {
  readonly case: Case;
  /** The rule broken, as the validator names it. */
  readonly rule: string;
  readonly description: string;
  /** Where: `policies[i]` or `permissionsBoundaries[0]`. */
  readonly where: string;
}

export function malformedCase(catalogue: Catalogue, settings: GeneratorSettings): fc.Arbitrary<MalformedCase> {
  return fc
    .tuple(scenario(catalogue, settings), fc.constantFrom(...BREAKAGES), fc.nat(), fc.nat())
    .map(([s, breakage, target, variant]) => breakCase(s.case, breakage, target, variant));
}

function breakCase(c: Case, b: Breakage, target: number, variant: number): MalformedCase {
  const boundaries = c.permissionsBoundaries ?? [];
  const inBoundary = boundaries.length > 0 && target % 4 === 3;
  const policies = [...c.policies];
  const bounds = [...boundaries];
  const list = inBoundary ? bounds : policies;
  const i = inBoundary ? 0 : target % policies.length;
  list[i] = b.apply(structuredClone(list[i]) as Record<string, unknown>, variant);
  const broken: Case = { ...c, policies, ...(boundaries.length > 0 ? { permissionsBoundaries: bounds } : {}) };
  return { case: broken, rule: b.rule, description: b.description, where: inBoundary ? 'permissionsBoundaries[0]' : `policies[${i}]` };
}
