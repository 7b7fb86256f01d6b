import { FEATURES, isFeature, type Feature } from '../oracle/types.js';
import { InputError } from '../harness/input-error.js';
import { allServices, unknownServices } from '../generators/catalogue.js';
import { parseServiceSelection, type ServiceSelection } from '../generators/services.js';

/** `--features a,b` → features; an unknown name is bad input listing the valid ones. */
export function parseFeatureList(value: string | undefined, option: string): Feature[] {
  if (value === undefined) return [];
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const n of names) {
    if (!isFeature(n)) throw new InputError(`${option}: unknown feature "${n}"; features are: ${FEATURES.join(', ')}`);
  }
  return names as Feature[];
}

/** A whole number option (`--seed`, `--runs`, `--timeout`) within bounds. */
export function parseInteger(value: string | undefined, option: string, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value.trim())) throw new InputError(`${option}: expected a whole number, got "${value}"`);
  const n = Number(value);
  if (n < min || n > max) throw new InputError(`${option}: must be between ${min} and ${max}, got ${n}`);
  return n;
}

/**
 * `--service a,b` / `all` → the selection (undefined when absent); a prefix the catalogue does not know
 * is bad input that says how to list the known ones.
 */
export async function parseServiceOption(value: string | undefined): Promise<ServiceSelection | undefined> {
  const selection = parseServiceSelection(value);
  if (value !== undefined && selection === undefined) throw new InputError('--service: expected service prefixes (e.g. s3,iam) or all');
  if (selection === undefined) return undefined;
  const unknown = await unknownServices(selection);
  if (unknown.length > 0) {
    throw new InputError(`--service: unknown service prefix "${unknown.join('", "')}"; \`iam-conformance services\` lists the ${(await allServices()).length} known prefixes (or use --service all)`);
  }
  return selection;
}
