import { describe, expect, it } from 'vitest';
import { valuesNear } from './written-values.js';

describe('valuesNear', () => {
  it('gives a StringLike pattern an instance whose * spans a line break, after the plain instance', () => {
    expect(valuesNear('string', ['prod-*'])).toEqual(['prod-x', 'prod-*', 'PROD-*', 'prod-x\ny']);
  });

  it('gives a pattern without * no line-break instance', () => {
    expect(valuesNear('string', ['prod-?'])).toEqual(['prod-y', 'prod-?', 'PROD-?']);
  });
});
