import { describe, expect, it } from 'vitest';
import { compare, describeResult, expectedVerdict } from './compare.js';

const verdict = (decision: 'allowed' | 'explicitDeny' | 'implicitDeny') => ({ kind: 'verdict', verdict: { decision } }) as const;
const rejection = { kind: 'verdict', verdict: { error: { code: 'Whatever', message: 'no' } } } as const;

describe('compare', () => {
  it('agrees on equal decisions and diverges on different ones', () => {
    expect(compare({ decision: 'allowed' }, verdict('allowed'))).toEqual({ kind: 'agree' });
    expect(compare({ decision: 'implicitDeny' }, verdict('explicitDeny'))).toEqual({
      kind: 'diverge',
      expected: { decision: 'implicitDeny' },
      actual: { decision: 'explicitDeny' },
    });
  });

  it('matches an expected error with any error verdict, and nothing else', () => {
    expect(compare(expectedVerdict('error'), rejection)).toEqual({ kind: 'agree' });
    expect(compare(expectedVerdict('error'), verdict('implicitDeny')).kind).toBe('diverge');
    expect(compare({ decision: 'implicitDeny' }, rejection).kind).toBe('diverge');
  });

  it('never counts an evaluator failure as a pass', () => {
    expect(compare({ decision: 'allowed' }, { kind: 'errored', message: 'timed out' })).toEqual({
      kind: 'errored',
      message: 'timed out',
    });
  });

  it('describes results in one line', () => {
    expect(describeResult(verdict('allowed'))).toBe('allowed');
    expect(describeResult(rejection)).toBe('error Whatever: no');
    expect(describeResult({ kind: 'errored', message: 'crash' })).toBe('errored (crash)');
  });
});
