/**
 * The score history: one JSON line per evaluator and version (date, tool version, corpus id, scores),
 * in a file meant to be committed beside the code, so `git log -p` of it is the story of each
 * evaluator's conformance. A new line for the same evaluator, evaluator version, tool version and
 * corpus replaces the old one: the file holds one line per version, not one per run.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError } from '../harness/input-error.js';
import type { Matrix } from '../harness/matrix.js';

export interface HistoryEntry {
  readonly date: string;
  readonly tool: string;
  readonly corpus: string;
  readonly seed: number;
  readonly runs: number;
  readonly evaluator: { readonly spec: string; readonly name: string; readonly version?: string };
  readonly role: string;
  /** The headline share (null: nothing required), with its numerator and denominator. */
  readonly share: number | null;
  readonly agreed: number;
  readonly required: number;
  readonly expectedDivergence: number;
  /** Share per row (vectors, regressions, each property). */
  readonly properties: Readonly<Record<string, number | null>>;
}

/** The lines a matrix adds to the history, one per evaluator. */
export function historyEntries(m: Matrix): HistoryEntry[] {
  return m.evaluators.map((e) => ({
    date: m.generatedAt,
    tool: m.tool.version,
    corpus: m.corpus.id,
    seed: m.corpus.seed,
    runs: m.corpus.runs,
    evaluator: { spec: e.spec, name: e.name, ...(e.version !== undefined ? { version: e.version } : {}) },
    role: e.role,
    share: e.score.share,
    agreed: e.score.agreed,
    required: e.score.required,
    expectedDivergence: e.score.expectedDivergence,
    properties: Object.fromEntries(Object.entries(e.properties).map(([k, s]) => [k, s.share])),
  }));
}

const isEntry = (v: unknown): v is HistoryEntry => {
  const e = v as Partial<HistoryEntry> | null;
  return typeof e === 'object' && e !== null && typeof e.date === 'string' && typeof e.corpus === 'string' &&
    typeof e.evaluator?.name === 'string' && (typeof e.share === 'number' || e.share === null);
};

/** Reads a history file; none yet is an empty history. A line that is not an entry is bad input. */
export function readHistory(file: string): HistoryEntry[] {
  if (!existsSync(file)) return [];
  const out: HistoryEntry[] = [];
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (cause) {
      throw new InputError(`line ${i + 1} is not JSON (${(cause as Error).message})`, { file, cause });
    }
    if (!isEntry(value)) throw new InputError(`line ${i + 1} is not a history entry (date, corpus, evaluator.name, share)`, { file });
    out.push(value);
  });
  return out;
}

const key = (e: HistoryEntry): string => JSON.stringify([e.evaluator.name, e.evaluator.version ?? '', e.tool, e.corpus]);

/** The history with later entries replacing earlier ones of the same key (at the later one's place). */
export function mergeHistory(entries: readonly HistoryEntry[]): HistoryEntry[] {
  const last = new Map<string, number>();
  entries.forEach((e, i) => last.set(key(e), i));
  return entries.filter((e, i) => last.get(key(e)) === i);
}

export function writeHistory(file: string, entries: readonly HistoryEntry[]): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, mergeHistory(entries).map((e) => `${JSON.stringify(e)}\n`).join(''), 'utf8');
}
