import { fail, show } from './report.js';
import type { Errors } from './report.js';

/** Which list element is being read; decides the rule ids and the string format. */
export type ListKind = 'action' | 'resource';

/**
 * `service:pattern` with exactly one colon and no wildcard in the service prefix; `*` alone is every action.
 * IAM: "Actions/Condition can contain only one colon." / "Action vendors ... must not contain wildcards".
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 */
export function actionProblem(s: string): string | undefined {
  if (s === '*') return undefined;
  const colon = s.indexOf(':');
  if (colon < 0) return 'must be "*" or "service:action"';
  if (s.indexOf(':', colon + 1) >= 0) return 'may contain only one colon';
  if (colon === 0) return 'has an empty service prefix';
  if (colon === s.length - 1) return 'has an empty action name';
  for (let i = 0; i < colon; i++) {
    const c = s.charCodeAt(i);
    if (c === 42 /* * */ || c === 63 /* ? */) return 'must not have a wildcard in the service prefix';
  }
  return undefined;
}

/**
 * `*` or an ARN: `arn:partition:service:region:account:resource`, the resource part may itself hold colons
 * and policy variables. No wildcard in the service segment ("You can't use a wildcard in the service
 * segment that identifies the AWS product"), and the service is not empty.
 *
 * A pattern with fewer than six parts is accepted when it has at least three (`arn:aws:sagemaker:*`) and
 * no empty segment (`::`): the Resource page lets a `*` that ends a segment "expand to match beyond the
 * colon boundaries", and IAM's CreatePolicy accepts `arn:aws:fdsasf` but rejects `arn:aws` ("Resource vendor
 * must be fully qualified") and `arn:aws:s3::bucket` ("The policy failed legacy parsing") — moto's
 * AWS-verified tests, validate/DECISIONS.md #19.
 * IAM: "Resource X must be in ARN format or "*"."
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
export function resourceProblem(s: string): string | undefined {
  if (s === '*') return undefined;
  if (!s.startsWith('arn:')) return 'must be "*" or an ARN starting with "arn:"';
  let colons = 1; // the one after "arn"
  let serviceWildcard = false;
  let serviceStart = -1;
  let serviceEnd = -1;
  let emptySegment = false;
  for (let i = 4; i < s.length && colons < 5; i++) {
    const c = s.charCodeAt(i);
    if (c === 58 /* : */) {
      colons++;
      if (s.charCodeAt(i - 1) === 58) emptySegment = true;
      if (colons === 2) serviceStart = i + 1;
      else if (colons === 3) serviceEnd = i;
    } else if (colons === 2 && (c === 42 /* * */ || c === 63 /* ? */)) serviceWildcard = true;
  }
  if (colons < 2) return 'must name a service (arn:partition:service:...)';
  if ((serviceEnd < 0 ? s.length : serviceEnd) === serviceStart) return 'must not have an empty service segment';
  if (serviceWildcard) return 'must not have a wildcard in the service segment';
  if (colons < 5 && emptySegment) return 'with fewer than six parts must not have an empty segment';
  return undefined;
}

/**
 * Reads Action/NotAction/Resource/NotResource: a non-empty string or a non-empty array of strings; a lone
 * string is the same as a one-element array (grammar page, "Conventions").
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
export function readList(raw: unknown, path: string, kind: ListKind, errors: Errors): string[] | undefined {
  if (typeof raw === 'string') return readString(raw, path, kind, errors) ? [raw] : undefined;
  if (!Array.isArray(raw)) {
    fail(errors, path, `${kind}-type`, `Must be a string or an array of strings, not ${show(raw)}`);
    return undefined;
  }
  if (raw.length === 0) {
    fail(errors, path, `${kind}-empty`, `An empty ${kind} list is not allowed`);
    return undefined;
  }
  let ok = true;
  for (let i = 0; i < raw.length; i++) ok = readString(raw[i], path, kind, errors, i) && ok;
  return ok ? (raw.slice() as string[]) : undefined;
}

/** One action or resource string; the path gets `[index]` only when the element is an array. */
function readString(s: unknown, path: string, kind: ListKind, errors: Errors, index?: number): boolean {
  if (typeof s !== 'string') {
    fail(errors, at(path, index), `${kind}-type`, `Each ${kind} must be a string, not ${show(s)}`);
    return false;
  }
  const problem = kind === 'action' ? actionProblem(s) : resourceProblem(s);
  if (problem === undefined) return true;
  fail(errors, at(path, index), `${kind}-format`, `${kind === 'action' ? 'Action' : 'Resource'} ${show(s)} ${problem}`);
  return false;
}

function at(path: string, index: number | undefined): string {
  return index === undefined ? path : `${path}[${index}]`;
}
