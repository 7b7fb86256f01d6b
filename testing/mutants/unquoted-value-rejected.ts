/**
 * BUG: a condition value written as a JSON number or boolean (`"NumericLessThan": {"s3:max-keys": 10}`)
 * makes the policy malformed, as under a schema that wants strings. (AWS grammar: quotation marks are
 * optional for numeric and Boolean values.)
 */
import { evaluate as oracle } from '../../oracle/index.js';
import type { Case, Verdict } from '../../oracle/types.js';
import { isObject } from './support/rewrite-case.js';

const unquoted = (v: unknown): boolean => typeof v === 'number' || typeof v === 'boolean';

function hasUnquoted(doc: unknown): boolean {
  const st = isObject(doc) ? doc.Statement : undefined;
  return [st ?? []].flat().some((s) => {
    const cond = isObject(s) ? s.Condition : undefined;
    return isObject(cond) && Object.values(cond).some((block) => isObject(block) && Object.values(block).some((v) => [v].flat().some(unquoted)));
  });
}

export function evaluate(c: Case): Verdict {
  const docs = [...c.policies, ...(c.permissionsBoundaries ?? []), ...(c.serviceControlPolicies ?? []).flat(), ...(c.resourcePolicy !== undefined ? [c.resourcePolicy] : [])];
  return docs.some(hasUnquoted) ? { error: { code: 'MalformedPolicyDocument', message: 'condition values must be strings' } } : oracle(c);
}
