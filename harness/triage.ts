/**
 * Triage: enumerate every cause of an evaluator's divergences in one go. Many generated cases (the
 * differential and validation properties of a plan) are sent in batches to the evaluator and the oracle;
 * every divergence is minimised (harness/minimise.ts) and clustered by a cause signature — the value
 * forms (harness/coverage.ts) and features (harness/features.ts) of the minimised case — so one cause is
 * one cluster whatever the answer pair a statement's Effect gives it. `causeExpectations` turns the causes
 * into expectation entries (one per cause, any answer pair) for the author to review and commit.
 */
import fc from 'fast-check';
import type { Catalogue } from '../generators/catalogue.js';
import { evaluate as oracle } from '../oracle/index.js';
import type { Case, Feature } from '../oracle/types.js';
import { validatePolicy } from '../oracle/validate/index.js';
import { answerOf, type Answer } from './compare.js';
import { baseOperator, caseCoverage, operatorFamily } from './coverage.js';
import type { Evaluator, EvaluatorResult } from './evaluator.js';
import type { Expectation, ExpectationSet } from './expectations.js';
import { caseFeatures } from './features.js';
import { minimise } from './minimise.js';
import { evaluateAll, type PlannedRun } from './property.js';

export interface TriageOptions {
  readonly evaluator: Evaluator;
  /** The property runs whose inputs are drawn (differential and validation ones are used). */
  readonly plan: readonly PlannedRun[];
  readonly seed: number;
  /** Inputs per planned run, times the run's factor. */
  readonly runs: number;
  readonly catalogue: Catalogue;
  /** Expectations already recorded: each cause names the entry that covers its example, if any. */
  readonly expectations?: ExpectationSet;
  /** Divergences minimised at most (the rest are counted into the cause of an equal original signature). */
  readonly maxMinimised?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

type Actual = Answer | 'errored';

export interface TriageCause {
  readonly signature: string;
  /** Divergences with this cause. */
  readonly count: number;
  /** `expected→actual` answer pairs seen, with counts. */
  readonly pairs: Readonly<Record<string, number>>;
  /** The smallest minimised case of the cause, and the answers on it. */
  readonly example: Case;
  readonly expected: Answer;
  readonly actual: Actual;
  readonly features: readonly Feature[];
  /** Base condition operators the example uses. */
  readonly operators: readonly string[];
  /** The AWS page the cause is about. */
  readonly doc: string;
  /** The recorded expectation that already covers the example. */
  readonly coveredBy?: string;
}

export interface TriageResult {
  readonly cases: number;
  readonly agree: number;
  readonly skipped: number;
  readonly divergences: number;
  readonly causes: readonly TriageCause[];
}

const BATCH = 200;
const actualOf = (r: EvaluatorResult | undefined): Actual => (r?.kind === 'verdict' ? answerOf(r.verdict) : 'errored');

/** Runs the triage. */
export async function triage(o: TriageOptions): Promise<TriageResult> {
  const unsupported = new Set<Feature>(o.evaluator.unsupportedFeatures);
  const cases: Case[] = [];
  for (const { property, settings, runsFactor } of o.plan) {
    if (property.kind === 'metamorphic') continue;
    const s = property.adjust ? property.adjust(settings) : settings;
    for (const input of fc.sample<unknown>(property.arbitrary(s, o.catalogue), { seed: o.seed, numRuns: o.runs * runsFactor })) {
      const c = property.cases(input)[0];
      if (c) cases.push(c);
    }
  }
  const usable = cases.filter((c) => caseFeatures(c).every((f) => !unsupported.has(f)));
  const found: { c: Case; expected: Answer; actual: Actual }[] = [];
  for (let i = 0; i < usable.length; i += BATCH) {
    const batch = usable.slice(i, i + BATCH);
    const results = await evaluateAll(o.evaluator, batch);
    batch.forEach((c, k) => {
      const expected = answerOf(oracle(c));
      const actual = actualOf(results[k]);
      if (actual !== expected) found.push({ c, expected, actual });
    });
    o.onProgress?.(Math.min(i + BATCH, usable.length), usable.length);
  }

  const clusters = new Map<string, { count: number; pairs: Map<string, number>; example: Case; expected: Answer; actual: Actual; size: number }>();
  const byOriginal = new Map<string, string>();
  const max = o.maxMinimised ?? 500;
  let minimised = 0;
  for (const d of found) {
    const original = signatureOf(d.c);
    let signature = byOriginal.get(original);
    let example = d.c;
    if (signature === undefined || minimised < max) {
      if (minimised < max) {
        example = await minimise(d.c, async (variants) => {
          const results = await evaluateAll(o.evaluator, variants);
          return variants.map((v, i) => answerOf(oracle(v)) === d.expected && actualOf(results[i]) === d.actual);
        });
        minimised += 1;
      }
      const covered = covering(o.expectations, example, caseFeatures(example), d.expected, d.actual);
      signature = covered !== undefined ? `recorded: ${causeOfEntry(covered)}` : signatureOf(example);
      byOriginal.set(original, signature);
    }
    const pair = `${d.expected}→${d.actual}`;
    const size = JSON.stringify(example).length;
    const cluster = clusters.get(signature);
    if (!cluster) {
      clusters.set(signature, { count: 1, pairs: new Map([[pair, 1]]), example, expected: d.expected, actual: d.actual, size });
      continue;
    }
    cluster.count += 1;
    cluster.pairs.set(pair, (cluster.pairs.get(pair) ?? 0) + 1);
    if (size < cluster.size) Object.assign(cluster, { example, expected: d.expected, actual: d.actual, size });
  }

  const causes = [...clusters.entries()]
    .map(([signature, k]): TriageCause => {
      const features = caseFeatures(k.example);
      const operators = operatorsOf(k.example);
      const coveredBy = covering(o.expectations, k.example, features, k.expected, k.actual);
      return {
        signature,
        count: k.count,
        pairs: Object.fromEntries(k.pairs),
        example: k.example,
        expected: k.expected,
        actual: k.actual,
        features,
        operators,
        doc: docFor(features, operators),
        ...(coveredBy !== undefined ? { coveredBy } : {}),
      };
    })
    .sort((a, b) => b.count - a.count || a.signature.localeCompare(b.signature));
  return { cases: cases.length, agree: usable.length - found.length, skipped: cases.length - usable.length, divergences: found.length, causes };
}

/** Value forms every case has some of: they name the operator family only, not a cause. */
const PLAIN_FORMS = new Set(['exact', 'wildcard', 'variable', 'integer', 'date-time', 'lower-case', 'ipv4-cidr', 'ipv4-bare', 'ipv6-compressed', 'one-value', 'many-values']);

/** Features that tell causes apart (the rest a minimised case carries whatever its cause). */
const TELLING = new Set<Feature>(['version-2008', 'policy-variables', 'permissions-boundary', 'not-resource', 'not-action', 'set-operators', 'if-exists', 'action-case']);

/**
 * What a divergence hangs on: the value forms per operator family (StringEquals and StringLike alike)
 * and the telling features of its case — answers left out, so one cause is one cluster.
 */
function signatureOf(c: Case): string {
  const cells = new Set(
    caseCoverage(c).map((cell) => {
      const [row = '', form = ''] = cell.split('|');
      return PLAIN_FORMS.has(form.replace(/^request-/, '')) ? operatorFamily(row) : `${operatorFamily(row)}|${form}`;
    }),
  );
  // A policy the oracle rejects: the grammar rule it breaks is the cause.
  const rule = brokenRule(c);
  return [...rule, ...[...cells].sort(), ...caseFeatures(c).filter((f) => TELLING.has(f))].join(' ');
}

/** The first grammar rule a policy of the case breaks (oracle/validate), as a signature part. */
function brokenRule(c: Case): string[] {
  for (const doc of [...c.policies, ...(c.permissionsBoundaries ?? [])]) {
    const r = validatePolicy(doc);
    if (!r.ok) return [`rule:${r.errors[0]?.rule ?? 'invalid'}`];
  }
  return [];
}

/** A recorded entry's cause: per-answer-pair family ids (`…-allowed-implicitdeny`) name one cause. */
const causeOfEntry = (id: string): string => id.replace(/(-(?:allowed|explicitdeny|implicitdeny|error|errored|any)){2}$/, '');

function operatorsOf(c: Case): string[] {
  const out = new Set<string>();
  for (const doc of [...c.policies, ...(c.permissionsBoundaries ?? [])]) {
    const st = (doc as { Statement?: unknown } | null)?.Statement;
    for (const s of [st ?? []].flat()) {
      const cond = (s as { Condition?: unknown } | null)?.Condition;
      if (cond !== null && typeof cond === 'object') for (const op of Object.keys(cond)) out.add(baseOperator(op));
    }
  }
  return [...out].sort();
}

function covering(set: ExpectationSet | undefined, c: Case, features: readonly Feature[], expected: Answer, actual: Actual): string | undefined {
  if (!set) return undefined;
  const want = oracle(c);
  if (actual === 'errored') return set.knownCrash(c, features, want)?.id;
  const got = actual === 'error' ? { error: { code: 'MalformedPolicyDocument', message: '' } } : { decision: actual };
  return answerOf(want) === expected ? set.find(c, features, want, got)?.id : undefined;
}

const UG = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/';
const OPERATORS = `${UG}reference_policies_elements_condition_operators.html`;
const DOCS: readonly (readonly [Feature, string])[] = [
  ['malformed-policy', `${UG}reference_policies_grammar.html`],
  ['policy-variables', `${UG}reference_policies_variables.html`],
  ['version-2008', `${UG}reference_policies_elements_version.html`],
  ['permissions-boundary', `${UG}access_policies_boundaries.html`],
  ['set-operators', `${UG}reference_policies_condition-single-vs-multi-valued-context-keys.html`],
  ['if-exists', `${OPERATORS}#Conditions_IfExists`],
  ['condition-string', `${OPERATORS}#Conditions_String`],
  ['condition-numeric', `${OPERATORS}#Conditions_Numeric`],
  ['condition-date', `${OPERATORS}#Conditions_Date`],
  ['condition-bool', `${OPERATORS}#Conditions_Boolean`],
  ['condition-ip', `${OPERATORS}#Conditions_IPAddress`],
  ['condition-arn', `${OPERATORS}#Conditions_ARN`],
  ['condition-null', `${OPERATORS}#Conditions_Null`],
  ['condition-binary', `${OPERATORS}#Conditions_BinaryEquals`],
  ['not-resource', `${UG}reference_policies_elements_notresource.html`],
  ['resource-wildcard', `${UG}reference_policies_elements_resource.html`],
  ['resource-arn', `${UG}reference_policies_elements_resource.html`],
  ['not-action', `${UG}reference_policies_elements_notaction.html`],
  ['action-wildcard', `${UG}reference_policies_elements_action.html`],
  ['explicit-deny', `${UG}reference_policies_evaluation-logic.html`],
];

/** The page a cause is most specifically about: the first feature of DOCS the example has. */
function docFor(features: readonly Feature[], operators: readonly string[]): string {
  const hit = DOCS.find(([f]) => features.includes(f));
  if (hit) return hit[1];
  return operators.length > 0 ? OPERATORS : `${UG}reference_policies_evaluation-logic.html`;
}

/**
 * One expectation entry per cause not yet covered: matched by the example's features and, when it
 * uses exactly one operator, that operator's family; any answer pair (a crash: `errored`). Status
 * `unconfirmed` and a description to rewrite: the author reviews each (and narrows its match, e.g. with
 * a `pattern`) before committing.
 */
export function causeExpectations(result: TriageResult, evaluatorName: string): Expectation[] {
  // Causes whose entries would match alike are one entry (counts summed, the smallest example kept).
  const merged = new Map<string, { cause: TriageCause; count: number; pairs: Map<string, number> }>();
  for (const c of result.causes) {
    if (c.coveredBy !== undefined) continue;
    const key = JSON.stringify([matchOf(c), c.actual === 'errored']);
    const m = merged.get(key);
    if (!m) {
      merged.set(key, { cause: c, count: c.count, pairs: new Map(Object.entries(c.pairs)) });
      continue;
    }
    m.count += c.count;
    for (const [p, n] of Object.entries(c.pairs)) m.pairs.set(p, (m.pairs.get(p) ?? 0) + n);
    if (JSON.stringify(c.example).length < JSON.stringify(m.cause.example).length) m.cause = c;
  }
  const used = new Set<string>();
  return [...merged.values()]
    .sort((a, b) => b.count - a.count)
    .map(({ cause: c, count, pairs }, i): Expectation => {
      const base = `cause-${slug(c.operators[0] ?? c.features[0] ?? 'case')}`;
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      const feature: Feature = c.features.find((f) => DOCS.some(([d]) => d === f)) ?? c.features[0] ?? 'explicit-deny';
      const match = matchOf(c);
      // A match with no field would excuse every divergence: such a cause is recorded by its example.
      const which = Object.keys(match).length > 0 ? { match, expected: 'any' as const, actual: c.actual === 'errored' ? ('errored' as const) : ('any' as const) } : { case: c.example, expected: c.expected, actual: c.actual };
      return {
        id,
        description: `TODO (triage cause ${i + 1}): what ${evaluatorName} does differently — ${[...pairs].map(([p, n]) => `${p} ×${n}`).join(', ')}`,
        ...which,
        citation: c.doc,
        feature,
        status: 'unconfirmed',
        note: `triage: ${count} divergence(s); example: ${JSON.stringify(c.example)}`,
      };
    });
}

/** The match of a cause's entry: the example's features and, with exactly one operator, its family. */
const matchOf = (c: TriageCause): NonNullable<Expectation['match']> => {
  const features = c.features.filter((f) => TELLING.has(f) || (f.startsWith('condition-') && f !== 'condition-key-case') || f === 'malformed-policy');
  return {
    ...(features.length > 0 ? { features } : {}),
    ...(c.operators.length === 1 ? { operatorFamily: c.operators[0] } : {}),
  };
};

const slug = (s: string): string =>
  s
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'case';
