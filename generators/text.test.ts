import { describe, expect, it } from 'vitest';
import { flipCase, pick, questionAt, starAfter, unique } from './text.js';

describe('text helpers', () => {
  it('picks modulo the length', () => {
    expect(pick(['a', 'b', 'c'], 4)).toBe('b');
  });

  it('flips letter case by mask, mask 0 keeps the spelling', () => {
    expect(flipCase('sagemaker:List', 0)).toBe('sagemaker:List');
    expect(flipCase('abc', 0b101)).toBe('AbC');
    expect(flipCase('abc', 1 << 20).toLowerCase()).toBe('abc');
    expect(flipCase('abc', 1 << 20)).not.toBe('abc');
  });

  it('writes prefix wildcards and single-character wildcards after a fixed part', () => {
    expect(starAfter('sagemaker:CreateModel', 6, 10)).toBe('sagemaker:Create*');
    expect(questionAt('sagemaker:CreateModel', 0, 10)).toBe('sagemaker:?reateModel');
    expect(questionAt('a:b', 0, 1)).toBe('a:?');
  });

  it('deduplicates keeping the first occurrence', () => {
    expect(unique(['b', 'a', 'b'])).toEqual(['b', 'a']);
  });
});
