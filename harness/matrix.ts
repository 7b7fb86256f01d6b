/**
 * The conformance matrix: evaluators as columns, features and properties as rows, a score in each cell,
 * one minimal example per failing cell, and the items that fail in exactly one evaluator under test.
 * `matrix.json` is this object (schema: specs/schemas/matrix.schema.json); the writers in reports/ only
 * read it.
 */
import { FEATURES, type Case, type Feature } from '../oracle/types.js';
import type { CaseAnswer, ComparedEvaluator, EvaluatorRole, ItemOutcome, ItemOutcomeKind } from './compare-run.js';
import { answerOf } from './compare.js';
import { itemRow, oracleJudged, type Corpus, type CorpusItem } from './corpus.js';
import { fileReplay, propertyReplay } from './replay.js';
import { scoreOf, type Score } from './score.js';
import { stableJson } from './stable-json.js';

export const MATRIX_SCHEMA_VERSION = 1;

/** One item shown as an example: what was asked, what the reference and the evaluator answered, the replay. */
export interface MatrixExample {
  readonly item: string;
  /** Where the item comes from, in words: `vectors: file › group › case`, `differential [operators] input 12`. */
  readonly origin: string;
  readonly row: string;
  readonly features: readonly Feature[];
  /** The main case, and for a metamorphic input its transformed twin. */
  readonly cases: readonly Case[];
  /**
   * Per case: the vector's written answer, or the oracle's answer for generated inputs (for a metamorphic
   * pair shown for reference only: the property asks the evaluator to agree with itself).
   */
  readonly expected: readonly string[];
  readonly answers: readonly CaseAnswer[];
  readonly outcome: ItemOutcomeKind;
  readonly note?: string;
  readonly replay: string;
}

export interface MatrixColumn {
  readonly spec: string;
  readonly name: string;
  readonly version?: string;
  readonly role: EvaluatorRole;
  readonly expectationsFile?: string;
  readonly cases: number;
  readonly durationMs: number;
  /** The headline: items with a right answer (vectors, regressions, differential, validation). */
  readonly score: Score;
  readonly features: Readonly<Partial<Record<Feature, Score>>>;
  /** `vectors`, `regressions` and each property (metamorphic ones included: self-agreement). */
  readonly properties: Readonly<Record<string, Score>>;
  /** One minimal example per failing cell, keyed `feature:NAME` or `property:NAME`. */
  readonly examples: Readonly<Record<string, MatrixExample>>;
  /**
   * Evaluators under test: the required items that did not agree, grouped by cause as `run` groups
   * failures (recorded divergences by the cause their expectation names), most items first, each with
   * its smallest example.
   */
  readonly causes?: readonly MatrixCause[];
}

export interface MatrixCause {
  readonly signature: string;
  readonly title: string;
  /** True for a recorded (expected) divergence. */
  readonly recorded: boolean;
  readonly items: number;
  readonly example: MatrixExample;
}

export interface Matrix {
  readonly schemaVersion: typeof MATRIX_SCHEMA_VERSION;
  readonly tool: { readonly name: string; readonly version: string };
  readonly generatedAt: string;
  /** The `compare` command that makes this matrix again (same corpus, same evaluators). */
  readonly command: string;
  readonly corpus: {
    readonly id: string;
    readonly seed: number;
    readonly runs: number;
    readonly items: number;
    readonly cases: number;
    /** Items per row (vectors, regressions, each property), to show what the corpus covers. */
    readonly rows: Readonly<Record<string, number>>;
  };
  /** Row order: features that occur in the corpus (in FEATURES order), then sources and properties. */
  readonly featureRows: readonly Feature[];
  readonly propertyRows: readonly string[];
  readonly evaluators: readonly MatrixColumn[];
  /** Required items where exactly one evaluator under test fails (diverges or errors) and every other one agrees. */
  readonly failsOnlyHere: readonly { readonly evaluator: string; readonly total: number; readonly examples: readonly MatrixExample[] }[];
}

export interface MatrixMeta {
  readonly tool: { readonly name: string; readonly version: string };
  readonly generatedAt: Date;
  readonly command: string;
  /** Examples of "fails only here" kept per evaluator (the smallest first). @defaultValue 20 */
  readonly failsOnlyHereLimit?: number;
}

const failed = (o: ItemOutcome | undefined): boolean => o?.kind === 'diverge' || o?.kind === 'errored';

