import { describe, expect, it } from 'vitest';
import { conditionHolds } from './condition.js';
import { condition, context, holds } from './test-helpers.js';

describe('String operators', () => {
  it('StringEquals compares exactly, case-sensitively, * literal', () => {
    expect(holds('StringEquals', ['red'], ['red'])).toBe(true);
    expect(holds('StringEquals', ['red'], ['Red'])).toBe(false);
    expect(holds('StringEquals', ['r*'], ['red'])).toBe(false);
    expect(holds('StringEquals', ['r*'], ['r*'])).toBe(true);
  });

  it('several policy values are OR for positive operators and NOR for negated ones', () => {
    expect(holds('StringEquals', ['red', 'blue'], ['blue'])).toBe(true);
    expect(holds('StringNotEquals', ['red', 'blue'], ['blue'])).toBe(false);
    expect(holds('StringNotEquals', ['red', 'blue'], ['green'])).toBe(true);
  });

  it('IgnoreCase forms ignore letter case', () => {
    expect(holds('StringEqualsIgnoreCase', ['RED'], ['red'])).toBe(true);
    expect(holds('StringNotEqualsIgnoreCase', ['RED'], ['red'])).toBe(false);
    expect(holds('StringNotEqualsIgnoreCase', ['RED'], ['blue'])).toBe(true);
  });

  it('StringLike has * and ? wildcards; StringNotLike negates', () => {
    expect(holds('StringLike', ['ml.c5.*'], ['ml.c5.xlarge'])).toBe(true);
    expect(holds('StringLike', ['ml.c5.*'], ['ml.m5.xlarge'])).toBe(false);
    expect(holds('StringLike', ['ml.?5.large'], ['ml.c5.large'])).toBe(true);
    expect(holds('StringLike', ['arn:aws:svc:*:111122223333:x/*'], ['arn:aws:svc:a:b:111122223333:x/y'])).toBe(true);
    expect(holds('StringNotLike', ['ml.c5.*'], ['ml.m5.xlarge'])).toBe(true);
    expect(holds('StringLike', ['Red'], ['red'])).toBe(false);
  });

  it('substitutes variables in values; escapes are literal even in StringLike', () => {
    const c = condition('StringEquals', 'aws:ResourceTag/owner', ['${aws:username}']);
    expect(conditionHolds(c, context({ 'aws:ResourceTag/owner': ['alice'], 'aws:username': ['alice'] }))[0]).toBe(true);
    expect(conditionHolds(c, context({ 'aws:ResourceTag/owner': ['alice'], 'aws:username': ['bob'] }))[0]).toBe(false);
    const like = condition('StringLike', 'test:Key', ['a${*}']);
    expect(conditionHolds(like, context({ 'test:Key': ['a*'] }))[0]).toBe(true);
    expect(conditionHolds(like, context({ 'test:Key': ['ab'] }))[0]).toBe(false);
  });

  it('keeps ${...} literal under 2008-10-17', () => {
    const c = condition('StringEquals', 'test:Key', ['${aws:username}'], { variables: false });
    expect(conditionHolds(c, context({ 'test:Key': ['${aws:username}'], 'aws:username': ['x'] }))[0]).toBe(true);
  });

  it('an unresolvable variable: positive operators do not match, negated ones do', () => {
    const ctx = context({ 'test:Key': ['alice'] });
    expect(conditionHolds(condition('StringEquals', 'test:Key', ['${aws:username}']), ctx)[0]).toBe(false);
    expect(conditionHolds(condition('StringNotEquals', 'test:Key', ['${aws:username}']), ctx)[0]).toBe(true);
    expect(conditionHolds(condition('StringLike', 'test:Key', ['${aws:username}*']), ctx)[0]).toBe(false);
    expect(conditionHolds(condition('StringNotLike', 'test:Key', ['${aws:username}*']), ctx)[0]).toBe(true);
  });
});
