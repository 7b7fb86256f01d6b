/**
 * The default property run: what `iam-conformance run` does without `--seed` / `--runs` / `--property`,
 * and what the mutant spec holds to catching every mutant.
 */
import { PROFILES, settingsExcluding } from '../../generators/profiles.js';
import type { GeneratorSettings } from '../../generators/settings.js';
import type { Feature } from '../../oracle/types.js';
import type { AnyProperty } from './property.js';

export const DEFAULT_SEED = 20260101;
/** Inputs per (property, profile) pair. */
export const DEFAULT_RUNS = 300;
/** Profiles the differential property runs under by default (`live` is for the live mode). */
export const DIFFERENTIAL_PROFILES = ['default', 'conditions', 'wildcards', 'variables', 'boundaries'] as const;

export interface PlannedRun {
  readonly property: AnyProperty;
  readonly settings: GeneratorSettings;
}

/**
 * Differential once per profile in DIFFERENTIAL_PROFILES, every other property under `default`; the
 * evaluator's unsupported features excluded from every setting. Properties that need an excluded
 * feature (validation without `malformed-policy`) are left out.
 */
export function defaultPlan(properties: readonly AnyProperty[], excluded: readonly Feature[] = []): PlannedRun[] {
  const out: PlannedRun[] = [];
  for (const property of properties) {
    if (property.kind === 'validation' && excluded.includes('malformed-policy')) continue;
    const profiles = property.kind === 'differential' ? DIFFERENTIAL_PROFILES : (['default'] as const);
    for (const p of profiles) {
      const settings = PROFILES[p];
      if (settings) out.push({ property, settings: settingsExcluding(settings, excluded) });
    }
  }
  return out;
}
