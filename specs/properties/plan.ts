import { PROFILE_NAMES, profileSettings } from '../../generators/profiles.js';
import type { ServiceSelection } from '../../generators/services.js';
import type { Feature } from '../../oracle/types.js';
import type { PlannedRun } from '../../harness/property.js';
import { defaultPlan, introducesExcluded } from './defaults.js';
import { PROPERTIES, propertyByName } from './index.js';
import { InputError } from '../../harness/input-error.js';

export interface PropertySelection {
  /** `--property NAME`: only that property. */
  readonly property?: string;
  /** `--profile NAME`: every selected property under that profile (instead of the default plan). */
  readonly profile?: string;
  /** `--path`: a replay, which names one property under one profile (`default` unless named). */
  readonly path?: string;
  /** Features never generated: the evaluator's unsupported ones and `--exclude-features`. */
  readonly excluded: readonly Feature[];
  /** `--service`: the services every planned run draws from (default: each profile's, DEFAULT_SERVICES). */
  readonly service?: ServiceSelection;
}

/**
 * Which (property, settings) pairs a run executes: the default plan (differential under each profile,
 * the rest under `default`), narrowed by `--property` and `--profile`. Unknown names are bad input.
 */
export function planProperties(sel: PropertySelection): PlannedRun[] {
  const plan = planSelected(sel);
  const service = sel.service;
  return service === undefined ? plan : plan.map((r) => ({ ...r, settings: { ...r.settings, service } }));
}

function planSelected(sel: PropertySelection): PlannedRun[] {
  const named = sel.property === undefined ? undefined : (propertyByName(sel.property) ?? unknownProperty(sel.property));
  if (named && introducesExcluded(named, sel.excluded)) {
    const which = (named.introduces ?? []).filter((f) => sel.excluded.includes(f)).join(', ');
    throw new InputError(`--property ${named.name} generates ${which}, which this run excludes (--exclude-features or the evaluator's unsupported features)`);
  }
  const properties = named ? [named] : PROPERTIES.filter((p) => !introducesExcluded(p, sel.excluded));
  // Replay commands leave out `--profile default`: a path belongs to exactly one profile.
  if (sel.path !== undefined && sel.profile === undefined) return planSelected({ ...sel, profile: 'default' });
  if (sel.profile === undefined) {
    const plan = defaultPlan(properties, sel.excluded);
    // An explicitly named property runs even if the default plan would leave it out.
    if (plan.length === 0 && sel.property !== undefined) return planSelected({ ...sel, profile: 'default' });
    return plan;
  }
  const settings = profileSettings(sel.profile, sel.excluded);
  if (!settings) throw new InputError(`--profile: unknown profile "${sel.profile}"; profiles are: ${PROFILE_NAMES.join(', ')}`);
  // A profile keeps the run-count factor the default plan gives it (cheap, narrow profiles run more).
  const same = defaultPlan(PROPERTIES).find((r) => r.settings.profile === sel.profile);
  const factor = same?.runsFactor ?? 1;
  return properties.map((property) => ({ property, settings, runsFactor: factor }));
}

function unknownProperty(name: string): never {
  throw new InputError(`--property: unknown property "${name}"; properties are: ${PROPERTIES.map((p) => p.name).join(', ')}`);
}
