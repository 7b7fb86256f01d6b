/**
 * The default property run: what `iam-conformance run` does without `--seed` / `--runs` / `--property`,
 * and what the mutant spec holds to catching every mutant.
 */
import { PROFILES, settingsExcluding } from '../../generators/profiles.js';
import type { Feature } from '../../oracle/types.js';
import type { AnyProperty, PlannedRun } from '../../harness/property.js';

export const DEFAULT_SEED = 20260101;
/**
 * Inputs per planned run (times the run's `runsFactor`): 19,600 in the default plan. Raised from 300 to
 * what issue 17's speed-ups buy in the same wall time: the main job against iam-simulate took 19.3 s
 * at 300 on the previous build and takes 17.1 s at 400 on this one (2 cores, every suite).
 */
export const DEFAULT_RUNS = 400;
/** Profiles the differential property runs under by default (`live` is for the live mode). */
export const DIFFERENTIAL_PROFILES = [
  'default',
  'operators',
  'conditions',
  'wildcards',
  'variables',
  'boundaries',
  'organizations',
  'resource-policies',
  'cross-account',
] as const;

/**
 * More inputs where one input is cheap and a bug is narrow: an `operators` case is one small policy,
 * and an operator-level bug (NumericLessThan inclusive, `${*}` as a wildcard) shows in a few per thousand.
 */
const RUNS_FACTOR: Readonly<Record<string, number>> = { operators: 16, variables: 8 };

/** Whether a property's transformation adds a feature the run excludes (it is then left out). */
export const introducesExcluded = (p: AnyProperty, excluded: readonly Feature[]): boolean =>
  (p.introduces ?? []).some((f) => excluded.includes(f));

/**
 * In this order: differential under `default` and `operators` (the broad net, then the fine one),
 * validation (cheap, and the only property that sees malformed policies), differential under the
 * remaining profiles, then the metamorphic properties under `default`. The evaluator's unsupported
 * features are excluded from every setting; validation is left out when `malformed-policy` is excluded.
 */
export function defaultPlan(properties: readonly AnyProperty[], excluded: readonly Feature[] = []): PlannedRun[] {
  const planned = (property: AnyProperty, profile: string): PlannedRun[] => {
    const settings = PROFILES[profile];
    return settings ? [{ property, settings: settingsExcluding(settings, excluded), runsFactor: RUNS_FACTOR[profile] ?? 1 }] : [];
  };
  // The differential property runs under every profile; narrower differential properties (service
  // roles) bring their own generator and run once, under `default`.
  const differential = properties.filter((p) => p.kind === 'differential' && p.name === 'differential');
  const focused = properties.filter((p) => p.kind === 'differential' && p.name !== 'differential');
  const validation = excluded.includes('malformed-policy') ? [] : properties.filter((p) => p.kind === 'validation');
  const metamorphic = properties.filter((p) => p.kind === 'metamorphic' && !introducesExcluded(p, excluded));
  const [first = 'default', second = 'operators', ...rest] = DIFFERENTIAL_PROFILES;
  return [
    ...differential.flatMap((p) => [...planned(p, first), ...planned(p, second)]),
    ...validation.flatMap((p) => planned(p, 'default')),
    ...focused.flatMap((p) => planned(p, 'default')),
    ...differential.flatMap((p) => rest.flatMap((profile) => planned(p, profile))),
    ...metamorphic.flatMap((p) => planned(p, 'default')),
  ];
}
