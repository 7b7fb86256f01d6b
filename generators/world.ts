/**
 * A case's world: the small vocabulary (actions, resources, condition keys and values) that its policies
 * and its request are both drawn from, so requests actually hit statements (cedar-spec's lesson).
 * Policies and requests are rendered from `(world, recipe)` pairs with `tuple(...).map`, not `chain`.
 */
import fc from 'fast-check';
import { record } from './record.js';
import type { ContextKeyType } from '../oracle/types.js';
import { memoised } from '../oracle/memo.js';
import { chance } from './chance.js';
import { keyBaseName, type Catalogue, type CatalogueAction, type CatalogueKey } from './catalogue.js';
import type { KeyKind } from './key-kind.js';
import { keyValues } from './key-values.js';
import type { GeneratorSettings } from './settings.js';
import { pick, unique } from './text.js';

export interface WorldKey {
  /** As a policy writes it by default: the catalogue spelling, tag name appended for tag keys. */
  readonly name: string;
  readonly kind: KeyKind;
  readonly multivalued: boolean;
  readonly contextType: ContextKeyType;
  readonly anchors: readonly string[];
  readonly nearby: readonly string[];
}

export interface World {
  /** Concrete catalogue actions that policies name. */
  readonly actions: readonly string[];
  /** Actions a request may ask for: the above plus their alphabetical neighbours (near misses). */
  readonly requestActions: readonly string[];
  /** Concrete resource ARNs that policies name (empty when no action has a resource type). */
  readonly resources: readonly string[];
  /** Resources a request may name: the above, near misses (other name, region, account, case) and `*`. */
  readonly requestResources: readonly string[];
  /** Condition keys policies may test. */
  readonly keys: readonly WorldKey[];
  /** Single-valued string keys usable as `${…}` policy variables (also sent in requests). */
  readonly variables: readonly WorldKey[];
  /** Names used in resource ARNs, which the variables' values are drawn from too. */
  readonly names: readonly string[];
  /** Whether key names (also inside `${…}`) may be written in other letter case. */
  readonly keyCase: boolean;
}

export const ACCOUNT = '123456789012';
const OTHER_ACCOUNT = '210987654321';
const REGIONS = ['us-east-1', 'eu-west-1'] as const;
const NAMES = ['prod-a', 'prod-b', 'dev-a'] as const;
const TAGS = ['team', 'Project', 'cost-center'] as const;
/** Principal keys AWS documents as variables (reference_policies_variables.html, "Request information"). */
const VARIABLE_KEYS = ['aws:username', 'aws:PrincipalTag/team'] as const;

/** Request values of variables that a wildcard reading of the substituted text would confuse with NAMES. */
const VARIABLE_SPECIAL_VALUES = ['prod-*', 'prod-?', 'prod-a$'] as const;

/** A condition-key class: the family plus whether it is multivalued. */
interface KeyClass {
  readonly kind: KeyKind;
  readonly multivalued: boolean;
  readonly keys: readonly CatalogueKey[];
  /** `keys`' names in lower case, index for index (computed once, not per drawn world). */
  readonly lowerNames: readonly string[];
}

const KIND_FLAGS: Readonly<Record<KeyKind, keyof GeneratorSettings>> = {
  string: 'enableStringConditions',
  arn: 'enableArnConditions',
  numeric: 'enableNumericConditions',
  date: 'enableDateConditions',
  bool: 'enableBoolConditions',
  ip: 'enableIpConditions',
  binary: 'enableConditions',
};

/** Enabled classes of `keys`, string first so that shrinking moves towards the plainest key. */
export function keyClasses(keys: readonly CatalogueKey[], settings: GeneratorSettings): KeyClass[] {
  const order: KeyKind[] = ['string', 'numeric', 'bool', 'date', 'ip', 'arn'];
  const out: KeyClass[] = [];
  for (const multivalued of [false, true]) {
    if (multivalued && !settings.enableMultivalued) continue;
    for (const kind of order) {
      if (!settings[KIND_FLAGS[kind]]) continue;
      const matching = keys.filter((k) => k.kind === kind && k.multivalued === multivalued);
      if (matching.length > 0) out.push({ kind, multivalued, keys: matching, lowerNames: matching.map((k) => k.name.toLowerCase()) });
    }
  }
  // Ordered families (numeric, date, ip) have boundaries where off-by-one bugs live: twice the weight.
  return [...out, ...out.filter((c) => !c.multivalued && ['numeric', 'date', 'ip'].includes(c.kind))];
}

const keyDraw = record({ cls: fc.nat(), key: fc.nat(), tag: fc.nat(), a: fc.nat(), b: fc.nat(), special: fc.nat({ max: 99 }) });

