/**
 * The Resource / NotResource element.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html
 *
 * - `*` matches every resource; ARN patterns match segment by segment (arn.ts), case-sensitive, with
 *   `*` in the resource part spanning `/` and `:` (`bucket/*\/test/*` matches `bucket//test/object.jpg`).
 * - Policy variables only in the resource part (after the fifth colon) and only under Version
 *   2012-10-17; a variable with no value makes that pattern match nothing (for NotResource too: the
 *   pattern does not exclude anything).
 * - DECISION (request resource `*`, the simulator's default when ResourceArns is omitted): the request
 *   resource is the literal string `*`, matched like any other resource. Only patterns that match the
 *   one-character string `*` — in practice `"Resource": "*"` — cover it; any ARN pattern, even
 *   `arn:aws:s3:::*`, does not, so `NotResource: <ARN>` does cover it. Simulator users report exactly
 *   this: a specific-ARN Allow is not matched when ResourceArns is omitted
 *   (https://github.com/cloud-custodian/cloud-custodian/issues/4612 — "per the documentation for
 *   simulate policy api"; https://github.com/aws/aws-sdk/issues/729 — `arn:aws::s3:*` denied, `*` allowed).
 */
import { compileArnPattern, splitRuns, type ArnPattern, arnMatches, type SplitArn } from './arn.js';
import type { PatternRun } from './wildcard.js';
import { hasPlaceholders, parseTemplate, resolveTemplate, templateKeys, type ContextLookup, type TemplatePart } from './variables.js';
import { BoundedMap } from './memo.js';

/** A compiled Resource entry: fixed, or with variables in its resource part (resolved per request). */
export type ResourcePattern =
  | { readonly source: string; readonly arn: ArnPattern }
  | {
      readonly source: string;
      /** The first five segments (arn, partition, service, region, account), as written. */
      readonly head: readonly (readonly PatternRun[])[];
      /**
       * The same five segments and their colons as one string, when none of them holds a colon of its
       * own (inside a `${...}`): the resolved pattern is then this text plus the resolved resource
       * part, read like any fixed pattern (and compiled once per distinct text).
       */
      readonly headText: string | undefined;
      readonly template: readonly TemplatePart[];
    };

/**
 * Compiles one Resource/NotResource entry. `variables`: the policy is Version 2012-10-17. (Memoised.)
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
export function compileResourcePattern(source: string, variables: boolean): ResourcePattern {
  const cache = variables && source.includes('${') ? withVariables : plain;
  let pattern = cache.get(source);
  if (pattern === undefined) {
    pattern = buildResourcePattern(source, cache === withVariables);
    cache.set(source, pattern);
  }
  return pattern;
}

const plain = new BoundedMap<string, ResourcePattern>(10_000);
const withVariables = new BoundedMap<string, ResourcePattern>(10_000);

function buildResourcePattern(source: string, variables: boolean): ResourcePattern {
  const segments = splitRuns([{ text: source, wild: true }]);
  const resourcePart = variables && segments.length === 6 ? resourcePartOf(source) : undefined;
  if (resourcePart === undefined) return { source, arn: compileArnPattern(segments) };
  const template = parseTemplate(resourcePart.text);
  if (!hasPlaceholders(template)) return { source, arn: compileArnPattern(segments) };
  const { head } = resourcePart;
  const plainHead = head.every((runs) => runs.every((run) => !run.text.includes(':')));
  const headText = plainHead ? head.map((runs) => runs.map((run) => run.text).join('') + ':').join('') : undefined;
  return { source, head, headText, template };
}

/** Whether the entry has variables (so what it matches depends on the request context). */
export const hasVariables = (p: ResourcePattern): boolean => 'template' in p;

/** The variable keys a Resource entry references (none unless its resource part has variables). */
export const resourceVariableKeys = (p: ResourcePattern): string[] => ('template' in p ? templateKeys(p.template) : []);

/**
 * The resource part of a pattern: what follows the fifth colon that is not inside a `${...}`
 * (a variable name such as `${aws:username}` holds a colon of its own).
 */
function resourcePartOf(source: string): { head: PatternRun[][]; text: string } | undefined {
  let offset = 0;
  let colons = 0;
  const head: PatternRun[][] = [];
  let segmentStart = 0;
  for (const part of parseTemplate(source)) {
    const length = part.kind === 'text' ? part.text.length : part.raw.length;
    if (part.kind === 'text') {
      for (let i = 0; i < part.text.length; i++) {
        if (part.text.charCodeAt(i) !== 58 /* : */) continue;
        const at = offset + i;
        head.push([{ text: source.slice(segmentStart, at), wild: true }]);
        segmentStart = at + 1;
        if (++colons === 5) return { head, text: source.slice(segmentStart) };
      }
    }
    offset += length;
  }
  return undefined;
}

/**
 * Whether one Resource entry covers the request resource (split once with `readArn`).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards
 */
export function resourcePatternMatches(p: ResourcePattern, resource: SplitArn, lookup: ContextLookup): boolean {
  if ('arn' in p) return arnMatches(p.arn, resource, true);
  const runs = resolveTemplate(p.template, lookup);
  if (runs === undefined) return false; // a variable with no value: the pattern matches nothing
  return arnMatches(resolvedPattern(p.head, p.headText, runs), resource, true);
}

/** The ARN pattern a variable pattern spells once its resource part is resolved into `runs`. */
function resolvedPattern(head: readonly (readonly PatternRun[])[], headText: string | undefined, runs: readonly PatternRun[]): ArnPattern {
  // Substituted text is literal; when it holds no `*` or `?` that makes no difference, and the whole
  // pattern is one fixed pattern string, compiled once like any other.
  if (headText !== undefined && runs.every((run) => run.wild || !/[*?]/.test(run.text))) {
    const text = headText + runs.map((run) => run.text).join('');
    let pattern = resolved.get(text);
    if (pattern === undefined) {
      pattern = compileArnPattern(splitRuns([{ text, wild: true }]));
      // Smaller than the memo of written patterns: each request value can make a new text.
      resolved.set(text, pattern);
    }
    return pattern;
  }
  return compileArnPattern([...head, runs]);
}

const resolved = new BoundedMap<string, ArnPattern>(1_000);

/**
 * Resource: some entry matches. NotResource: no entry matches.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html
 */
export function matchesResource(
  element: { readonly negated: boolean; readonly patterns: readonly ResourcePattern[] },
  resource: SplitArn,
  lookup: ContextLookup,
): boolean {
  let listed = false;
  for (const p of element.patterns) {
    if (resourcePatternMatches(p, resource, lookup)) {
      listed = true;
      break;
    }
  }
  return element.negated ? !listed : listed;
}

/**
 * Resource/NotResource as written, when every entry is `*` or an ARN without `*`, `?` or `$` (most
 * entries): `*` covers every resource and such an ARN only itself (segment-wise matching of two
 * wildcard-free ARNs is string equality), so nothing needs compiling. `undefined` for any other
 * element, which takes the compiled path.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
export function matchesWrittenResource(element: { readonly negated: boolean; readonly patterns: readonly string[] }, resource: string): boolean | undefined {
  let listed = false;
  for (const source of element.patterns) {
    if (source !== '*' && PATTERN_CHAR.test(source)) return undefined;
    if (source === '*' || source === resource) {
      listed = true;
      break;
    }
  }
  return element.negated ? !listed : listed;
}

/** What makes an entry more than a plain ARN: a wildcard or (in 2012-10-17 policies) a variable. */
const PATTERN_CHAR = /[*?$]/;
