import type { Feature } from '../oracle/types.js';
import { DEFAULT_SETTINGS, type GeneratorSettings } from './settings.js';

/**
 * Named presets of the generator settings. `default` mixes everything; the others lean on one area so a
 * run spends its cases where that area's bugs live.
 */
/**
 * One policy, one action, one key, one condition entry per statement, no boundary and no pattern
 * tricks: the base of the profiles that aim at single operators and variables.
 */
const ONE_CONDITION: GeneratorSettings = {
  ...DEFAULT_SETTINGS,
  maxPolicies: 1,
  maxStatements: 2,
  maxConditions: 1,
  maxKeys: 1,
  maxActions: 1,
  enableBoundaries: false,
  enableNotAction: false,
  enableNotResource: false,
  enableActionWildcards: false,
  enableActionCase: false,
  enableResourceWildcards: false,
};

export const PROFILES: Readonly<Record<string, GeneratorSettings>> = {
  default: DEFAULT_SETTINGS,
  /** Many condition entries per statement, every statement conditioned, few policies. */
  conditions: {
    ...DEFAULT_SETTINGS,
    profile: 'conditions',
    maxPolicies: 2,
    maxStatements: 3,
    maxConditions: 3,
    maxKeys: 4,
    conditionPercent: 90,
    denyPercent: 45,
    enableBoundaries: false,
  },
  /**
   * One condition entry per statement, one policy, no boundary: each case is nearly a test of one
   * operator on one key, so operator-level bugs show within a few hundred cases.
   */
  operators: {
    ...ONE_CONDITION,
    profile: 'operators',
    conditionPercent: 100,
    specialStringPercent: 35,
  },
  /** Action and resource patterns only: no conditions, more actions in the world. */
  wildcards: {
    ...DEFAULT_SETTINGS,
    profile: 'wildcards',
    maxActions: 5,
    maxStatements: 4,
    conditionPercent: 0,
    enableConditions: false,
  },
  /** Policy variables in resources and condition values, both policy versions. */
  variables: {
    ...ONE_CONDITION,
    profile: 'variables',
    conditionPercent: 90,
    specialStringPercent: 60,
    enableArnConditions: false,
    enableMultivalued: false,
    enableNumericConditions: false,
    enableDateConditions: false,
    enableIpConditions: false,
    enableBoolConditions: false,
  },
  /** Every case has a permissions boundary. */
  boundaries: { ...DEFAULT_SETTINGS, profile: 'boundaries', maxPolicies: 2, maxStatements: 2, boundaryPercent: 100 },
  /**
   * Every case has an SCP hierarchy (one to three levels, root first), a fifth a resource policy too:
   * levels read as OR, SCP Denies, SCPs that grant.
   */
  organizations: {
    ...DEFAULT_SETTINGS,
    profile: 'organizations',
    maxPolicies: 2,
    maxStatements: 2,
    denyPercent: 20,
    conditionPercent: 50,
    scpPercent: 100,
    resourcePolicyPercent: 20,
  },
  /**
   * Every case has a resource-based policy naming principals from the case's vocabulary (the caller, its
   * account, another user, another account, `*`, a service), a third a boundary, a tenth SCPs.
   */
  'resource-policies': {
    ...DEFAULT_SETTINGS,
    profile: 'resource-policies',
    maxPolicies: 2,
    maxStatements: 2,
    denyPercent: 20,
    conditionPercent: 50,
    boundaryPercent: 30,
    resourcePolicyPercent: 100,
    scpPercent: 10,
  },
  /** Most resources owned by another account: both sides must allow; a boundary limits the identity side. */
  'cross-account': {
    ...DEFAULT_SETTINGS,
    profile: 'cross-account',
    maxPolicies: 2,
    maxStatements: 2,
    denyPercent: 20,
    conditionPercent: 50,
    resourcePolicyPercent: 85,
    crossAccountPercent: 65,
    scpPercent: 15,
  },
  /**
   * Cases AWS's simulator can answer cheaply and unambiguously: one policy, no malformed documents, no
   * 2008 versions (UNCONFIRMED whether managed policies accept them), few statements.
   */
  live: {
    ...DEFAULT_SETTINGS,
    profile: 'live',
    maxPolicies: 1,
    maxStatements: 3,
    enableMalformed: false,
    enableVersion2008: false,
  },
};

export const PROFILE_NAMES = Object.keys(PROFILES);

/** Which settings to switch off so that a feature is never generated. */
const FEATURE_SWITCHES: Readonly<Record<Feature, Partial<GeneratorSettings>>> = {
  'action-wildcard': { enableActionWildcards: false },
  'action-case': { enableActionCase: false },
  'not-action': { enableNotAction: false },
  'resource-arn': { enableResourceArns: false, enableResourceWildcards: false, enableNotResource: false },
  'resource-wildcard': { enableResourceWildcards: false },
  'not-resource': { enableNotResource: false },
  'condition-string': { enableStringConditions: false },
  'condition-numeric': { enableNumericConditions: false },
  'condition-date': { enableDateConditions: false },
  'condition-bool': { enableBoolConditions: false },
  // Never generated: the catalogue has no Binary keys for SageMaker or the global set.
  'condition-binary': {},
  'condition-ip': { enableIpConditions: false },
  'condition-arn': { enableArnConditions: false },
  'condition-null': { enableNullConditions: false },
  'if-exists': { enableIfExists: false },
  'set-operators': { enableSetOperators: false },
  'multivalued-context': { enableMultivalued: false },
  'missing-key': { enableMissingKeys: false },
  'condition-key-case': { enableKeyCase: false },
  'policy-variables': { enableVariables: false },
  'version-2008': { enableVersion2008: false },
  'multiple-policies': { enableMultiplePolicies: false, maxPolicies: 1 },
  'explicit-deny': { enableDeny: false },
  'permissions-boundary': { enableBoundaries: false },
  'malformed-policy': { enableMalformed: false },
  'service-control-policy': { scpPercent: 0 },
  'resource-policy': { resourcePolicyPercent: 0, crossAccountPercent: 0 },
  'cross-account': { crossAccountPercent: 0 },
  'principal-element': { resourcePolicyPercent: 0, crossAccountPercent: 0 },
};

/** `settings` with every flag behind the excluded features switched off. */
export function settingsExcluding(settings: GeneratorSettings, excluded: readonly Feature[]): GeneratorSettings {
  let out = settings;
  for (const f of excluded) out = { ...out, ...FEATURE_SWITCHES[f] };
  if (!out.enableMultiplePolicies) out = { ...out, maxPolicies: 1 };
  return out;
}

/** A profile by name, with the evaluator's unsupported features excluded; undefined for an unknown name. */
export function profileSettings(name: string, excluded: readonly Feature[] = []): GeneratorSettings | undefined {
  const p = PROFILES[name];
  return p ? settingsExcluding(p, excluded) : undefined;
}