/** Builds the matrix from a compare run. Deterministic: same corpus and outcomes, same matrix (but the date). */
export function buildMatrix(corpus: Corpus, compared: readonly ComparedEvaluator[], meta: MatrixMeta): Matrix {
  const items = corpus.items;
  const size = items.map((item) => stableJson(item.cases).length);
  const present = new Set(items.flatMap((item) => item.features));
  const featureRows = FEATURES.filter((f) => present.has(f));
  const propertyRows = [...new Set(items.map(itemRow))];
  const rows: Record<string, number> = {};
  for (const item of items) rows[itemRow(item)] = (rows[itemRow(item)] ?? 0) + 1;

  const oracleColumn = compared.find((e) => e.role === 'oracle');
  const example = (i: number, e: ComparedEvaluator): MatrixExample =>
    exampleOf(items[i] as CorpusItem, e.outcomes[i] as ItemOutcome, e.spec, oracleColumn?.outcomes[i]?.answers);
  const columns = compared.map((e): MatrixColumn => {
    const features: Partial<Record<Feature, Score>> = {};
    for (const f of featureRows) features[f] = scoreOf(items, e.outcomes, (item) => oracleJudged(item) && item.features.includes(f));
    const properties: Record<string, Score> = {};
    for (const r of propertyRows) properties[r] = scoreOf(items, e.outcomes, (item) => itemRow(item) === r);
    const examples: Record<string, MatrixExample> = {};
    if (e.role === 'tested') {
      for (const f of featureRows) pick(`feature:${f}`, (item) => oracleJudged(item) && item.features.includes(f));
      for (const r of propertyRows) pick(`property:${r}`, (item) => itemRow(item) === r);
    }
    return {
      spec: e.spec,
      name: e.name,
      ...(e.role === 'tested' ? { causes: causesOf(e) } : {}),
      ...(e.version !== undefined ? { version: e.version } : {}),
      role: e.role,
      ...(e.expectationsFile !== undefined ? { expectationsFile: e.expectationsFile } : {}),
      cases: e.cases,
      durationMs: e.durationMs,
      score: scoreOf(items, e.outcomes, oracleJudged),
      features,
      properties,
      examples,
    };

    /** The smallest failing item of the cell; else the smallest recorded divergence (shown as such). */
    function pick(key: string, include: (item: CorpusItem) => boolean): void {
      let best = -1;
      let bestExpected = -1;
      items.forEach((item, i) => {
        if (!item.required || !include(item)) return;
        const kind = e.outcomes[i]?.kind;
        if (failed(e.outcomes[i]) && (best < 0 || (size[i] as number) < (size[best] as number))) best = i;
        if (kind === 'expectedDivergence' && (bestExpected < 0 || (size[i] as number) < (size[bestExpected] as number))) bestExpected = i;
      });
      const i = best >= 0 ? best : bestExpected;
      if (i >= 0) examples[key] = example(i, e);
    }
  });

  /** Required failing items of one evaluator by cause signature; the smallest item is the example. */
  function causesOf(e: ComparedEvaluator): MatrixCause[] {
    const groups = new Map<string, { title: string; recorded: boolean; items: number; smallest: number }>();
    items.forEach((item, i) => {
      const o = e.outcomes[i];
      if (!item.required || o?.cause === undefined) return;
      const g = groups.get(o.cause.signature);
      if (!g) groups.set(o.cause.signature, { title: o.cause.title, recorded: o.kind === 'expectedDivergence', items: 1, smallest: i });
      else {
        g.items++;
        if ((size[i] as number) < (size[g.smallest] as number)) g.smallest = i;
      }
    });
    return [...groups.entries()]
      .map(([signature, g]) => ({ signature, title: g.title, recorded: g.recorded, items: g.items, example: example(g.smallest, e) }))
      .sort((a, b) => b.items - a.items || (a.signature < b.signature ? -1 : 1));
  }

  const tested = compared.filter((e) => e.role === 'tested');
  const limit = meta.failsOnlyHereLimit ?? 20;
  const failsOnlyHere = tested.length < 2 ? [] : tested.map((e) => {
    const only = items
      .map((_, i) => i)
      .filter((i) => items[i]?.required === true && failed(e.outcomes[i]) && tested.every((o) => o === e || o.outcomes[i]?.kind === 'agree'))
      .sort((a, b) => (size[a] as number) - (size[b] as number) || a - b);
    return { evaluator: e.name, total: only.length, examples: only.slice(0, limit).map((i) => example(i, e)) };
  });

  return {
    schemaVersion: MATRIX_SCHEMA_VERSION,
    tool: meta.tool,
    generatedAt: meta.generatedAt.toISOString(),
    command: meta.command,
    corpus: { id: corpus.id, seed: corpus.seed, runs: corpus.runs, items: items.length, cases: items.reduce((n, item) => n + item.cases.length, 0), rows },
    featureRows,
    propertyRows,
    evaluators: columns,
    failsOnlyHere,
  };
}

/** An item as an example for one evaluator, with the command that replays it. */
function exampleOf(item: CorpusItem, outcome: ItemOutcome, spec: string, oracleAnswers: readonly CaseAnswer[] | undefined): MatrixExample {
  const common = {
    item: item.id,
    row: itemRow(item),
    features: item.features,
    cases: item.cases,
    answers: outcome.answers,
    outcome: outcome.kind,
    ...(outcome.note !== undefined ? { note: outcome.note } : {}),
  };
  // A recorded divergence passes a replay that reads the expectations: the replay shows it without them.
  const unmasked = outcome.kind === 'expectedDivergence' ? ' --no-expectations' : '';
  if (item.source !== 'properties') {
    return {
      ...common,
      origin: `${item.source}: ${item.file} › ${item.group} › ${item.description}`,
      expected: [answerOf(item.expected)],
      replay: fileReplay(item.source === 'vectors' ? 'vectors' : 'replay', item.file, spec) + unmasked,
    };
  }
  return {
    ...common,
    origin: `${item.property.name} [${item.profile}] input ${item.index} (seed ${item.seed})`,
    expected: oracleAnswers ?? item.cases.map(() => '(oracle)'),
    replay: propertyReplay(spec, item.property.name, item.profile, item.seed, String(item.index)) + unmasked,
  };
}
