/**
 * Writes the matrix folder: matrix.json (validated against specs/schemas/matrix.schema.json first),
 * matrix.md, a self-contained matrix.html and one badge per evaluator in badges/.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { schemaValidator } from '../harness/json-file.js';
import type { Matrix } from '../harness/matrix.js';
import { badgeFileName, renderBadge } from './badge.js';
import { mergeHistory, type HistoryEntry } from './matrix-history.js';
import { renderMatrixHtml } from './matrix-html.js';
import { renderMatrixMarkdown } from './matrix-md.js';

export interface MatrixFolderOptions {
  /** The history to draw (already including this matrix's lines). */
  readonly history?: readonly HistoryEntry[];
  /** A second Markdown copy (e.g. docs/conformance.md), its badge links relative to where it is. */
  readonly markdownFile?: string;
  /** The full command (output options included) named in the Markdown copy. */
  readonly regenerate?: string;
}

/** A matrix that breaks its own schema is a bug in whoever built it, never bad user input. */
export class InvalidMatrixError extends Error {
  constructor(details: string) {
    super(`internal error: the matrix does not match matrix.schema.json: ${details}`);
    this.name = 'InvalidMatrixError';
  }
}

/** Errors of a matrix (as written: after a JSON round trip) against its schema, or undefined. */
export function matrixSchemaErrors(json: unknown): string | undefined {
  const validate = schemaValidator('matrix');
  if (validate(json)) return undefined;
  return (validate.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`).join('; ');
}

/** Resolves to the paths written. */
export async function writeMatrixFolder(m: Matrix, dir: string, o: MatrixFolderOptions = {}): Promise<string[]> {
  const json = JSON.stringify(m, null, 2);
  const errors = matrixSchemaErrors(JSON.parse(json));
  if (errors) throw new InvalidMatrixError(errors);
  await mkdir(join(dir, 'badges'), { recursive: true });
  const written: string[] = [];
  const put = async (path: string, text: string): Promise<void> => {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text, 'utf8');
    written.push(path);
  };
  await put(join(dir, 'matrix.json'), `${json}\n`);
  await put(join(dir, 'matrix.md'), renderMatrixMarkdown(m, { badgeDir: 'badges' }));
  await put(join(dir, 'matrix.html'), renderMatrixHtml(m, mergeHistory(o.history ?? [])));
  for (const e of m.evaluators) await put(join(dir, 'badges', badgeFileName(e.name)), renderBadge(e.score.share));
  if (o.markdownFile !== undefined) {
    const badgeDir = relative(dirname(o.markdownFile), join(dir, 'badges')).split('\\').join('/');
    await put(o.markdownFile, renderMatrixMarkdown(m, { badgeDir, ...(o.regenerate !== undefined ? { regenerate: o.regenerate } : {}) }));
  }
  return written;
}
