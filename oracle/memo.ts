/**
 * A function of a string with a bounded memo of its answers (cleared when full: runs bring endless
 * new strings). Only for pure functions whose results are immutable: every caller shares them.
 */
export function memoised<T>(read: (value: string) => T, bound = 10_000): (value: string) => T {
  const seen = new Map<string, T>();
  return (value) => {
    let result = seen.get(value);
    if (result === undefined && !seen.has(value)) {
      result = read(value);
      if (seen.size >= bound) seen.clear();
      seen.set(value, result);
    }
    return result as T;
  };
}
