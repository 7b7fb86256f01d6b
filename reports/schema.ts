import type { ErrorObject } from 'ajv';
import { schemaPath, schemaValidator } from '../harness/json-file.js';

/** Where the report schema lives, in the checkout and in the published package alike. */
export const reportSchemaPath = (): string => schemaPath('report');


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
  const validate = schemaValidator('report');
  return validate(json) ? undefined : describeErrors(validate.errors ?? []);
}

/** A report that breaks its own schema is a bug in whoever built it, never bad user input. */
export class InvalidReportError extends Error {
  constructor(details: string) {
    super(`internal error: the run report does not match report.schema.json: ${details}`);
    this.name = 'InvalidReportError';
  }
}
