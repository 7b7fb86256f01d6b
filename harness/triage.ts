/**
 * Triage: enumerate every cause of an evaluator's divergences in one go. Many generated cases (the
 * differential and validation properties of a plan) are sent in batches to the evaluator and the oracle;
 * every divergence is minimised (harness/minimise.ts, simplifications included, so an `IfExists`, a set
 * qualifier, a NotAction or a 2008 Version the divergence does not hang on is gone) and clustered by a
 * cause signature (`signatureOf`): what kind of divergence it is (a valid case decided differently, an
 * invalid policy accepted, a valid one refused, a crash), the grammar rule an accepted invalid policy
 * breaks, and otherwise the telling value forms per operator family, the telling features and — when
 * neither tells — the base operators (harness/cause-forms.ts). Answer pairs are left out, so one
 * cause is one cluster whatever the Effect, the `IfExists` or the set qualifier it was seen through.
 * `causeExpectations` turns each cluster into one expectation entry (any answer pair) that matches by
 * the same signature, for the author to review and commit.
 */
import fc from 'fast-check';
import type { Catalogue } from '../generators/catalogue.js';
import { evaluate as oracle } from '../oracle/index.js';
import { isErrorVerdict, type Case, type Feature } from '../oracle/types.js';
import { conditionOperators } from './cause-forms.js';
import { answerOf, type Answer } from './compare.js';
import type { Evaluator, EvaluatorResult } from './evaluator.js';
import type { ExpectationSet } from './expectations.js';
import { caseFeatures } from './features.js';
import { minimise } from './minimise.js';
import { evaluateAll, type PlannedRun } from './property.js';
import { docFor } from './triage-entries.js';
import { blank, signatureOf, tokens, type Actual, type Signature, type TriageCause, type TriageResult } from './triage-signature.js';

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

const BATCH = 200;

interface Cluster {
  count: number;
  pairs: Map<string, number>;
  example: Case;
  expected: Answer;
  actual: Actual;
  size: number;
  parts?: Signature;
  /** The evaluator's refusal of the example, when it refused it. */
  refusal?: string;
}

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
  const found: Divergence[] = [];
  for (let i = 0; i < usable.length; i += BATCH) {
    const batch = usable.slice(i, i + BATCH);
    const results = await evaluateAll(o.evaluator, batch);
    batch.forEach((c, k) => {
      const expected = answerOf(oracle(c));
      const actual = actualOf(results[k]);
      if (actual !== expected) found.push({ case: c, expected, actual });
    });
    o.onProgress?.(Math.min(i + BATCH, usable.length), usable.length);
  }

  return { cases: cases.length, agree: usable.length - found.length, skipped: cases.length - usable.length, divergences: found.length, causes: await clusterDivergences(found, o) };
}

/** One divergence: a case and the two answers on it. */
export interface Divergence {
  readonly case: Case;
  readonly expected: Answer;
  readonly actual: Actual;
}

/** An evaluator's refusal as one line, `CODE: message`. */
const refusalOf = (r: EvaluatorResult | undefined): string | undefined =>
  r?.kind === 'verdict' && isErrorVerdict(r.verdict) ? `${r.verdict.error.code}: ${r.verdict.error.message}` : undefined;

/**
 * The causes of some divergences: each minimised (at most `maxMinimised`; the rest join the cause of an
 * equal unminimised signature), signed, clustered, narrower clusters absorbed, with one example each.
 */
