/**
 * The checkpoint: a JSONL file, one line per answered call (batch key + the answer per action), appended
 * synchronously after each call so that a run killed at any moment resumes (`--resume`) without asking
 * AWS again. A torn last line (killed mid-write) is ignored. Transient failures are never written.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EvaluatorResult } from '../../harness/evaluator.js';

interface Line {
  readonly kind: 'batch';
  readonly key: string;
  readonly answers: Record<string, EvaluatorResult>;
}

/** The first line of a checkpoint file (api, principal, and whatever the caller stored), if readable. */
export function readCheckpointHeader(path: string): Record<string, unknown> | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const first = JSON.parse(readFileSync(path, 'utf8').split('\n')[0] ?? '') as Record<string, unknown>;
    return first.kind === 'header' ? first : undefined;
  } catch {
    return undefined;
  }
}

export class Checkpoint {
  private readonly answers = new Map<string, Map<string, EvaluatorResult>>();

  private constructor(private readonly path: string | undefined) {}

  /** Opens the file: `resume` keeps what it holds, otherwise it starts empty. No path = in memory only. */
  static open(path: string | undefined, resume: boolean, header: Record<string, unknown>): Checkpoint {
    const cp = new Checkpoint(path);
    if (path === undefined) return cp;
    mkdirSync(dirname(path), { recursive: true });
    if (resume && existsSync(path)) {
      for (const text of readFileSync(path, 'utf8').split('\n')) {
        if (text.trim() === '') continue;
        let line: Partial<Line>;
        try {
          line = JSON.parse(text) as Partial<Line>;
        } catch {
          continue; // a line torn by a kill
        }
        if (line.kind === 'batch' && typeof line.key === 'string' && line.answers) cp.remember(line.key, line.answers);
      }
    } else {
      writeFileSync(path, JSON.stringify({ kind: 'header', version: 1, ...header }) + '\n');
    }
    return cp;
  }

  /** The stored answer for an action of a batch, if any. */
  get(key: string, action: string): EvaluatorResult | undefined {
    return this.answers.get(key)?.get(action);
  }

  has(key: string, actions: readonly string[]): boolean {
    return actions.every((a) => this.get(key, a) !== undefined);
  }

  get size(): number {
    let n = 0;
    for (const m of this.answers.values()) n += m.size;
    return n;
  }

  record(key: string, answers: Record<string, EvaluatorResult>): void {
    this.remember(key, answers);
    if (this.path !== undefined) appendFileSync(this.path, JSON.stringify({ kind: 'batch', key, answers } satisfies Line) + '\n');
  }

  private remember(key: string, answers: Record<string, EvaluatorResult>): void {
    const m = this.answers.get(key) ?? new Map<string, EvaluatorResult>();
    for (const [a, r] of Object.entries(answers)) m.set(a, r);
    this.answers.set(key, m);
  }
}
