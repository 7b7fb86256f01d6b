/**
 * The known divergences that fired in a run, grouped by cause: what a person needs in order not to
 * mistake "0 failed" for "conforms". Built from the expectations file and its hit counts.
 */
import type { Expectation, ExpectationSet } from './expectations.js';
import type { FiredCause, KnownDivergences } from './results.js';


/** The cause an expectation names (issue-16 style `cause` field, or the `cause: NAME.` note prefix). */
export function causeOf(e: Expectation): string {
  const field = (e as { readonly cause?: unknown }).cause;
  if (typeof field === 'string' && field !== '') return field;
  return /^cause: ([\w.-]+?)\.?(?:\s|$)/.exec(e.note ?? '')?.[1] ?? e.id;
}

/** The fired causes of a run, or undefined when it read no expectations. */
export function firedDivergences(set: ExpectationSet, file: string | undefined): KnownDivergences | undefined {
  if (file === undefined || set.entries.length === 0) return undefined;
  const byCause = new Map<string, { first: Expectation; entries: { id: string; hits: number }[]; links: Set<string> }>();
  for (const e of set.entries) {
    const hits = set.hits.get(e.id) ?? 0;
    if (hits === 0) continue;
    const key = `${causeOf(e)}\u0000${e.status}`;
    const c = byCause.get(key) ?? { first: e, entries: [], links: new Set<string>() };
    c.entries.push({ id: e.id, hits });
    c.links.add(e.citation);
    byCause.set(key, c);
  }
  const causes = [...byCause.values()]
    .map(({ first, entries, links }): FiredCause => ({
      cause: causeOf(first),
      status: first.status,
      feature: first.feature,
      links: [...links],
      description: first.description,
      hits: entries.reduce((n, e) => n + e.hits, 0),
      entries,
    }))
    .sort((a, b) => b.hits - a.hits || (a.cause < b.cause ? -1 : a.cause > b.cause ? 1 : 0));
  return { file, entries: set.entries.length, fired: causes.reduce((n, c) => n + c.entries.length, 0), causes };
}
