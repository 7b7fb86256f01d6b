/**
 * A case family: several actions asked against one policy set, one resource and one context — the shape
 * one SimulatePrincipalPolicy / SimulateCustomPolicy call answers (ActionNames × one ResourceArn), so
 * live mode can batch it into a single call
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html).
 *
 * One generated scenario (policies, boundary, request) and its request asked again for other actions:
 * the scenario world's request actions (what its policies name, and their near misses) plus a sample of
 * the other actions of the request's service (one resource ARN shape per family, as one call asks). Live mode and the bench's warm workload both draw families here.
 */
import fc from 'fast-check';
import type { Case } from '../oracle/types.js';
import type { Catalogue } from './catalogue.js';
import { PROFILES } from './profiles.js';
import { scenario } from './scenario.js';
import type { ServiceSelection } from './services.js';
import type { GeneratorSettings } from './settings.js';
import { renderServiceRole, roleTakingActions, serviceRoleRecipe } from './service-role.js';
import { pick } from './text.js';

export interface CaseFamily {
  readonly index: number;
  readonly cases: readonly Case[];
}

/** Actions per live family (the batching target: ≥ 20 decisions per call). */
export const FAMILY_SIZE = 25;

export interface CaseFamilyConstraints {
  /** Actions per family (the first is the scenario's own request). @defaultValue FAMILY_SIZE */
  readonly size?: number;
}

/** The `live` profile's settings: what live families are drawn with unless told otherwise. */
const LIVE_SETTINGS = (PROFILES.live ?? PROFILES.default) as GeneratorSettings;

/** One family's cases: distinct actions, all sharing the scenario's policies, resource and context. */
export function caseFamily(catalogue: Catalogue, settings: GeneratorSettings = LIVE_SETTINGS, constraints: CaseFamilyConstraints = {}): fc.Arbitrary<readonly Case[]> {
  const size = Math.max(1, constraints.size ?? FAMILY_SIZE);
  return fc
    .tuple(scenario(catalogue, settings), fc.nat(), fc.nat())
    .map(([s, at, elsewhere]) => {
      const service = s.case.request.action.slice(0, s.case.request.action.indexOf(':')).toLowerCase();
      const pool = catalogue.byService.get(service)?.actions ?? [];
      // A window of the service's actions, then (for services with few actions, e.g. STS) of the catalogue's.
      const window = (xs: readonly { id: string }[], from: number) => Array.from({ length: Math.min(size, xs.length) }, (_, i) => pick(xs, from + i).id);
      const sample = [...window(pool, at), ...window(catalogue.actions, elsewhere)];
      const actions = [...new Set([s.case.request.action, ...s.world.requestActions, ...sample])].slice(0, size);
      return actions.map((action) => ({ ...s.case, request: { ...s.case.request, action } }));
    });
}

/** `runs` live families for `seed`, drawn from `service` (the live profile's services unless named). */
export function generateFamilies(catalogue: Catalogue, seed: number, runs: number, service?: ServiceSelection): CaseFamily[] {
  if (runs <= 0) return [];
  const settings = service === undefined ? LIVE_SETTINGS : { ...LIVE_SETTINGS, service };
  return fc.sample(caseFamily(catalogue, settings), { seed, numRuns: runs }).map((cases, index) => ({ index, cases }));
}

/**
 * A SageMaker service-role family: one call of CreateTrainingJob, CreateProcessingJob, CreateEndpointConfig,
 * CreateNotebookInstance or CreateModel as IAM sees it — the SageMaker action on its new resource and
 * `iam:PassRole` on the execution role with `iam:PassedToService` — under one identity policy
 * (`service-role.ts`). An empty family when the catalogue was loaded without SageMaker.
 */
export function serviceRoleFamily(catalogue: Catalogue): fc.Arbitrary<readonly Case[]> {
  const actions = roleTakingActions(catalogue);
  if (actions.length === 0) return fc.constant([]);
  return serviceRoleRecipe().map((r) => renderServiceRole(actions, r));
}
