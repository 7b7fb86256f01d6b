/** BUG: the entries of a Condition block combine with OR (AWS: AND across operators and keys). */
import type { Case, Verdict } from '../../oracle/types.js';
import { entryHolds } from './support/condition-entries.js';
import { isObject, mapStatements } from './support/rewrite-case.js';
import { truth } from './support/probes.js';

export function evaluate(c: Case): Verdict {
  const v = truth(c);
  if ('error' in v) return v;
  return truth(
    mapStatements(c, (s, doc) => {
      if (!isObject(s.Condition)) return s;
      const version = typeof doc.Version === 'string' ? doc.Version : '2008-10-17';
      const entries = Object.entries(s.Condition).flatMap(([operator, keys]) =>
        isObject(keys) ? Object.entries(keys).map(([key, values]) => ({ operator, key, values, version, request: c.request })) : [],
      );
      if (entries.length < 2) return s;
      const holds = entries.some((e) => entryHolds(e));
      return { ...s, Condition: holds ? {} : { Null: { 'mutant:absent': 'false' } } };
    }),
  );
}
