/**
 * The request context as the oracle reads it: condition key (lower-cased) → values.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
 *
 * - Key names are case-insensitive, including the tag-key part of `aws:RequestTag/…`.
 * - DECISION (the simulator API does not say): several entries for the same key (in any case) are
 *   merged, values in order, so the key becomes multivalued. No supplied value is dropped; "first
 *   wins" or "last wins" would be an arbitrary choice.
 * - DECISION: an entry with no values is the same as no entry (the key is absent). Empty-string values
 *   are kept; conditions/condition.ts decides where they count as a "null dataset".
 * - DECISION: `ContextKeyType` does not change matching. Values always travel as strings and the
 *   condition operator decides how to read them (a Numeric operator on "abc" is a type mismatch,
 *   see conditions/condition.ts); `…List` types only say the key may carry several values.
 */
import { memoised } from './memo.js';
import type { ContextEntry } from './types.js';

export type RequestContext = ReadonlyMap<string, readonly string[]>;

/**
 * Builds the lookup table from the simulator-style `ContextEntries` list.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ContextEntry.html
 */
export function requestContext(entries: readonly ContextEntry[]): RequestContext {
  const context = new Map<string, readonly string[]>();
  for (const entry of entries) addContextEntry(context, entry.key, entry.values);
  return context;
}

/** Adds one entry to a context being built (request.ts builds it while checking the entries). */
export function addContextEntry(context: Map<string, readonly string[]>, key: string, values: readonly string[]): void {
  if (values.length === 0) return;
  const lower = lowerKey(key);
  const existing = context.get(lower);
  // The request's own arrays are shared (never mutated); a merge makes a new one.
  context.set(lower, existing ? [...existing, ...values] : values);
}

/**
 * A context key lower-cased, memoised: requests and policies name the same few keys over and over,
 * and a remembered lower case is one lookup instead of a new string to build and hash every time.
 */
export const lowerKey = memoised((key: string) => key.toLowerCase(), 2_000);
