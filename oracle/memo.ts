/**
 * The oracle's one caching contract. Every cache in oracle/ is one of these two, and nothing else in
 * the oracle keeps state between evaluations:
 *
 * - `BoundedMap`: a memo keyed by text (an action, a pattern, a policy value, a request value) that
 *   empties itself when full, because generated runs bring endless new strings and memory must stay
 *   flat. Its values are pure functions of the key and immutable, so every caller may share them and
 *   clearing only costs time, never an answer. Used for: compiled action patterns and split request
 *   actions (action.ts), glob matchers (wildcard.ts), resource patterns and their resolved variable
 *   forms (resource.ts), read condition values per operator family (conditions/condition.ts), parsed IP
 *   values (validate/values.ts), a policy's statements per request action (compile.ts), and every
 *   `memoised` function.
 * - compile.ts's WeakMap from a policy document to its compiled form (from the document's second
 *   evaluation on): keyed by identity, so it lives exactly as long as the caller keeps the document.
 *
 * A new cache in the oracle is a BoundedMap with a bound and a reason, or it does not go in. The
 * generators use `memoised` under the same contract (near-miss lists of a written value or an ARN).
 */

/** A Map that clears itself before a `set` would take it past `bound` entries. */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly bound: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (this.size >= this.bound) this.clear();
    return super.set(key, value);
  }
}

/** A function of a string with a bounded memo of its answers (see the contract above). */
export function memoised<T>(read: (value: string) => T, bound = 10_000): (value: string) => T {
  const seen = new BoundedMap<string, T>(bound);
  return (value) => {
    let result = seen.get(value);
    if (result === undefined && !seen.has(value)) {
      result = read(value);
      seen.set(value, result);
    }
    return result as T;
  };
}
