/**
 * Case → simulator request, one-to-one (DESIGN.md "Live mode"): policies → PolicyInputList (each
 * `JSON.stringify`-ed), permissionsBoundaries → PermissionsBoundaryPolicyInputList (AWS allows one),
 * action → ActionNames, resource → ResourceArns (omitted for `*`), context → ContextEntries.
 * Cases that share policies, boundary, resource and context become one call with many ActionNames.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html
 *
 * A case with SCPs, a resource policy, a caller or a resource owner always goes through
 * SimulateCustomPolicy, whatever the configured API (SimulatePrincipalPolicy takes the account's real SCPs
 * and has no OrderedOrganizationPolicyInputList): serviceControlPolicies → OrderedOrganizationPolicyInputList
 * (one `{ServiceControlPolicyInputList}` per level, root first), resourcePolicy → ResourcePolicy, caller →
 * CallerArn (the default caller when the case names none but has a resource policy: "CallerArn is required
 * if you include a ResourcePolicy"), resourceOwner → ResourceOwner as `arn:aws:iam::ID:root`.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html
 */
import { createHash } from 'node:crypto';
import type { ContextEntry as SdkContextEntry } from '@aws-sdk/client-iam';
import { DEFAULT_CALLER, type Case, type ContextEntry } from '../../oracle/types.js';
import type { SimulateApi } from './settings.js';

/** One simulator call (before paging): the shared inputs and the distinct actions asked. */
export interface Batch {
  /** Identifies the shared inputs (api, principal, policies, boundary, resource, context); checkpoint key. */
  readonly key: string;
  readonly policies: readonly unknown[];
  readonly boundary?: unknown;
  readonly resource: string;
  readonly context: readonly ContextEntry[];
  readonly actions: readonly string[];
  /** Indexes (into the evaluated cases) answered by this batch. */
  readonly caseIndexes: readonly number[];
  /** The rest of the evaluation chain; present only for cases that have some of it (SimulateCustomPolicy). */
  readonly chain?: BatchChain;
}

export interface BatchChain {
  readonly serviceControlPolicies?: readonly (readonly unknown[])[];
  readonly resourcePolicy?: unknown;
  readonly caller?: string;
  readonly resourceOwner?: string;
}

/**
 * The identity policy sent when a chain case has none (PolicyInputList is required): an Allow of an
 * action no request asks for, so it grants nothing.
 */
export const NO_GRANT_POLICY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam-conformance:NoSuchAction', Resource: '*' }] } as const;

/** The chain parts of a case, or undefined for an identity-only case. */
export function chainOf(c: Case): BatchChain | undefined {
  const { serviceControlPolicies, resourcePolicy } = c;
  const { caller, resourceOwner } = c.request;
  const levels = serviceControlPolicies && serviceControlPolicies.length > 0 ? serviceControlPolicies : undefined;
  if (levels === undefined && resourcePolicy === undefined && caller === undefined && resourceOwner === undefined) return undefined;
  return {
    ...(levels ? { serviceControlPolicies: levels } : {}),
    ...(resourcePolicy !== undefined ? { resourcePolicy } : {}),
    ...(caller !== undefined ? { caller } : {}),
    ...(resourceOwner !== undefined ? { resourceOwner } : {}),
  };
}

export interface BatchPlan {
  readonly batches: readonly Batch[];
  /** Cases that cannot be sent as they are, with the reason (reported as skipped). */
  readonly unsendable: ReadonlyMap<number, string>;
}

