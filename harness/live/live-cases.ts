/**
 * What a live run asks AWS, in the order it asks: unconfirmed vectors first (the answers the docs could
 * not give us), then the other vectors, then generated case families. A budget cut therefore spends
 * its calls where they settle the most.
 */
import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import type { Case, Feature, Verdict } from '../../oracle/types.js';
import { expectedVerdict } from '../compare.js';
import { caseFeatures } from '../features.js';
import { liveReplay } from '../replay.js';
import type { CaseOrigin } from '../results.js';
import { groupCases, type VectorFile, type VectorGroup } from '../vector-file.js';
import type { CaseFamily } from '../../generators/case-family.js';

export type LiveSection = 'unconfirmed' | 'vectors' | 'generated';

export interface LiveItem {
  readonly id: string;
  readonly section: LiveSection;
  /** The report entry (JUnit test case) it belongs to: a vector group or a generated family. */
  readonly entry: string;
  readonly description: string;
  readonly case: Case;
  /** What the vector says; generated cases have only the oracle to compare with. */
  readonly vectorExpected?: Verdict;
  readonly features: readonly Feature[];
  /** Unconfirmed vectors are reported, not required. */
  readonly required: boolean;
  readonly origin: CaseOrigin;
  readonly replay: string;
  /** For `--record`: the group the case came from (vectors) or the family index (generated). */
  readonly group?: VectorGroup;
  /** Identifies the group within the run (descriptions need not be unique). */
  readonly groupKey?: string;
  readonly file?: string;
  readonly family?: number;
}

const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

export function vectorItems(files: readonly VectorFile[], cwd: string): LiveItem[] {
  const unconfirmed: LiveItem[] = [];
  const confirmed: LiveItem[] = [];
  for (const vf of files) {
    const file = vf.file.startsWith(cwd) ? relative(cwd, vf.file) : vf.file;
    vf.groups.forEach((group, g) => {
      groupCases(group).forEach((gc, c) => {
        const isUnconfirmed = group.unconfirmed === true;
        const item: LiveItem = {
          id: `live-${shortHash(`vector\n${file}\n${g}\n${c}`)}`,
          section: isUnconfirmed ? 'unconfirmed' : 'vectors',
          entry: `${file} › ${group.description}`,
          description: gc.description,
          case: gc.case,
          vectorExpected: expectedVerdict(gc.expected),
          features: [...new Set([...group.features, ...caseFeatures(gc.case)])].sort(),
          required: !isUnconfirmed,
          origin: { kind: 'vector', file, group: group.description, case: gc.description, source: group.source, unconfirmed: isUnconfirmed },
          replay: liveReplay(file),
          group,
          groupKey: `${file}#${g}`,
          file,
        };
        (isUnconfirmed ? unconfirmed : confirmed).push(item);
      });
    });
  }
  return [...unconfirmed, ...confirmed];
}

export function familyItems(families: readonly CaseFamily[], seed: number, runs: number): LiveItem[] {
  return families.flatMap((f) =>
    f.cases.map((c, i) => ({
      id: `live-${shortHash(`family\n${seed}\n${f.index}\n${i}`)}`,
      section: 'generated' as const,
      entry: `generated family ${f.index} (seed ${seed})`,
      description: `${c.request.action} on ${c.request.resource}`,
      case: c,
      features: caseFeatures(c),
      required: true,
      origin: { kind: 'live' as const, group: `family ${f.index} (seed ${seed})`, case: `${c.request.action} on ${c.request.resource}` },
      replay: `iam-conformance live --suite properties --seed ${seed} --runs ${runs}`,
      family: f.index,
    })),
  );
}

/** Consecutive items of one entry stay together, so a family is never split across calls. */
export function chunkByEntry(items: readonly LiveItem[], target: number): LiveItem[][] {
  const chunks: LiveItem[][] = [];
  let current: LiveItem[] = [];
  items.forEach((item, i) => {
    current.push(item);
    const next = items[i + 1];
    if (!next || (current.length >= target && next.entry !== item.entry) || next.section !== item.section) {
      chunks.push(current);
      current = [];
    }
  });
  return chunks;
}
