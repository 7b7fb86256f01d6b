/**
 * The case corpus of `compare`: one fixed list of inputs that every evaluator answers, so their scores
 * are comparable. It holds every known-answer vector and regression case, and for each planned
 * (property, profile) the first `runs × runsFactor` inputs that property's arbitrary draws from the
 * seed — the very inputs `run --seed S --property P --profile X --path i` replays as input `i`.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { Catalogue } from '../generators/catalogue.js';
import type { Case, Feature, Verdict } from '../oracle/types.js';
import { answerOf, expectedVerdict } from './compare.js';
import { caseFeatures } from './features.js';
import type { AnyProperty, PlannedRun, PropertyKind } from './property.js';
import { stableJson } from './stable-json.js';
import { groupCases, type VectorFile } from './vector-file.js';

interface ItemBase {
  /** Stable within a corpus: `vectors:<file>#<group>.<case>`, `<property>:<profile>#<index>`. */
  readonly id: string;
  /** What the evaluator is asked, main case first (a metamorphic input has two). */
  readonly cases: readonly Case[];
  /** Features of the main case (for vectors: the group's declared features too). */
  readonly features: readonly Feature[];
  /** False for unconfirmed vectors: shown apart, never in a score's denominator. */
  readonly required: boolean;
}

/** A known-answer vector or a regression case: the answer is written in the file. */
export interface VectorItem extends ItemBase {
  readonly source: 'vectors' | 'regressions';
  /** As shown to the user (relative to the working directory). */
  readonly file: string;
  readonly group: string;
  readonly description: string;
  readonly expected: Verdict;
}

/** One generated input of a property, replayable with `run --path <index>`. */
export interface PropertyItem extends ItemBase {
  readonly source: 'properties';
  readonly property: AnyProperty;
  readonly kind: PropertyKind;
  readonly profile: string;
  readonly seed: number;
  /** Position in fast-check's stream for the seed: the replay path. */
  readonly index: number;
  readonly input: unknown;
}

export type CorpusItem = VectorItem | PropertyItem;

export interface Corpus {
  /** Hash of every item's cases, name and written answer: equal ids, equal corpora. */
  readonly id: string;
  readonly seed: number;
  readonly runs: number;
  readonly items: readonly CorpusItem[];
}

export interface CorpusOptions {
  readonly vectors: readonly VectorFile[];
  readonly regressions: readonly VectorFile[];
  readonly plan: readonly PlannedRun[];
  readonly seed: number;
  /** Inputs per planned run, times its `runsFactor`. */
  readonly runs: number;
  readonly catalogue: Catalogue;
  readonly displayPath?: (file: string) => string;
}

/** The row a item counts in: `vectors`, `regressions` or its property's name. */
export const itemRow = (item: CorpusItem): string => (item.source === 'properties' ? item.property.name : item.source);

/**
 * Whether an item has a right answer the oracle (or its file) gives: vectors, regressions, differential
 * and validation inputs. Metamorphic inputs only ask the evaluator to agree with itself, which an
 * evaluator that always answers the same decision does trivially (see docs/conformance-score.md).
 */
export const oracleJudged = (item: CorpusItem): boolean => item.source !== 'properties' || item.kind !== 'metamorphic';

/** Builds the corpus: deterministic from its options (same seed, runs, plan and files: same corpus id). */
export function buildCorpus(o: CorpusOptions): Corpus {
  const show = o.displayPath ?? ((f: string) => f);
  const items: CorpusItem[] = [];
  for (const [source, files] of [['regressions', o.regressions], ['vectors', o.vectors]] as const) {
    for (const vf of files) {
      vf.groups.forEach((group, g) => {
        groupCases(group).forEach((gc, k) => {
          items.push({
            source,
            id: `${source}:${show(vf.file)}#${g}.${k}`,
            cases: [gc.case],
            features: [...new Set([...group.features, ...caseFeatures(gc.case)])].sort(),
            required: source === 'regressions' || group.unconfirmed !== true,
            file: show(vf.file),
            group: group.description,
            description: gc.description,
            expected: expectedVerdict(gc.expected),
          });
        });
      });
    }
  }
  for (const planned of o.plan) {
    const { property } = planned;
    const settings = property.adjust ? property.adjust(planned.settings) : planned.settings;
    const numRuns = o.runs * planned.runsFactor;
    // fc.sample draws the same stream as fc.check with the same seed: input i replays with `--path i`.
    const inputs = fc.sample(property.arbitrary(settings, o.catalogue) as fc.Arbitrary<unknown>, { seed: o.seed, numRuns });
    inputs.forEach((input, index) => {
      const cases = property.cases(input);
      items.push({
        source: 'properties',
        id: `${property.name}:${settings.profile}#${index}`,
        cases,
        features: cases[0] ? caseFeatures(cases[0]) : [],
        required: true,
        property,
        kind: property.kind,
        profile: settings.profile,
        seed: o.seed,
        index,
        input,
      });
    });
  }
  return { id: corpusId(items), seed: o.seed, runs: o.runs, items };
}

function corpusId(items: readonly CorpusItem[]): string {
  const hash = createHash('sha256');
  for (const item of items) {
    // Not the file paths: they are shown relative to the working directory, the corpus is the same anywhere.
    const what = item.source === 'properties' ? [item.id] : [item.source, item.group, item.description, answerOf(item.expected), item.required];
    hash.update(stableJson([...what, item.cases]));
    hash.update('\n');
  }
  return hash.digest('hex').slice(0, 16);
}
