import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arnMatches, compileArnPattern, readArn, splitRuns, type ArnPattern } from './arn.js';

const compile = (source: string): ArnPattern => compileArnPattern(splitRuns([{ text: source, wild: true }]));

/** The same pattern with its shortcuts switched off: only the segment-by-segment walk decides. */
const walkOnly = (p: ArnPattern): ArnPattern => ({ ...p, exact: undefined, prefix: '', suffix: '', minLength: 0 });

// Short strings over a small alphabet, so that colons, wildcards and repeats meet often.
const text = fc.string({ unit: fc.constantFrom('a', 'b', ':', '*', '?', '/'), maxLength: 14 });

describe('arnMatches shortcuts', () => {
  it('never change an answer of the segment walk (Resource and Arn operators)', () => {
    fc.assert(
      fc.property(text, text, fc.boolean(), (pattern, value, spanColons) => {
        const compiled = compile(pattern);
        const arn = readArn(value.replace(/[*?]/g, 'a'));
        expect(arnMatches(compiled, arn, spanColons)).toBe(arnMatches(walkOnly(compiled), arn, spanColons));
      }),
      { numRuns: 20_000 },
    );
  });

  it('treat a wildcard-free pattern as exact text', () => {
    const p = compile('arn:aws:sagemaker:us-east-1:1:model/m');
    expect(p.exact).toBe('arn:aws:sagemaker:us-east-1:1:model/m');
    expect(arnMatches(p, readArn('arn:aws:sagemaker:us-east-1:1:model/m'), true)).toBe(true);
    expect(arnMatches(p, readArn('arn:aws:sagemaker:us-east-1:1:model/M'), true)).toBe(false);
    // Arn operators need six segments even when the text is equal.
    expect(arnMatches(compile('a:b'), readArn('a:b'), false)).toBe(false);
    expect(arnMatches(compile('a:b'), readArn('a:b'), true)).toBe(true);
  });

  it('keep the text around the wildcards as prefix and suffix', () => {
    const p = compile('arn:aws:sagemaker:*:*:model/m?x');
    expect([p.prefix, p.suffix, p.exact]).toEqual(['arn:aws:sagemaker:', 'x', undefined]);
  });
});