/** What a world needs of one service: its actions and the key classes of its keys plus the global ones. */
interface ServiceView {
  readonly actions: readonly CatalogueAction[];
  readonly classes: readonly KeyClass[];
}

/** The services `settings.service` names, as the catalogue holds them; a name the catalogue lacks is an error. */
export function selectedServices(catalogue: Catalogue, settings: GeneratorSettings): readonly string[] {
  if (settings.service === 'all') return catalogue.services;
  const missing = settings.service.filter((s) => !catalogue.byService.has(s.toLowerCase()));
  if (missing.length > 0) throw new Error(`the catalogue was not loaded with service ${missing.join(', ')} (loadCatalogue(settings.service))`);
  return settings.service.map((s) => s.toLowerCase());
}

/** The world a case lives in. */
export function world(catalogue: Catalogue, settings: GeneratorSettings): fc.Arbitrary<World> {
  const services = selectedServices(catalogue, settings).flatMap((prefix) => {
    const svc = catalogue.byService.get(prefix);
    return svc && svc.actions.length > 0 ? [svc] : [];
  });
  if (services.length === 0) throw new Error('no selected service has any action');
  const views = services.map((svc) => ({ actions: svc.actions, classes: keyClasses([...catalogue.globalKeys, ...svc.keys], settings) }));
  const withKeys = settings.enableConditions;
  // A named list's first service is the focus: half the worlds centre on it (the default: SageMaker).
  const focusFirst = settings.service !== 'all' && views.length > 1;
  return fc
    .record({
      service: focusFirst ? fc.oneof(fc.constant(0), fc.integer({ min: 1, max: views.length - 1 })) : fc.nat({ max: views.length - 1 }),
      start: fc.nat(),
      count: fc.integer({ min: 1, max: Math.max(1, settings.maxActions) }),
      other: fc.tuple(chance(30), fc.nat()).map(([has, n]) => (has ? n : null)),
      region: fc.nat(),
      template: fc.nat(),
      names: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
      keys: fc.array(keyDraw, { minLength: withKeys ? 1 : 0, maxLength: withKeys ? settings.maxKeys : 0 }),
    })
    .map((r) => renderWorld(catalogue, settings, views[r.service] as ServiceView, r));
}

interface WorldDraw {
  readonly start: number;
  readonly count: number;
  readonly other: number | null;
  readonly region: number;
  readonly template: number;
  readonly names: readonly number[];
  readonly keys: readonly { cls: number; key: number; tag: number; a: number; b: number; special: number }[];
}

/** Per key class, per action: the indices of the class's keys the action documents, ascending. */
const documented = new WeakMap<KeyClass, Map<CatalogueAction, readonly number[]>>();

/** The keys of `cls` that some of `actions` document, in the class's order (computed once per class and action). */
function documentedKeys(cls: KeyClass, actions: readonly CatalogueAction[]): CatalogueKey[] {
  let perAction = documented.get(cls);
  if (perAction === undefined) {
    perAction = new Map();
    documented.set(cls, perAction);
  }
  const indices: number[] = [];
  for (const a of actions) {
    let own = perAction.get(a);
    if (own === undefined) {
      const bases = new Set(a.conditionKeys.map(keyBaseName));
      own = cls.lowerNames.flatMap((name, i) => (bases.has(name) ? [i] : []));
      perAction.set(a, own);
    }
    indices.push(...own);
  }
  return unique(indices.sort((x, y) => x - y)).map((i) => cls.keys[i] as CatalogueKey);
}

/** `xs[i - 1]` and `xs[i + 1]` where they exist. */
const neighboursAt = (xs: readonly CatalogueAction[], i: number): string[] => [xs[i - 1], xs[i + 1]].flatMap((x) => (x ? [x.id] : []));

