import { describe, expect, it } from 'vitest';
import { DIFFERENTIAL_PROFILES, defaultPlan } from './defaults.js';
import { PROPERTIES } from './index.js';

describe('defaultPlan', () => {
  it('runs differential under every profile first, validation early, metamorphic under default', () => {
    const plan = defaultPlan(PROPERTIES);
    const labels = plan.map((r) => `${r.property.name}/${r.settings.profile}`);
    expect(labels.slice(0, 3)).toEqual(['differential/default', 'differential/operators', 'validation/default']);
    for (const p of DIFFERENTIAL_PROFILES) expect(labels).toContain(`differential/${p}`);
    for (const p of PROPERTIES.filter((x) => x.kind === 'metamorphic')) expect(labels).toContain(`${p.name}/default`);
    expect(plan.find((r) => r.settings.profile === 'operators')?.runsFactor).toBeGreaterThan(1);
  });

  it('excludes unsupported features from every setting and drops validation without malformed-policy', () => {
    const plan = defaultPlan(PROPERTIES, ['explicit-deny', 'malformed-policy']);
    expect(plan.every((r) => !r.settings.enableDeny && !r.settings.enableMalformed)).toBe(true);
    expect(plan.some((r) => r.property.kind === 'validation')).toBe(false);
  });

  it('has unique property names', () => {
    expect(new Set(PROPERTIES.map((p) => p.name)).size).toBe(PROPERTIES.length);
  });
});
