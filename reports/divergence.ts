import type { Failure } from '../harness/results.js';
import type { VectorGroup } from '../harness/vector-file.js';
import { isFeature, type Case } from '../oracle/types.js';
import { expectedOf, originLabel, resultLabel } from './labels.js';

/** Where generated failures point for their semantics: the page the oracle implements. */
export const EVALUATION_LOGIC_URL =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html';

/** One group of a vector file (specs/schemas/vector.schema.json), as written to disk: the loader's own type. */
export type VectorGroupJson = VectorGroup;

/** What the failure itself does not know: when, against what, with which run seed. */
export interface DivergenceMeta {
  /** ISO timestamp of the run that found it. */
  readonly foundAt?: string;
  /** The evaluator spec that diverged, e.g. `module:./broken.js`. */
  readonly evaluator?: string;
  /** The run's seed, used when the failure's origin carries none. */
  readonly seed?: number;
}

const nonEmpty = (s: string | undefined, fallback: string): string => (s && s.trim() ? s : fallback);

/** The SCPs and resource policy of a case, as vector-group fields (absent when the case has none). */
const chainFields = (c: Case): Pick<VectorGroup, 'serviceControlPolicies' | 'resourcePolicy'> => ({
  ...(c.serviceControlPolicies !== undefined ? { serviceControlPolicies: c.serviceControlPolicies } : {}),
  ...(c.resourcePolicy !== undefined ? { resourcePolicy: c.resourcePolicy } : {}),
});

/** A case's request as a vector request: caller and owner only when the case names them. */
const vectorRequest = (r: Case['request']): VectorGroup['cases'][number]['request'] => ({
  action: r.action,
  resource: r.resource,
  context: r.context,
  ...(r.caller !== undefined ? { caller: r.caller } : {}),
  ...(r.resourceOwner !== undefined ? { resourceOwner: r.resourceOwner } : {}),
});

/**
 * What the case shows about IAM, in the present tense — the regression's title once promoted — rather
 * than how one evaluator once failed it: a vector's own group and case; for a generated case, the
 * expected answer and what decided it (from the cause signature).
 */
export function behaviourTitle(f: Failure): string {
  const o = f.origin;
  if (o.kind === 'vector' || o.kind === 'regression' || o.kind === 'live') return nonEmpty([o.group, o.case].filter(Boolean).join(': '), f.id);
  const expected = expectedOf(f.expected);
  if (f.related) return `${o.property}: the decision stays ${expected} when ${f.related.description.replace(/\s*\(k=\d+\)$/, '')}`;
  const decided = /^expected \S+, got [^:]+: (.+)$/.exec(f.cause?.title ?? '')?.[1];
  if (decided) return `${expected} where ${decided}`;
  return nonEmpty(f.title, f.id);
}

/**
 * A failure as a replayable vector group: the case, and as expected answer the oracle's (or the
 * vector's) decision, or `error`. Regression metadata (found date, seed, path, evaluator) rides along;
 * the replay command goes into `note` because the vector schema has no field of its own for it.
 */
export function failureToVector(f: Failure, meta: DivergenceMeta = {}): VectorGroupJson {
  const o = f.origin;
  const source = o.kind === 'vector' && /^https:\/\/\S+$/.test(o.source) ? o.source : EVALUATION_LOGIC_URL;
  const seed = o.kind === 'property' ? o.seed : meta.seed;
  const notes = [`Found by ${originLabel(o)}: ${nonEmpty(f.title, f.id)}, answered ${resultLabel(f.actual)}.`, `Replay: ${f.replay}`];
  if (f.related) notes.push(`Related case (${f.related.description}) answered ${resultLabel(f.related.actual)}.`);
  const expected = expectedOf(f.expected);
  return {
    description: behaviourTitle(f),
    source,
    features: [...new Set(f.features.filter(isFeature))],
    policies: f.case.policies,
    permissionsBoundaries: f.case.permissionsBoundaries ?? [],
    ...chainFields(f.case),
    ...(f.required ? {} : { unconfirmed: true }),
    note: notes.join(' '),
    ...(meta.foundAt ? { foundAt: meta.foundAt } : {}),
    ...(seed !== undefined && Number.isInteger(seed) ? { seed } : {}),
    ...(meta.evaluator ? { evaluator: meta.evaluator } : {}),
    ...(o.kind === 'property' && o.path ? { path: o.path } : {}),
    ...(o.kind === 'property' ? { property: o.property, profile: o.profile } : {}),
    cases: [
      {
        description: `${expected} is expected`,
        request: vectorRequest(f.case.request),
        expected,
      },
    ],
  };
}

/**
 * The whole divergence file of a failure. A metamorphic failure whose original case the evaluator
 * answered correctly is only caught on the transformed case, so that case follows as a second group,
 * expecting the oracle's answer: the file then fails against the evaluator until the bug is fixed.
 */
export function failureToVectorFile(f: Failure, meta: DivergenceMeta = {}): VectorGroupJson[] {
  const main = failureToVector(f, meta);
  if (!f.related) return [main];
  const related = f.related;
  const expected = expectedOf(related.expected);
  return [
    main,
    {
      ...withoutChain(main),
      description: `${main.description} — transformed case (${related.description})`,
      policies: related.case.policies,
      permissionsBoundaries: related.case.permissionsBoundaries ?? [],
      ...chainFields(related.case),
      note: `${main.note ?? ''} This group is the transformed case; the evaluator answered ${resultLabel(related.actual)}.`.trim(),
      cases: [
        {
          description: `${expected} is expected`,
          request: vectorRequest(related.case.request),
          expected,
        },
      ],
    },
  ];
}

function withoutChain(g: VectorGroupJson): VectorGroupJson {
  const { serviceControlPolicies: _s, resourcePolicy: _r, ...rest } = g;
  return rest;
}

/** FNV-1a, enough to keep sanitised names apart; stable across runs and platforms. */
function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** A file-system-safe slug: lowercase ASCII letters, digits and dashes, at most `max` long. */
export const slug = (s: string, max = 60, fallback = 'failure'): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '') || fallback;

/** What a failure is about, in a few words for its file name: the vector group or the property. */
function nameLabel(f: Failure): string {
  const o = f.origin;
  if (o.kind === 'property') return `${o.property}-${o.profile}`;
  return o.group || f.title || f.id;
}

/**
 * The divergence file name of each failure (keyed by the object, so even duplicate ids get a file): a
 * readable slug of its group or property plus a hash of its id, so names are stable from run to run,
 * safe on every file system and distinct within a report.
 */
export function divergenceFileNames(failures: readonly Failure[]): Map<Failure, string> {
  const names = new Map<Failure, string>();
  const taken = new Set<string>();
  for (const f of failures) {
    const base = `${slug(nameLabel(f), 50)}-${shortHash(f.id)}`;
    let name = `${base}.json`;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}.json`;
    taken.add(name);
    names.set(f, name);
  }
  return names;
}