export async function clusterDivergences(
  found: readonly Divergence[],
  o: Pick<TriageOptions, 'evaluator' | 'expectations' | 'maxMinimised'>,
): Promise<TriageCause[]> {
  const clusters = new Map<string, Cluster>();
  const byOriginal = new Map<string, { key: string; parts?: Signature }>();
  const max = o.maxMinimised ?? 500;
  let minimised = 0;
  for (const d of found) {
    const original = signatureOf(d.case, d.expected, d.actual).key;
    let signature = byOriginal.get(original);
    let example = d.case;
    let refusal: string | undefined;
    if (signature === undefined || minimised < max) {
      if (minimised < max) {
        example = await minimise(d.case, async (variants) => {
          const results = await evaluateAll(o.evaluator, variants);
          return variants.map((v, i) => answerOf(oracle(v)) === d.expected && actualOf(results[i]) === d.actual);
        });
        minimised += 1;
      }
      // A refusal's reason is read on the minimised case: it may name what is left of it.
      refusal = d.actual === 'error' ? refusalOf((await evaluateAll(o.evaluator, [example]))[0]) : undefined;
      const covered = covering(o.expectations, example, caseFeatures(example), d.expected, d.actual, refusal);
      let parts = signatureOf(example, d.expected, d.actual, refusal);
      if (covered === undefined && blank(parts) && (await hangsOnAction(o.evaluator, example, d.expected, d.actual))) {
        parts = { ...parts, key: `${parts.key} action:${example.request.action}`, action: example.request.action };
      }
      signature = covered !== undefined ? { key: `recorded: ${causeOfEntry(covered)}` } : { key: parts.key, parts };
      byOriginal.set(original, signature);
    }
    const pair = `${d.expected}→${d.actual}`;
    const size = JSON.stringify(example).length;
    const cluster = clusters.get(signature.key);
    if (!cluster) {
      clusters.set(signature.key, {
        count: 1,
        pairs: new Map([[pair, 1]]),
        example,
        expected: d.expected,
        actual: d.actual,
        size,
        ...(signature.parts ? { parts: signature.parts } : {}),
        ...(refusal !== undefined ? { refusal } : {}),
      });
      continue;
    }
    cluster.count += 1;
    cluster.pairs.set(pair, (cluster.pairs.get(pair) ?? 0) + 1);
    // An unminimised member (past maxMinimised) has no refusal read: it never replaces the example.
    if (size < cluster.size && (d.actual !== 'error' || refusal !== undefined)) Object.assign(cluster, { example, expected: d.expected, actual: d.actual, size, refusal });
  }

  absorbNarrower(clusters);
  return [...clusters.entries()]
    .map(([signature, k]): TriageCause => {
      const features = caseFeatures(k.example);
      const operators = conditionOperators(k.example);
      const coveredBy = covering(o.expectations, k.example, features, k.expected, k.actual, k.refusal);
      return {
        signature,
        ...(k.parts ? { parts: k.parts } : {}),
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
}

/**
 * A cluster whose signature holds all of another's (same kind, more forms or features: the epoch date
 * also seen under `IfExists` with a set qualifier) is the same cause seen with more around it: the
 * other's entry masks it anyway, so it joins that cluster — the most specific one that it holds.
 */
function absorbNarrower(clusters: Map<string, Cluster>): void {
  const sized = [...clusters.entries()].filter(([, k]) => k.parts !== undefined && tokens(k.parts).length > 0);
  sized.sort(([, a], [, b]) => tokens(a.parts as Signature).length - tokens(b.parts as Signature).length);
  for (const [key, k] of sized) {
    const mine = new Set(tokens(k.parts as Signature));
    const into = sized
      .filter(([other, o]) => other !== key && clusters.has(other) && o.parts?.kind === k.parts?.kind && tokens(o.parts as Signature).length < mine.size)
      .filter(([, o]) => tokens(o.parts as Signature).every((t) => mine.has(t)))
      .sort(([, a], [, b]) => tokens(b.parts as Signature).length - tokens(a.parts as Signature).length || b.count - a.count)[0];
    if (!into) continue;
    const [, target] = into;
    target.count += k.count;
    for (const [p, n] of k.pairs) target.pairs.set(p, (target.pairs.get(p) ?? 0) + n);
    clusters.delete(key);
  }
}

/**
 * Whether a divergence goes away when the request names another action: then the action is the cause
 * (an evaluator that allows `sts:GetCallerIdentity` whatever the policies say), not the decision logic.
 */
async function hangsOnAction(evaluator: Evaluator, c: Case, expected: Answer, actual: Actual): Promise<boolean> {
  const other = c.request.action.toLowerCase() === 's3:getobject' ? 's3:PutObject' : 's3:GetObject';
  const probe: Case = { ...c, request: { ...c.request, action: other } };
  const [result] = await evaluateAll(evaluator, [probe]);
  return !(answerOf(oracle(probe)) === expected && actualOf(result) === actual);
}

/** A recorded entry's cause: per-answer-pair family ids (`…-allowed-implicitdeny`) name one cause. */
const causeOfEntry = (id: string): string => id.replace(/(-(?:allowed|explicitdeny|implicitdeny|error|errored|any)){2}$/, '');

function covering(set: ExpectationSet | undefined, c: Case, features: readonly Feature[], expected: Answer, actual: Actual, refusal?: string): string | undefined {
  if (!set) return undefined;
  const want = oracle(c);
  if (actual === 'errored') return set.knownCrash(c, features, want)?.id;
  const [code = 'MalformedPolicyDocument', ...message] = (refusal ?? '').split(': ');
  const got = actual === 'error' ? { error: { code, message: message.join(': ') } } : { decision: actual };
  return answerOf(want) === expected ? set.find(c, features, want, got)?.id : undefined;
}

