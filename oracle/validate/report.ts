import type { PolicyError } from '../types.js';

/** Where validators put what they find; a plain array keeps the valid path allocation-free. */
export type Errors = PolicyError[];

/** Records one broken rule. `path` is inside the document, e.g. `Statement[1].Effect`. */
export function fail(errors: Errors, path: string, rule: string, message: string): void {
  errors.push({ path, rule, message });
}

/** A JSON object (not null, not an array): the only shape IAM accepts for documents, statements, conditions. */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Joins a member name onto a path; the root path is the empty string. */
export function member(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** Short, printable rendering of an offending value for messages (never the whole document). */
export function show(v: unknown): string {
  if (typeof v === 'string') return v.length > 60 ? `"${v.slice(0, 57)}..."` : `"${v}"`;
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : typeof v;
}