function renderWorld(catalogue: Catalogue, settings: GeneratorSettings, view: ServiceView, r: WorldDraw): World {
  const focus = view.actions;
  const all = catalogue.actions;
  // A window of alphabetical neighbours shares prefixes (CreateEndpoint, CreateEndpointConfig): wildcard near misses.
  const first = r.start % focus.length;
  const indices = Array.from({ length: r.count }, (_, i) => (first + i) % focus.length);
  const chosen = indices.map((i) => focus[i] as CatalogueAction);
  const neighbours = indices.flatMap((i) => neighboursAt(focus, i));
  // Sometimes one action of any loaded service, so `*`, NotAction and service prefixes meet more than one vendor.
  if (r.other !== null && all.length > 0) {
    const i = r.other % all.length;
    chosen.push(all[i] as CatalogueAction);
    neighbours.push(...neighboursAt(all, i));
  }
  const actions = unique(chosen.map((a) => a.id));
  const names = r.names.map((n) => pick(NAMES, n));
  const region = pick(REGIONS, r.region);
  const resources = settings.enableResourceArns
    ? unique(chosen.flatMap((a, i) => (a.arnTemplates.length ? [instantiate(pick(a.arnTemplates, r.template + i), region, names, i)] : [])))
    : [];
  const classes = view.classes;
  // Keys the world's actions document (Service Authorization Reference) are preferred for half the draws.
  const keys = classes.length > 0 ? r.keys.map((k) => renderKey(classes, k, resources, settings.specialStringPercent, chosen)) : [];
  const seenNames = new Set<string>();
  const dedupedKeys = keys.filter((k) => {
    const name = k.name.toLowerCase();
    if (seenNames.has(name)) return false;
    seenNames.add(name);
    return true;
  });
  const stringAnchors = dedupedKeys.filter((k) => k.kind === 'string' && !k.multivalued).flatMap((k) => k.anchors);
  const variables: WorldKey[] = settings.enableVariables
    ? VARIABLE_KEYS.map((name) => ({
        name,
        kind: 'string',
        multivalued: false,
        contextType: 'string',
        anchors: unique(names),
        // Values holding `*`, `?`, `$`: substituted, they are literal text, never wildcards (oracle/DECISIONS #18).
        nearby: unique([...names, ...stringAnchors, ...VARIABLE_SPECIAL_VALUES]),
      }))
    : [];
  return {
    actions,
    requestActions: unique([...actions, ...neighbours]),
    resources,
    requestResources: unique([...resources, ...resources.flatMap(nearMisses), '*']),
    keys: dedupedKeys,
    variables,
    names: unique(names),
    keyCase: settings.enableKeyCase,
  };
}

/** Fills an ARN template (`arn:${Partition}:sagemaker:${Region}:${Account}:endpoint/${EndpointName}`). */
export function instantiate(template: string, region: string, names: readonly string[], offset: number): string {
  let i = offset;
  return template.replace(/\$\{([A-Za-z]+)\}/g, (_, v: string) => {
    if (v === 'Partition') return 'aws';
    if (v === 'Region') return region;
    if (v === 'Account') return ACCOUNT;
    const name = pick(names, i++);
    // Object keys and paths may hold `/`: a resource `*` must span it (reference_policies_elements_resource.html).
    return SLASHED_PART.test(v) ? `data/${name}` : name;
  });
}

/** Template parts that may hold `/`: S3 object names, IAM paths, prefixes. */
const SLASHED_PART = /Object|Path|Prefix/;

/**
 * Resources that almost match: longer name, shorter name, the parent (an S3 object's bucket), other
 * region, other account, a region or account written where the service leaves it empty (S3, IAM), other
 * case. Every shape the catalogue's templates have gets its own misses.
 */
const nearMisses = memoised((arn: string): readonly string[] => nearMissesOf(arn), 5_000);

function nearMissesOf(arn: string): string[] {
  const parts = arn.split(':');
  const out = [`${arn}x`, arn.slice(0, -1), arn.toUpperCase().replace(/^ARN:AWS:/, 'arn:aws:')];
  // The name's last character as a literal `$`: what `${$}` in a Resource matches. (Not `*` or `?`:
  // a request resource holding them is read as a pattern by the simulator, which is another question.)
  if (arn.lastIndexOf('/') > 0) out.push(`${arn.slice(0, -1)}$`);
  const slash = arn.lastIndexOf('/');
  if (slash > (parts.slice(0, 5).join(':').length)) out.push(arn.slice(0, slash));
  if (parts.length >= 6) {
    const region = parts[3] === 'us-east-1' ? 'eu-west-1' : 'us-east-1';
    out.push([...parts.slice(0, 3), region, ...parts.slice(4)].join(':'));
    out.push([...parts.slice(0, 4), parts[4] ? OTHER_ACCOUNT : ACCOUNT, ...parts.slice(5)].join(':'));
  }
  return out;
}

function renderKey(
  classes: readonly KeyClass[],
  k: WorldDraw['keys'][number],
  arns: readonly string[],
  specialPercent: number,
  chosen: readonly CatalogueAction[],
): WorldKey {
  const cls = pick(classes, k.cls);
  // Even draws take a key one of the world's actions lists, when its class has one; odd draws any key of
  // the class (global keys, and the service's other keys: a key the action does not take is still evaluated).
  const own = k.key % 2 === 0 && chosen.some((a) => a.conditionKeys.length > 0) ? documentedKeys(cls, chosen) : [];
  const ck = own.length > 0 ? pick(own, k.key >> 1) : pick(cls.keys, k.key);
  const name = ck.parameterized ? ck.name + pick(TAGS, k.tag) : ck.name;
  const values = keyValues(cls.kind, k.a, k.b, arns, k.special >= 100 - specialPercent);
  return { name, kind: ck.kind, multivalued: ck.multivalued, contextType: ck.contextType, ...values };
}
