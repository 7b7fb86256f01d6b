import { describe, expect, it } from 'vitest';
import { BREAKAGES } from './breakages.js';

const valid = () => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'sagemaker:CreateModel', Resource: '*' }],
});

describe('BREAKAGES', () => {
  it('each changes a valid document', () => {
    for (const b of BREAKAGES) {
      for (const n of [0, 1, 2, 3]) {
        expect(JSON.stringify(b.apply(valid(), n)), b.rule).not.toBe(JSON.stringify(valid()));
      }
    }
  });

  it('covers the grammar rules the brief lists', () => {
    const rules = new Set(BREAKAGES.map((b) => b.rule));
    for (const r of ['effect-value', 'principal-forbidden', 'action-xor-notaction', 'resource-missing', 'version-value', 'sid-format', 'sid-unique', 'condition-operator-unknown', 'condition-null-ifexists', 'condition-value-numeric', 'condition-value-date', 'condition-value-ip', 'condition-value-bool', 'action-format', 'resource-format', 'action-empty', 'statement-type']) {
      expect(rules, r).toContain(r);
    }
  });
});