export interface PlanOptions {
  readonly api: SimulateApi;
  readonly principalArn?: string;
  readonly actionsPerCall: number;
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** Why AWS could not be asked this case as it is, or undefined when it can. */
export function unsendableReason(c: Case, api: SimulateApi): string | undefined {
  const boundaries = c.permissionsBoundaries ?? [];
  if (boundaries.length > 1) {
    return `AWS accepts one permissions boundary per call (PermissionsBoundaryPolicyInputList); this case has ${boundaries.length}`;
  }
  const chain = chainOf(c);
  if (api === 'SimulateCustomPolicy' && c.policies.length === 0 && chain === undefined) {
    return 'SimulateCustomPolicy requires at least one policy in PolicyInputList';
  }
  if (c.policies.some((p) => JSON.stringify(p) === undefined)) return 'a policy is not JSON-serialisable';
  if (chain?.caller !== undefined && !/^arn:[a-z-]+:iam::\d{12}:user\//.test(chain.caller)) {
    return 'CallerArn must be an IAM user ARN: the simulator does not simulate resource policies for other callers';
  }
  if (chain && 'resourcePolicy' in chain && JSON.stringify(chain.resourcePolicy) === undefined) return 'the resource policy is not JSON-serialisable';
  return undefined;
}

/** Groups cases into calls; actions are deduplicated and split into chunks of `actionsPerCall`. */
export function planBatches(cases: readonly Case[], options: PlanOptions): BatchPlan {
  const unsendable = new Map<number, string>();
  const groups = new Map<string, { sample: Case; actions: Map<string, number[]> }>();
  cases.forEach((c, i) => {
    const reason = unsendableReason(c, options.api);
    if (reason !== undefined) {
      unsendable.set(i, reason);
      return;
    }
    const chain = chainOf(c);
    const api = chain ? 'SimulateCustomPolicy' : options.api;
    const shared = JSON.stringify([
      api,
      api === 'SimulatePrincipalPolicy' ? (options.principalArn ?? '') : '',
      c.policies.map((p) => JSON.stringify(p)),
      (c.permissionsBoundaries ?? []).map((p) => JSON.stringify(p)),
      c.request.resource,
      c.request.context,
      ...(chain ? [JSON.stringify(chain)] : []),
    ]);
    let group = groups.get(shared);
    if (!group) groups.set(shared, (group = { sample: c, actions: new Map() }));
    const indexes = group.actions.get(c.request.action) ?? [];
    indexes.push(i);
    group.actions.set(c.request.action, indexes);
  });
  const batches: Batch[] = [];
  for (const [shared, { sample, actions }] of groups) {
    for (const chunk of chunkActions([...actions.keys()], options.actionsPerCall)) {
      const boundary = sample.permissionsBoundaries?.[0];
      const chain = chainOf(sample);
      batches.push({
        key: hash(shared),
        policies: sample.policies,
        ...(boundary !== undefined ? { boundary } : {}),
        resource: sample.request.resource,
        context: sample.request.context,
        actions: chunk,
        caseIndexes: chunk.flatMap((a) => actions.get(a) ?? []),
        ...(chain ? { chain } : {}),
      });
    }
  }
  return { batches, unsendable };
}

/**
 * Splits action names into calls of at most `size`, never putting two names that differ only in case
 * into one call: whether AWS echoes, normalises or merges such names in its results is not documented,
 * and apart they cannot be confused.
 */
export function chunkActions(names: readonly string[], size: number): string[][] {
  const chunks: { names: string[]; lower: Set<string> }[] = [];
  for (const name of names) {
    const lower = name.toLowerCase();
    let chunk = chunks.find((c) => c.names.length < size && !c.lower.has(lower));
    if (!chunk) chunks.push((chunk = { names: [], lower: new Set() }));
    chunk.names.push(name);
    chunk.lower.add(lower);
  }
  return chunks.map((c) => c.names);
}

/** The members shared by SimulatePrincipalPolicy and SimulateCustomPolicy inputs. */
export interface SimulateMembers {
  /** Omitted when empty: an empty list would be sent as `PolicyInputList=`, which nothing needs. */
  PolicyInputList?: string[];
  PermissionsBoundaryPolicyInputList?: string[];
  ActionNames: string[];
  ResourceArns?: string[];
  ContextEntries?: SdkContextEntry[];
  /** SimulateCustomPolicy only: the SCP levels, root first. */
  OrderedOrganizationPolicyInputList?: { ServiceControlPolicyInputList: string[] }[];
  ResourcePolicy?: string;
  CallerArn?: string;
  ResourceOwner?: string;
  Marker?: string;
}

/** Whether the members need SimulateCustomPolicy (SimulatePrincipalPolicy has no SCP list of its own). */
export const needsCustomPolicy = (m: SimulateMembers): boolean =>
  m.OrderedOrganizationPolicyInputList !== undefined || m.ResourcePolicy !== undefined || m.CallerArn !== undefined || m.ResourceOwner !== undefined;

export function toSimulateMembers(batch: Batch, marker?: string): SimulateMembers {
  const chain = batch.chain;
  const policies = chain && batch.policies.length === 0 ? [NO_GRANT_POLICY] : batch.policies;
  return {
    ...(policies.length > 0 ? { PolicyInputList: policies.map((p) => JSON.stringify(p)) } : {}),
    ...(batch.boundary !== undefined ? { PermissionsBoundaryPolicyInputList: [JSON.stringify(batch.boundary)] } : {}),
    ActionNames: [...batch.actions],
    ...(batch.resource !== '*' ? { ResourceArns: [batch.resource] } : {}),
    ...(batch.context.length > 0
      ? {
          ContextEntries: batch.context.map((e) => ({
            ContextKeyName: e.key,
            ContextKeyValues: [...e.values],
            ContextKeyType: e.type,
          })),
        }
      : {}),
    ...(chain ? chainMembers(chain) : {}),
    ...(marker !== undefined ? { Marker: marker } : {}),
  };
}

function chainMembers(chain: BatchChain): Partial<SimulateMembers> {
  const hasResourcePolicy = 'resourcePolicy' in chain;
  return {
    ...(chain.serviceControlPolicies
      ? { OrderedOrganizationPolicyInputList: chain.serviceControlPolicies.map((level) => ({ ServiceControlPolicyInputList: level.map((p) => JSON.stringify(p)) })) }
      : {}),
    ...(hasResourcePolicy ? { ResourcePolicy: JSON.stringify(chain.resourcePolicy) } : {}),
    ...(chain.caller !== undefined || hasResourcePolicy ? { CallerArn: chain.caller ?? DEFAULT_CALLER } : {}),
    ...(chain.resourceOwner !== undefined ? { ResourceOwner: `arn:aws:iam::${chain.resourceOwner}:root` } : {}),
  };
}
