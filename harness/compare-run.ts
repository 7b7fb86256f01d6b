/**
 * The engine of `compare`: every evaluator answers exactly the cases of one corpus (harness/corpus.ts),
 * each case once, in batches; then each item is judged the way `run` judges it — a vector against its
 * written answer, a generated input by its property's own check — with recorded divergences named, not
 * passed.
 */
import type { Evaluator, EvaluatorResult } from './evaluator.js';
import { evaluate as oracle } from '../oracle/index.js';
import { isErrorVerdict, type Case, type Feature, type Verdict } from '../oracle/types.js';
import { causeOf } from './cause.js';
import { answerOf, compare } from './compare.js';
import type { CorpusItem, Corpus, PropertyItem } from './corpus.js';
import type { ExpectationSet } from './expectations.js';
import { caseFeatures } from './features.js';
import { causeOf as expectationCause } from './fired.js';
import type { Violation } from './property.js';
import { evaluateBatch, skipReason } from './run-vectors.js';

/** What one evaluator made of one item. `expectedDivergence` names the recorded divergence; it is no pass. */
export type ItemOutcomeKind = 'agree' | 'diverge' | 'errored' | 'expectedDivergence' | 'skipped';

/** The evaluator's answer on one case: a decision, `error` (a rejection), `errored` (no answer), `skipped`. */
export type CaseAnswer = ReturnType<typeof answerOf> | 'errored' | 'skipped';

export interface ItemOutcome {
  readonly kind: ItemOutcomeKind;
  /** One answer per case of the item, in order. */
  readonly answers: readonly CaseAnswer[];
  /** The recorded divergence (expectedDivergence), the error or skip reason, or the property's message. */
  readonly note?: string;
  /**
   * Why it failed, as `run` groups failures (harness/cause.ts: decision pair, deciding element,
   * transformation); for a recorded divergence, the cause its expectation names. Absent when it passed.
   */
  readonly cause?: { readonly signature: string; readonly title: string };
}

/** How an evaluator takes part: the reference, a do-nothing baseline, or one under test. */
export type EvaluatorRole = 'oracle' | 'baseline' | 'tested';

export interface ComparedEvaluator {
  readonly spec: string;
  readonly name: string;
  readonly version?: string;
  readonly role: EvaluatorRole;
  readonly unsupportedFeatures: readonly Feature[];
  /** The expectations file whose divergences were named (absent: none recorded). */
  readonly expectationsFile?: string;
  /** Hits per recorded divergence (0: maybe fixed upstream). */
  readonly expectationHits?: Readonly<Record<string, number>>;
  /** One outcome per corpus item, in corpus order. */
  readonly outcomes: readonly ItemOutcome[];
  readonly cases: number;
  readonly durationMs: number;
}

export interface CompareEntrant {
  readonly evaluator: Evaluator;
  readonly role: EvaluatorRole;
  readonly expectations: ExpectationSet;
}

export interface CompareRunOptions {
  readonly corpus: Corpus;
  readonly entrants: readonly CompareEntrant[];
  /** Cases per `evaluate` call. @defaultValue 500 */
  readonly batchSize?: number;
  readonly onProgress?: (evaluator: string, done: number, total: number) => void;
}

/** Runs every entrant over the whole corpus, one after the other (each sees the same cases, in order). */
export async function compareRun(o: CompareRunOptions): Promise<ComparedEvaluator[]> {
  const oracleVerdicts = new Map<Case, Verdict>();
  const oracleOf = (c: Case): Verdict => {
    let v = oracleVerdicts.get(c);
    if (!v) oracleVerdicts.set(c, (v = oracle(c)));
    return v;
  };
  const out: ComparedEvaluator[] = [];
  for (const entrant of o.entrants) out.push(await runOne(entrant, o, oracleOf));
  return out;
}

async function runOne(entrant: CompareEntrant, o: CompareRunOptions, oracleOf: (c: Case) => Verdict): Promise<ComparedEvaluator> {
  const { evaluator, expectations } = entrant;
  const started = performance.now();
  const unsupported = new Set(evaluator.unsupportedFeatures);
  const skip = o.corpus.items.map((item) => itemSkipReason(item, evaluator, unsupported));
  const toAsk: Case[] = [];
  o.corpus.items.forEach((item, i) => {
    if (skip[i] === undefined) toAsk.push(...item.cases);
  });
  const results = new Map<Case, EvaluatorResult>();
  const size = Math.max(1, o.batchSize ?? 500);
  o.onProgress?.(evaluator.name, 0, toAsk.length);
  for (let i = 0; i < toAsk.length; i += size) {
    const batch = toAsk.slice(i, i + size);
    const answers = await evaluateBatch(evaluator, batch);
    batch.forEach((c, j) => results.set(c, answers[j] ?? { kind: 'errored', message: 'the evaluator returned too few results' }));
    o.onProgress?.(evaluator.name, Math.min(i + size, toAsk.length), toAsk.length);
  }
  const outcomes: ItemOutcome[] = [];
  for (const [i, item] of o.corpus.items.entries()) {
    const reason = skip[i];
    if (reason !== undefined) outcomes.push({ kind: 'skipped', answers: item.cases.map(() => 'skipped'), note: reason });
    else outcomes.push(await judge(item, results, expectations, oracleOf));
  }
  return {
    spec: evaluator.spec,
    name: evaluator.name,
    ...(evaluator.version !== undefined ? { version: evaluator.version } : {}),
    role: entrant.role,
    unsupportedFeatures: evaluator.unsupportedFeatures,
    ...(expectations.file !== undefined ? { expectationsFile: expectations.file, expectationHits: expectations.hitsRecord() } : {}),
    outcomes,
    cases: toAsk.length,
    durationMs: Math.round(performance.now() - started),
  };
}

