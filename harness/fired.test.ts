import { describe, expect, it } from 'vitest';
import { ExpectationSet, type Expectation } from './expectations.js';
import { causeOf, firedDivergences } from './fired.js';

const entry = (id: string, over: Partial<Expectation> = {}): Expectation => ({
  id,
  description: `${id} happens`,
  match: { features: ['explicit-deny'] },
  expected: 'explicitDeny',
  actual: 'allowed',
  citation: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html',
  feature: 'explicit-deny',
  status: 'evaluator-bug',
  ...over,
});

describe('known divergences that fired', () => {
  it('names a cause by its field, else by the note prefix, else by the entry id', () => {
    expect(causeOf({ ...entry('a'), cause: 'deny-ignored' } as Expectation)).toBe('deny-ignored');
    expect(causeOf(entry('b', { note: 'cause: date-epoch-seconds. Date values may be ISO 8601.' }))).toBe('date-epoch-seconds');
    expect(causeOf(entry('c', { note: 'no cause named here' }))).toBe('c');
  });

  it('groups fired entries by cause and status, most hits first, and leaves out what did not fire', () => {
    const set = new ExpectationSet([
      entry('a', { note: 'cause: one.' }),
      entry('b', { note: 'cause: one.', citation: 'https://docs.aws.amazon.com/other.html' }),
      entry('c', { note: 'cause: two.', status: 'unconfirmed' }),
      entry('d', { note: 'cause: never.' }),
    ]);
    set.hits.set('a', 2).set('b', 1).set('c', 7);
    const fired = firedDivergences(set, 'specs/expectations/x.json');
    expect(fired).toMatchObject({ file: 'specs/expectations/x.json', entries: 4, fired: 3 });
    expect(fired?.causes.map((c) => [c.cause, c.status, c.hits, c.entries.length, c.links.length])).toEqual([
      ['two', 'unconfirmed', 7, 1, 1],
      ['one', 'evaluator-bug', 3, 2, 2],
    ]);
  });

  it('is absent when the run read no expectations', () => {
    expect(firedDivergences(new ExpectationSet([]), undefined)).toBeUndefined();
  });
});
