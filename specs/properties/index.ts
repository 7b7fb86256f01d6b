/**
 * Every conformance property, in the order a run executes them: the differential property first (it
 * catches most bugs and needs the oracle), then the metamorphic ones (evaluator alone), then validation.
 */
import { differential } from './differential.js';
import { serviceRoles } from './service-roles.js';
import { boundaryAllowAll } from './metamorphic/boundary-allow-all.js';
import { conditionValueOrder, ifExists } from './metamorphic/condition-rewrites.js';
import { addResourcePolicy, addScpNeverGrants, crossAccountNeverGrants, scpAllowAllLevel, scpSplit } from './metamorphic/evaluation-chain.js';
import { addAllow, addDeny } from './metamorphic/monotonic.js';
import { actionNameCase, conditionKeyCase } from './metamorphic/name-case.js';
import { policyOrder, splitMerge, statementOrder } from './metamorphic/order.js';
import { wildcardExpansion } from './metamorphic/wildcard-expansion.js';
import type { AnyProperty } from '../../harness/property.js';
import { validation } from './validation.js';

export const PROPERTIES: readonly AnyProperty[] = [
  differential,
  serviceRoles,
  statementOrder,
  policyOrder,
  splitMerge,
  addDeny,
  addAllow,
  actionNameCase,
  conditionKeyCase,
  wildcardExpansion,
  conditionValueOrder,
  ifExists,
  boundaryAllowAll,
  scpAllowAllLevel,
  addScpNeverGrants,
  scpSplit,
  addResourcePolicy,
  crossAccountNeverGrants,
  validation,
];

export const propertyByName = (name: string): AnyProperty | undefined => PROPERTIES.find((p) => p.name === name);

export type { AnyProperty } from '../../harness/property.js';