/** Why the evaluator skips an item (a feature it declares unsupported), as the vector runner words it. */
function itemSkipReason(item: CorpusItem, evaluator: Evaluator, unsupported: ReadonlySet<Feature>): string | undefined {
  if (unsupported.size === 0) return undefined; // the common case: no feature tagging at all
  return skipReason([...new Set([...item.features, ...item.cases.flatMap((c) => caseFeatures(c))])], { evaluator });
}

const caseAnswer = (r: EvaluatorResult | undefined): CaseAnswer =>
  r === undefined || r.kind === 'errored' ? 'errored' : r.kind === 'skipped' ? 'skipped' : answerOf(r.verdict);

async function judge(
  item: CorpusItem,
  results: ReadonlyMap<Case, EvaluatorResult>,
  expectations: ExpectationSet,
  oracleOf: (c: Case) => Verdict,
): Promise<ItemOutcome> {
  const answers = item.cases.map((c) => caseAnswer(results.get(c)));
  if (item.source !== 'properties') {
    const c = item.cases[0] as Case;
    const actual = results.get(c) ?? { kind: 'errored', message: 'not answered' };
    const outcome = expectations.apply(compare(item.expected, actual), c, item.features);
    if (outcome.kind === 'expectedDivergence') return { kind: outcome.kind, answers, note: outcome.expectationId, cause: recordedCause(expectations, outcome.expectationId) };
    if (outcome.kind === 'skipped') return { kind: 'skipped', answers, note: outcome.reason };
    if (outcome.kind === 'agree') return { kind: 'agree', answers };
    const cause = failureCause({ case: c, expected: item.expected, actual }, oracleOf);
    return outcome.kind === 'errored' ? { kind: 'errored', answers, note: outcome.message, cause } : { kind: outcome.kind, answers, cause };
  }
  const violation = await checkFromAnswers(item, results);
  if (violation === null) return { kind: 'agree', answers };
  const known = knownDivergence(item, violation.case, results, expectations, oracleOf);
  if (known !== undefined) return { kind: 'expectedDivergence', answers, note: known, cause: recordedCause(expectations, known) };
  const cause = failureCause(
    {
      case: violation.case,
      expected: violation.expected ?? oracleOf(violation.case),
      actual: violation.actual,
      ...(violation.related ? { related: violation.related, property: item.property.name } : {}),
    },
    oracleOf,
  );
  return { kind: violation.kind, answers, note: violation.message, cause };
}

/** The cause signature `run` would give this failure (with the oracle's trace, as the runners pass it). */
function failureCause(
  f: { readonly case: Case; readonly expected: Verdict; readonly actual: EvaluatorResult; readonly related?: Violation['related']; readonly property?: string },
  oracleOf: (c: Case) => Verdict,
): ItemOutcome['cause'] {
  const o = oracleOf(f.case);
  const trace = isErrorVerdict(o) ? undefined : o.trace;
  const { signature, title } = causeOf({ ...f, ...(trace ? { oracleTrace: trace } : {}) });
  return { signature, title };
}

/** A recorded divergence's cause: the one its expectation names, in its own words. */
function recordedCause(expectations: ExpectationSet, id: string): ItemOutcome['cause'] {
  const e = expectations.entries.find((x) => x.id === id);
  const name = e ? expectationCause(e) : id;
  return { signature: `recorded|${name}`, title: `recorded: ${name}${e ? ` — ${e.description}` : ''}` };
}

/**
 * The property's own check, answered from the evaluator's recorded results: the same rule `run`
 * applies, without asking the evaluator again. A case the check sends that is not in the item (no
 * property does this today) is an error of the suite, reported as errored rather than guessed.
 */
async function checkFromAnswers(item: PropertyItem, results: ReadonlyMap<Case, EvaluatorResult>): Promise<Violation | null> {
  const replaying: Evaluator = {
    spec: 'recorded',
    name: 'recorded',
    unsupportedFeatures: [],
    evaluate: (cases) =>
      Promise.resolve(cases.map((c) => results.get(c) ?? { kind: 'errored', message: `internal: ${item.property.name} sent a case outside its input` })),
    close: () => Promise.resolve(),
  };
  try {
    return await item.property.check(replaying, item.input);
  } catch (e) {
    const message = `check threw: ${e instanceof Error ? e.message : String(e)}`;
    return { kind: 'errored', message, case: item.cases[0] as Case, actual: { kind: 'errored', message } };
  }
}

/**
 * The recorded divergence that explains a failed input, as `run` masks it (harness/known-divergences.ts):
 * for differential and validation inputs the failing case must be one (a family input, such as a
 * service call and its iam:PassRole, fails on its first wrong case); for a metamorphic pair any case of
 * the pair being one excuses the pair (comparing a masked with an unmasked answer would be a false failure).
 */
function knownDivergence(
  item: PropertyItem,
  failing: Case,
  results: ReadonlyMap<Case, EvaluatorResult>,
  expectations: ExpectationSet,
  oracleOf: (c: Case) => Verdict,
): string | undefined {
  if (expectations.entries.length === 0) return undefined;
  const cases = item.kind === 'metamorphic' ? item.cases : [failing];
  for (const c of cases) {
    const r = results.get(c);
    const want = oracleOf(c);
    const features = caseFeatures(c);
    if (!r || r.kind === 'skipped') continue;
    if (r.kind === 'errored') {
      const e = expectations.knownCrash(c, features, want);
      if (e) return e.id;
      continue;
    }
    if (answerOf(want) === answerOf(r.verdict)) continue;
    const outcome = expectations.apply({ kind: 'diverge', expected: want, actual: r.verdict }, c, features);
    if (outcome.kind === 'expectedDivergence') return outcome.expectationId;
  }
  return undefined;
}
