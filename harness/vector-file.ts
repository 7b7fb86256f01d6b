import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Case, ContextEntry, Decision, Feature, PolicyDocument } from '../oracle/types.js';
import { InputError } from './input-error.js';
import { checkSchema, parseJsonText } from './json-file.js';

/** One request of a vector, with defaults filled (resource `*`, context `[]`). */
export interface VectorRequest {
  readonly action: string;
  readonly resource: string;
  readonly context: readonly ContextEntry[];
  /** CallerArn; absent: the default caller. */
  readonly caller?: string;
  /** ResourceOwner; absent: the caller's account. */
  readonly resourceOwner?: string;
}

export type VectorExpected = Decision | 'error';

export interface VectorCase {
  readonly description: string;
  readonly request: VectorRequest;
  readonly expected: VectorExpected;
  readonly note?: string;
}

/** One behaviour: the policies, the doc page it comes from, and the requests asked of it. */
export interface VectorGroup {
  readonly description: string;
  readonly source: string;
  readonly features: readonly Feature[];
  readonly policies: readonly PolicyDocument[];
  /** Always an array; empty when the file has none. */
  readonly permissionsBoundaries: readonly PolicyDocument[];
  /** SCP levels, root first; absent: no organization. */
  readonly serviceControlPolicies?: readonly (readonly PolicyDocument[])[];
  /** The resource-based policy of every case's resource. */
  readonly resourcePolicy?: PolicyDocument;
  readonly unconfirmed?: boolean;
  readonly verifiedBy?: string;
  readonly verifiedAt?: string;
  readonly note?: string;
  /** Regression metadata (specs/regressions files share this format). */
  readonly foundAt?: string;
  readonly seed?: number;
  readonly evaluator?: string;
  readonly path?: string;
  readonly property?: string;
  readonly profile?: string;
  readonly cases: readonly VectorCase[];
}

export interface VectorFile {
  readonly file: string;
  readonly groups: readonly VectorGroup[];
}

/** A case ready for an evaluator, with what the vector expects of it. */
export interface GroupCase {
  readonly case: Case;
  readonly expected: VectorExpected;
  readonly description: string;
}

/** Reads vector files; directories are walked recursively for `*.json`, files sorted by path. */
export async function loadVectorFiles(paths: readonly string[]): Promise<VectorFile[]> {
  const files: string[] = [];
  for (const p of paths) files.push(...(await expand(p)));
  const out: VectorFile[] = [];
  for (const file of [...new Set(files)].sort()) out.push(await loadVectorFile(file));
  return out;
}

async function expand(path: string): Promise<string[]> {
  let info;
  try {
    info = await stat(path);
  } catch (cause) {
    throw new InputError(`cannot read vector path (${(cause as Error).message})`, { file: path, cause });
  }
  if (!info.isDirectory()) return [path];
  let entries;
  try {
    entries = await readdir(path, { withFileTypes: true });
  } catch (cause) {
    throw new InputError(`cannot list vector folder (${(cause as Error).message})`, { file: path, cause });
  }
  const nested = await Promise.all(
    entries.map(async (e) => {
      const child = join(path, e.name);
      if (e.isDirectory()) return expand(child);
      return e.name.endsWith('.json') ? [child] : [];
    }),
  );
  return nested.flat();
}

/** Reads, parses and validates one file; every problem becomes an InputError naming file and JSON path. */
export async function loadVectorFile(file: string): Promise<VectorFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new InputError(`cannot read vector file (${(cause as Error).message})`, { file, cause });
  }
  return parseVectorFile(text, file);
}

/** Parses and validates the text of a vector file (exported for tests and for in-memory vectors). */
export function parseVectorFile(text: string, file: string): VectorFile {
  const data = parseJsonText(text, file);
  checkSchema('vector', data, file);
  return { file, groups: (data as RawGroup[]).map(normaliseGroup) };
}

interface RawGroup extends Omit<VectorGroup, 'permissionsBoundaries' | 'cases'> {
  permissionsBoundaries?: PolicyDocument[];
  cases: {
    description: string;
    expected: VectorExpected;
    note?: string;
    request: { action: string; resource?: string; context?: ContextEntry[]; caller?: string; resourceOwner?: string };
  }[];
}

function normaliseGroup(g: RawGroup): VectorGroup {
  return {
    ...g,
    permissionsBoundaries: g.permissionsBoundaries ?? [],
    cases: g.cases.map((c) => ({
      ...c,
      request: {
        action: c.request.action,
        resource: c.request.resource ?? '*',
        context: c.request.context ?? [],
        ...(c.request.caller !== undefined ? { caller: c.request.caller } : {}),
        ...(c.request.resourceOwner !== undefined ? { resourceOwner: c.request.resourceOwner } : {}),
      },
    })),
  };
}

/** The group's cases as evaluator input; an empty boundary list is omitted (no boundary). */
export function groupCases(group: VectorGroup): GroupCase[] {
  return group.cases.map((c) => ({
    description: c.description,
    expected: c.expected,
    case: {
      policies: group.policies,
      ...(group.permissionsBoundaries.length > 0 ? { permissionsBoundaries: group.permissionsBoundaries } : {}),
      ...(group.serviceControlPolicies !== undefined ? { serviceControlPolicies: group.serviceControlPolicies } : {}),
      ...('resourcePolicy' in group ? { resourcePolicy: group.resourcePolicy } : {}),
      request: c.request,
    },
  }));
}

