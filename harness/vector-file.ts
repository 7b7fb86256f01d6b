import { readFile, readdir, stat } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Case, ContextEntry, Decision, Feature, PolicyDocument } from '../oracle/types.js';
import { InputError } from './input-error.js';

/** One request of a vector, with defaults filled (resource `*`, context `[]`). */
export interface VectorRequest {
  readonly action: string;
  readonly resource: string;
  readonly context: readonly ContextEntry[];
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

/** The vector schema, found from the sources (specs/harness) or the build (dist/specs/harness). */
function schemaPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'specs', 'schemas', 'vector.schema.json');
    if (existsSync(candidate) && existsSync(join(dir, 'package.json'))) return candidate;
    const up = dirname(dir);
    if (up === dir) throw new Error('specs/schemas/vector.schema.json not found');
    dir = up;
  }
}

let compiled: ValidateFunction | undefined;
function validator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true, strict: false }).compile(
    JSON.parse(readFileSync(schemaPath(), 'utf8')) as object,
  );
  return compiled;
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
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    const { line, column } = lineColumn(text, jsonErrorOffset(text));
    throw new InputError(`invalid JSON at line ${line}, column ${column} (${(cause as Error).message})`, {
      file,
      cause,
    });
  }
  const validate = validator();
  if (!validate(data)) {
    const err = mostSpecific(validate.errors ?? []);
    throw new InputError(describeSchemaError(err), { file, jsonPath: toJsonPath(err) });
  }
  return { file, groups: (data as RawGroup[]).map(normaliseGroup) };
}

interface RawGroup extends Omit<VectorGroup, 'permissionsBoundaries' | 'cases'> {
  permissionsBoundaries?: PolicyDocument[];
  cases: {
    description: string;
    expected: VectorExpected;
    note?: string;
    request: { action: string; resource?: string; context?: ContextEntry[] };
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
      request: { action: c.request.action, resource: c.request.resource, context: c.request.context },
    },
  }));
}

// ---- schema error → readable message --------------------------------------------------------------

/** The deepest error is the most useful; `if`/`anyOf` wrappers say less than what they wrap. */
function mostSpecific(errors: readonly ErrorObject[]): ErrorObject {
  const depth = (e: ErrorObject) => e.instancePath.split('/').length;
  return [...errors].sort((a, b) => depth(b) - depth(a))[0] as ErrorObject;
}

function toJsonPath(err: ErrorObject): string {
  const parts = err.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (err.keyword === 'additionalProperties') parts.push(String(err.params.additionalProperty));
  if (err.keyword === 'required') parts.push(String(err.params.missingProperty));
  const path = parts.map((p) => (/^\d+$/.test(p) ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`));
  const joined = path.join('');
  return joined.startsWith('.') ? joined.slice(1) : joined || '(root)';
}

function describeSchemaError(err: ErrorObject): string {
  switch (err.keyword) {
    case 'additionalProperties':
      return `unknown property "${String(err.params.additionalProperty)}" is not allowed here`;
    case 'required':
      return `required property "${String(err.params.missingProperty)}" is missing`;
    case 'enum':
      return `must be one of ${(err.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'pattern':
      return err.instancePath.endsWith('/source')
        ? 'source must be an https:// URL of the documentation page'
        : `must match the pattern ${String(err.params.pattern)}`;
    case 'type':
      return `must be of type ${String(err.params.type)}`;
    case 'minItems':
      return `must have at least ${String(err.params.limit)} item(s)`;
    case 'minLength':
      return 'must not be empty';
    case 'uniqueItems':
      return 'must not contain duplicate items';
    default:
      return err.message ?? `breaks the schema rule "${err.keyword}"`;
  }
}

// ---- JSON syntax error position --------------------------------------------------------------------

/** Offset of the first syntax error: V8's messages do not always carry one, so we scan ourselves. */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw new SyntaxAt(i);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const expect = (ch: string) => (text[i] === ch ? i++ : fail());
  const str = () => {
    for (expect('"'); text[i] !== '"'; i += text[i] === '\\' ? 2 : 1) if (i >= text.length || text.charCodeAt(i) < 0x20) fail();
    i++;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{' || ch === '[') return container(ch === '{');
    if (ch === '"') return str();
    const m = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i));
    i += m ? m[0].length : fail();
  };
  const container = (isObject: boolean): void => {
    const close = isObject ? '}' : ']';
    i++;
    ws();
    if (text[i] === close) return void i++;
    for (;;) {
      if (isObject) {
        ws();
        str();
        ws();
        expect(':');
      }
      value();
      ws();
      if (text[i] === close) return void i++;
      expect(',');
    }
  };
  try {
    value();
    ws();
    return i < text.length ? i : text.length;
  } catch (at) {
    return at instanceof SyntaxAt ? Math.min(at.offset, text.length) : 0;
  }
}

/** Where the scan of jsonErrorOffset stopped. */
class SyntaxAt extends Error {
  constructor(readonly offset: number) {
    super(`JSON syntax error at offset ${offset}`);
  }
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}
