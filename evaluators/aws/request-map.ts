/**
 * Case → simulator request, one-to-one (DESIGN.md "Live mode"): policies → PolicyInputList (each
 * `JSON.stringify`-ed), permissionsBoundaries → PermissionsBoundaryPolicyInputList (AWS allows one),
 * action → ActionNames, resource → ResourceArns (omitted for `*`), context → ContextEntries.
 * Cases that share policies, boundary, resource and context become one call with many ActionNames.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html
 */
import { createHash } from 'node:crypto';
import type { ContextEntry as SdkContextEntry } from '@aws-sdk/client-iam';
import type { Case, ContextEntry } from '../../oracle/types.js';
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
  if (api === 'SimulateCustomPolicy' && c.policies.length === 0) {
    return 'SimulateCustomPolicy requires at least one policy in PolicyInputList';
  }
  if (c.policies.some((p) => JSON.stringify(p) === undefined)) return 'a policy is not JSON-serialisable';
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
    const shared = JSON.stringify([
      options.api,
      options.api === 'SimulatePrincipalPolicy' ? (options.principalArn ?? '') : '',
      c.policies.map((p) => JSON.stringify(p)),
      (c.permissionsBoundaries ?? []).map((p) => JSON.stringify(p)),
      c.request.resource,
      c.request.context,
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
      batches.push({
        key: hash(shared),
        policies: sample.policies,
        ...(boundary !== undefined ? { boundary } : {}),
        resource: sample.request.resource,
        context: sample.request.context,
        actions: chunk,
        caseIndexes: chunk.flatMap((a) => actions.get(a) ?? []),
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
  Marker?: string;
}

export function toSimulateMembers(batch: Batch, marker?: string): SimulateMembers {
  return {
    ...(batch.policies.length > 0 ? { PolicyInputList: batch.policies.map((p) => JSON.stringify(p)) } : {}),
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
    ...(marker !== undefined ? { Marker: marker } : {}),
  };
}
