/**
 * The one JSON-file reader of the engine: the project's JSON schemas (vector, expectations, report)
 * loaded from the installed package, JSON text parsed with the line and column of a syntax error, and
 * schema errors turned into one readable sentence with the JSON path they point at. Every problem with
 * a user's file is an InputError naming the file and the path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { InputError } from './input-error.js';
import { packageRoot } from './package-root.js';

/** The schemas in `specs/schemas/`, by name (`vector` is `vector.schema.json`). */
export type SchemaName = 'vector' | 'expectations' | 'report' | 'matrix';

/** Where a schema lives, in the checkout and in the published package alike. */
export const schemaPath = (name: SchemaName): string => join(packageRoot(), 'specs', 'schemas', `${name}.schema.json`);

/** The report schema is ours alone, so it is compiled strictly: a mistake in it fails loudly. */
const STRICT: Readonly<Record<SchemaName, boolean>> = { vector: false, expectations: false, report: true, matrix: true };
const compiled = new Map<SchemaName, ValidateFunction>();

/** The compiled validator of a schema (compiled once per process). */
export function schemaValidator(name: SchemaName): ValidateFunction {
  let validate = compiled.get(name);
  if (validate === undefined) {
    const schema = JSON.parse(readFileSync(schemaPath(name), 'utf8')) as object;
    const options = STRICT[name] ? { allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true } : { allErrors: true, strict: false };
    validate = new Ajv(options).compile(schema);
    compiled.set(name, validate);
  }
  return validate;
}

/** Checks `data` against a schema; the deepest error becomes an InputError naming the file and JSON path. */
export function checkSchema(name: SchemaName, data: unknown, file: string, describe: (err: ErrorObject) => string = describeSchemaError): void {
  const validate = schemaValidator(name);
  if (validate(data)) return;
  const err = deepestError(validate.errors ?? []);
  throw new InputError(describe(err), { file, jsonPath: errorJsonPath(err) });
}

/** Parses JSON text; a syntax error is an InputError with its line and column. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    const { line, column } = lineColumn(text, jsonErrorOffset(text));
    throw new InputError(`invalid JSON at line ${line}, column ${column} (${(cause as Error).message})`, { file, cause });
  }
}

/** The deepest error is the most useful; `if`/`anyOf` wrappers say less than what they wrap. */
export function deepestError(errors: readonly ErrorObject[]): ErrorObject {
  const depth = (e: ErrorObject) => e.instancePath.split('/').length;
  return [...errors].sort((a, b) => depth(b) - depth(a))[0] as ErrorObject;
}

/** The JSON path an error points at, as the user reads it: `[0].cases[2].request`, `(root)`. */
export function errorJsonPath(err: ErrorObject): string {
  const parts = err.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (err.keyword === 'additionalProperties') parts.push(String(err.params.additionalProperty));
  if (err.keyword === 'required') parts.push(String(err.params.missingProperty));
  const path = parts.map((p) => (/^\d+$/.test(p) ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`));
  const joined = path.join('');
  return joined.startsWith('.') ? joined.slice(1) : joined || '(root)';
}

/** One sentence a person understands, for the common schema keywords. */
export function describeSchemaError(err: ErrorObject): string {
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
