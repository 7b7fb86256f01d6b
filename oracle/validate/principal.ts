import type { PrincipalElement } from '../types.js';
import { fail, isObject, member, show } from './report.js';
import type { Errors } from './report.js';

/** The principal map's keys (grammar: `<principal_map_entry>`). */
const PRINCIPAL_KEYS: ReadonlySet<string> = new Set(['AWS', 'Federated', 'Service', 'CanonicalUser']);

/**
 * A resource policy's `Principal` or `NotPrincipal`: `"*"`, or a map of `AWS` / `Federated` / `Service` /
 * `CanonicalUser` to a string or a non-empty array of strings. No partial wildcards ("You cannot use a
 * wildcard to match part of a principal name or ARN") and no `"Service": "*"`.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */
export function readPrincipal(v: unknown, path: string, negated: boolean, errors: Errors): PrincipalElement | undefined {
  if (v === '*') return { negated, any: true, aws: [], others: [] };
  if (!isObject(v)) {
    fail(errors, path, 'principal-type', `A principal must be "*" or an object such as {"AWS": "..."}, not ${show(v)}`);
    return undefined;
  }
  const before = errors.length;
  const aws: string[] = [];
  const others: string[] = [];
  let any = false;
  let entries = 0;
  for (const key of Object.keys(v)) {
    const at = member(path, key);
    if (!PRINCIPAL_KEYS.has(key)) {
      fail(errors, at, 'principal-key-unknown', `Unknown principal type ${show(key)} (AWS, Federated, Service or CanonicalUser)`);
      continue;
    }
    const values = principalValues(v[key], at, errors);
    if (values === undefined) continue;
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      const valuePath = Array.isArray(v[key]) ? `${at}[${i}]` : at;
      if (value === '*') {
        if (key === 'Service') fail(errors, valuePath, 'principal-service-wildcard', 'The service principal cannot be "*"');
        else if (key === 'AWS') any = true;
        else others.push(value);
      } else if (value.includes('*') || value.includes('?')) {
        fail(errors, valuePath, 'principal-partial-wildcard', `${show(value)}: a wildcard cannot match part of a principal name or ARN`);
      } else if (key === 'AWS') aws.push(value);
      else others.push(value);
      entries++;
    }
  }
  if (errors.length === before && entries === 0) fail(errors, path, 'principal-empty', 'A principal must name at least one principal');
  return errors.length === before ? { negated, any, aws, others } : undefined;
}

function principalValues(v: unknown, path: string, errors: Errors): string[] | undefined {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.length > 0 && v.every((x): x is string => typeof x === 'string')) return v;
  fail(errors, path, 'principal-value-type', `A principal value must be a string or a non-empty array of strings, not ${show(v)}`);
  return undefined;
}
