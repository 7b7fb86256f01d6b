/**
 * ARN patterns, matched segment by segment (`arn:partition:service:region:account:resource`).
 * Shared by the Resource element and the Arn condition operators.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
 *
 * An ARN is split at its first five colons; the sixth part (the resource) keeps any further colons,
 * and a `*` there matches `/` and `:` alike. Wildcards in the first five segments stay inside the
 * segment — except, for the Resource element only, a `*` that is the last character of a segment may
 * "expand to match beyond colon boundaries" (current Resource page), which lets `arn:aws:s3:*` cover
 * every S3 ARN. Matching is case-sensitive in every segment (DECISION: per-segment case rules are
 * unconfirmed; the Resource page calls names case-sensitive and says nothing of the other segments).
 */
import { compileGlobRuns, globMatches, type Glob, type PatternRun } from './wildcard.js';

export const ARN_SEGMENTS = 6;

/** A compiled ARN pattern: one glob per colon-separated segment (at most six). */
export interface ArnPattern {
  readonly segments: readonly Glob[];
  /** Per segment: it ends in a wildcard `*`, so (for Resource) it may swallow later segments. */
  readonly endsWithStar: readonly boolean[];
  /**
   * The whole pattern when no segment has a wildcard. Segment-wise matching then comes down to
   * string equality (two strings split alike at their first five colons exactly when they are equal).
   */
  readonly exact: string | undefined;
  /**
   * Necessary conditions, checked first so most mismatches cost one comparison: whatever the
   * segments consume, a match starts with the text before the first wildcard, ends with the text
   * after the last one, and is at least `minLength` long.
   */
  readonly prefix: string;
  readonly suffix: string;
  readonly minLength: number;
}

/** An ARN (or any request string) split once at its first five colons, whole text kept. */
export interface SplitArn {
  readonly text: string;
  readonly parts: readonly string[];
}

/** Splits a request ARN once, for any number of patterns to match it. */
export const readArn = (text: string): SplitArn => ({ text, parts: splitArn(text) });

/**
 * Splits an ARN (or any string) at its first five colons.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
export function splitArn(value: string): string[] {
  const parts: string[] = [];
  let start = 0;
  while (parts.length < ARN_SEGMENTS - 1) {
    const colon = value.indexOf(':', start);
    if (colon < 0) break;
    parts.push(value.slice(start, colon));
    start = colon + 1;
  }
  parts.push(value.slice(start));
  return parts;
}

/**
 * Splits pattern runs at their first five colons (colons in any run, wild or literal).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
export function splitRuns(runs: readonly PatternRun[]): PatternRun[][] {
  const segments: PatternRun[][] = [[]];
  for (const run of runs) {
    let rest = run.text;
    for (;;) {
      const colon = segments.length < ARN_SEGMENTS ? rest.indexOf(':') : -1;
      if (colon < 0) break;
      segments[segments.length - 1]!.push({ text: rest.slice(0, colon), wild: run.wild });
      segments.push([]);
      rest = rest.slice(colon + 1);
    }
    segments[segments.length - 1]!.push({ text: rest, wild: run.wild });
  }
  return segments;
}

/**
 * Compiles the segments of an ARN pattern.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards
 */
export function compileArnPattern(segments: readonly (readonly PatternRun[])[]): ArnPattern {
  const globs = segments.map((runs) => compileGlobRuns(runs));
  const text = segments.map((runs) => runs.map((r) => r.text).join('')).join(':');
  // Wildcard positions in the joined text (segment separators are one colon each, never wild).
  let first = -1;
  let last = -1;
  let offset = 0;
  segments.forEach((runs, i) => {
    if (i > 0) offset++;
    for (const run of runs) {
      for (let k = 0; k < run.text.length; k++) {
        const code = run.text.charCodeAt(k);
        if (run.wild && (code === 42 /* * */ || code === 63) /* ? */) {
          if (first < 0) first = offset + k;
          last = offset + k;
        }
      }
      offset += run.text.length;
    }
  });
  return {
    segments: globs,
    endsWithStar: segments.map((runs) => {
      const lastRun = runs.findLast((r) => r.text.length > 0);
      return lastRun !== undefined && lastRun.wild && lastRun.text.endsWith('*');
    }),
    exact: first < 0 ? text : undefined,
    prefix: first < 0 ? text : text.slice(0, first),
    suffix: first < 0 ? '' : text.slice(last + 1),
    minLength: globs.reduce((sum, g) => sum + g.minLength, segments.length - 1),
  };
}

/**
 * Whether the split ARN `parts` matches the pattern. `spanColons` enables the Resource element's
 * rule that a segment-final `*` may cover following segments.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards
 */
export function arnMatches(pattern: ArnPattern, arn: SplitArn, spanColons: boolean): boolean {
  const { text, parts } = arn;
  if (pattern.exact !== undefined) return text === pattern.exact && (spanColons || parts.length === ARN_SEGMENTS);
  if (text.length < pattern.minLength || !text.startsWith(pattern.prefix) || !text.endsWith(pattern.suffix)) return false;
  if (!spanColons) {
    if (pattern.segments.length !== ARN_SEGMENTS || parts.length !== ARN_SEGMENTS) return false;
    return pattern.segments.every((glob, i) => globMatches(glob, parts[i]!));
  }
  return segmentsMatch(pattern, parts, 0, 0);
}

/** Pattern segments from `i` against request parts from `j`; each segment takes one or more parts. */
function segmentsMatch(pattern: ArnPattern, parts: readonly string[], i: number, j: number): boolean {
  const glob = pattern.segments[i]!;
  const part = parts[j];
  if (part === undefined || !globMatches(glob, part)) return false;
  const lastSegment = i === pattern.segments.length - 1;
  const lastPart = j === parts.length - 1;
  if (lastSegment) return lastPart || pattern.endsWithStar[i]!;
  if (lastPart) return false;
  if (segmentsMatch(pattern, parts, i + 1, j + 1)) return true;
  if (!pattern.endsWithStar[i]) return false;
  // The trailing `*` swallows `part` and then parts j+1..k-1 (colons included).
  for (let k = j + 2; k < parts.length; k++) {
    if (segmentsMatch(pattern, parts, i + 1, k)) return true;
  }
  return false;
}
