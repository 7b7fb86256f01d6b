import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';
import { packageRoot } from '../harness/package-root.js';

// ajv is CommonJS; under NodeNext its class sits on `.default`.
type AjvClass = typeof AjvModule.default;
const Ajv: AjvClass = (AjvModule as unknown as { default?: AjvClass }).default ?? (AjvModule as unknown as AjvClass);

/** Where the report schema lives, in the checkout and in the published package alike. */
export const reportSchemaPath = (): string => join(packageRoot(), 'specs', 'schemas', 'report.schema.json');

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(reportSchemaPath(), 'utf8')) as object;
    compiled = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true }).compile(schema);
  }
  return compiled;
}

const describeErrors = (errors: readonly ErrorObject[]): string =>
  errors
    .slice(0, 10)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`)
    .join('; ');

/**
 * Checks a report (as it will be written: after a JSON round trip, so `undefined` fields are gone)
 * against `specs/schemas/report.schema.json`. Returns the error text, or undefined when valid.
 */
export function reportSchemaErrors(json: unknown): string | undefined {
  const validate = validator();
  return validate(json) ? undefined : describeErrors(validate.errors ?? []);
}

/** A report that breaks its own schema is a bug in whoever built it, never bad user input. */
export class InvalidReportError extends Error {
  constructor(details: string) {
    super(`internal error: the run report does not match report.schema.json: ${details}`);
    this.name = 'InvalidReportError';
  }
}
