/**
 * What the generators may produce. cedar-spec style: one flat struct of documented `enable*` flags and
 * sizes; profiles (`profiles.ts`) are presets of it, and an evaluator's unsupported features switch
 * flags off (`settingsExcluding`), so such cases are never generated.
 */
import { DEFAULT_SERVICES, type ServiceSelection } from './services.js';

export interface GeneratorSettings {
  /** Profile name, carried into replay commands and report origins. @defaultValue 'default' */
  readonly profile: string;
  /**
   * Services the worlds are drawn from: prefixes (the first is the focus, half the worlds when there are
   * several) or `all`, every service of the catalogue, drawn by the seed (`services.ts`).
   * @defaultValue DEFAULT_SERVICES (sagemaker, s3, iam, kms, sts)
   */
  readonly service: ServiceSelection;
  /** Policies per case (identity policies; the boundary is separate). @defaultValue 3 */
  readonly maxPolicies: number;
  /** Statements per policy. @defaultValue 3 */
  readonly maxStatements: number;
  /** Condition entries (operator × key) per statement. @defaultValue 3 */
  readonly maxConditions: number;
  /** Concrete actions in a case's world (plus their catalogue neighbours for near misses). @defaultValue 3 */
  readonly maxActions: number;
  /** Condition keys in a case's world. @defaultValue 3 */
  readonly maxKeys: number;
  /** Percentage of statements with `Effect: Deny`. @defaultValue 30 */
  readonly denyPercent: number;
  /** Percentage of statements that carry a Condition block. @defaultValue 70 */
  readonly conditionPercent: number;
  /** Percentage of cases with a permissions boundary (when `enableBoundaries`). @defaultValue 25 */
  readonly boundaryPercent: number;
  /** Percentage of string keys whose values hold `*`, `?` or `$` literally (escape tests). @defaultValue 15 */
  readonly specialStringPercent: number;
  /** `Deny` statements at all (feature `explicit-deny`). @defaultValue true */
  readonly enableDeny: boolean;
  /** More than one identity policy (feature `multiple-policies`). @defaultValue true */
  readonly enableMultiplePolicies: boolean;
  /** `*` and `?` in Action / NotAction (feature `action-wildcard`). @defaultValue true */
  readonly enableActionWildcards: boolean;
  /** Action names in other letter case (feature `action-case`). @defaultValue true */
  readonly enableActionCase: boolean;
  /** `NotAction` (feature `not-action`). @defaultValue true */
  readonly enableNotAction: boolean;
  /** ARNs in Resource rather than only `*` (feature `resource-arn`). @defaultValue true */
  readonly enableResourceArns: boolean;
  /** `*` and `?` inside resource ARNs (feature `resource-wildcard`). @defaultValue true */
  readonly enableResourceWildcards: boolean;
  /** `NotResource` (feature `not-resource`). @defaultValue true */
  readonly enableNotResource: boolean;
  /** Condition blocks at all. @defaultValue true */
  readonly enableConditions: boolean;
  /** String operators (feature `condition-string`). @defaultValue true */
  readonly enableStringConditions: boolean;
  /** Numeric operators (feature `condition-numeric`). @defaultValue true */
  readonly enableNumericConditions: boolean;
  /** Date operators (feature `condition-date`). @defaultValue true */
  readonly enableDateConditions: boolean;
  /** Bool (feature `condition-bool`). @defaultValue true */
  readonly enableBoolConditions: boolean;
  /** IpAddress / NotIpAddress (feature `condition-ip`). @defaultValue true */
  readonly enableIpConditions: boolean;
  /** Arn* operators (feature `condition-arn`). @defaultValue true */
  readonly enableArnConditions: boolean;
  /** Null (feature `condition-null`). @defaultValue true */
  readonly enableNullConditions: boolean;
  /** `…IfExists` operators (feature `if-exists`). @defaultValue true */
  readonly enableIfExists: boolean;
  /** ForAllValues / ForAnyValue (feature `set-operators`). @defaultValue true */
  readonly enableSetOperators: boolean;
  /** Multivalued keys, sent as `…List` context entries (feature `multivalued-context`). @defaultValue true */
  readonly enableMultivalued: boolean;
  /** Condition keys absent from the request (feature `missing-key`). @defaultValue true */
  readonly enableMissingKeys: boolean;
  /** Condition key names in other letter case (feature `condition-key-case`). @defaultValue true */
  readonly enableKeyCase: boolean;
  /** `${…}` policy variables, defaults and `${*}` / `${?}` / `${$}` (feature `policy-variables`). @defaultValue true */
  readonly enableVariables: boolean;
  /** Version `2008-10-17` or no Version (feature `version-2008`). @defaultValue true */
  readonly enableVersion2008: boolean;
  /** Permissions boundaries (feature `permissions-boundary`). @defaultValue true */
  readonly enableBoundaries: boolean;
  /** Malformed policies, for the validation property (feature `malformed-policy`). @defaultValue true */
  readonly enableMalformed: boolean;
  /**
   * Percentage of cases with an SCP hierarchy (feature `service-control-policy`); the `organizations`
   * profile raises it. @defaultValue 0
   */
  readonly scpPercent: number;
  /**
   * Percentage of cases with a resource-based policy (features `resource-policy`, `principal-element`); the
   * `resource-policies` and `cross-account` profiles raise it. @defaultValue 0
   */
  readonly resourcePolicyPercent: number;
  /** Percentage of cases whose resource is owned by another account (feature `cross-account`). @defaultValue 0 */
  readonly crossAccountPercent: number;
}

export const DEFAULT_SETTINGS: GeneratorSettings = {
  profile: 'default',
  service: DEFAULT_SERVICES,
  maxPolicies: 3,
  maxStatements: 3,
  maxConditions: 3,
  maxActions: 3,
  maxKeys: 3,
  denyPercent: 30,
  conditionPercent: 70,
  boundaryPercent: 25,
  specialStringPercent: 15,
  enableDeny: true,
  enableMultiplePolicies: true,
  enableActionWildcards: true,
  enableActionCase: true,
  enableNotAction: true,
  enableResourceArns: true,
  enableResourceWildcards: true,
  enableNotResource: true,
  enableConditions: true,
  enableStringConditions: true,
  enableNumericConditions: true,
  enableDateConditions: true,
  enableBoolConditions: true,
  enableIpConditions: true,
  enableArnConditions: true,
  enableNullConditions: true,
  enableIfExists: true,
  enableSetOperators: true,
  enableMultivalued: true,
  enableMissingKeys: true,
  enableKeyCase: true,
  enableVariables: true,
  enableVersion2008: true,
  enableBoundaries: true,
  enableMalformed: true,
  scpPercent: 0,
  resourcePolicyPercent: 0,
  crossAccountPercent: 0,
};
