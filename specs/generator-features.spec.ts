/**
 * An evaluator's unsupported features are never generated: for each feature, cases generated with it
 * excluded never carry it (as `caseFeatures` computes features from content), in every profile.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue, type Catalogue } from '../generators/catalogue.js';
import { evaluationCase } from '../generators/evaluation-case.js';
import { malformedCase } from '../generators/malformed-case.js';
import { PROFILE_NAMES, PROFILES, profileSettings, settingsExcluding } from '../generators/profiles.js';
import { FEATURES, validatePolicy, type Case, type PolicyType } from '../oracle/index.js';
import { caseFeatures } from '../harness/features.js';
import { planProperties } from './properties/plan.js';

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = await loadCatalogue();
});

/** Every document of a case with the grammar it is read with. */
const docsOf = (c: Case): { doc: unknown; type: PolicyType }[] => [
  ...[...c.policies, ...(c.permissionsBoundaries ?? [])].map((doc) => ({ doc, type: 'identity' as const })),
  ...(c.serviceControlPolicies ?? []).flat().map((doc) => ({ doc, type: 'serviceControl' as const })),
  ...(c.resourcePolicy !== undefined ? [{ doc: c.resourcePolicy, type: 'resource' as const }] : []),
];

describe('generated cases and features', () => {
  it.each(FEATURES.filter((f) => f !== 'malformed-policy'))('never generate %s when it is excluded', (feature) => {
    // Profiles are presets of the same flags: the two that enable the most are enough.
    for (const profile of ['default', 'boundaries']) {
      const settings = profileSettings(profile, [feature])!;
      const cases = fc.sample(evaluationCase(catalogue, settings), { seed: 5, numRuns: 150 });
      const offending = cases.find((c) => caseFeatures(c).includes(feature));
      expect(offending, `${profile}: ${JSON.stringify(offending)}`).toBeUndefined();
    }
  });

  it.each(FEATURES.filter((f) => f !== 'malformed-policy'))('never sends %s from a metamorphic property when it is excluded', (feature) => {
    // A transformation can add what the generator left out (IfExists, a second policy): such a property leaves the plan.
    for (const { property, settings } of planProperties({ excluded: [feature] }).filter((r) => r.property.kind === 'metamorphic')) {
      const adjusted = property.adjust ? settingsExcluding(property.adjust(settings), [feature]) : settings;
      const inputs: unknown[] = fc.sample(property.arbitrary(adjusted, catalogue), { seed: 2, numRuns: 40 });
      const offending = inputs.flatMap((i) => property.cases(i)).find((c) => caseFeatures(c).includes(feature));
      expect(offending, `${property.name}: ${JSON.stringify(offending)}`).toBeUndefined();
    }
  });

  it('still generates every generatable feature in the default profile, and the chain features in theirs', () => {
    const seen = new Set(fc.sample(evaluationCase(catalogue, PROFILES.default!), { seed: 5, numRuns: 400 }).flatMap(caseFeatures));
    for (const profile of ['organizations', 'resource-policies', 'cross-account']) {
      for (const f of fc.sample(evaluationCase(catalogue, PROFILES[profile]!), { seed: 5, numRuns: 100 }).flatMap(caseFeatures)) seen.add(f);
    }
    // Binary keys do not exist in the catalogue; malformed policies come from their own arbitrary.
    const expected = FEATURES.filter((f) => f !== 'condition-binary' && f !== 'malformed-policy');
    expect(expected.filter((f) => !seen.has(f))).toEqual([]);
  });
});

describe('validity', () => {
  it.each(PROFILE_NAMES)('generates only valid policies in the %s profile', (profile) => {
    const cases = fc.sample(evaluationCase(catalogue, PROFILES[profile]!), { seed: 9, numRuns: 200 });
    for (const c of cases) {
      for (const d of docsOf(c)) {
        const r = validatePolicy(d.doc, { policyType: d.type });
        expect(r.ok, `${JSON.stringify(d)}: ${JSON.stringify(r.ok ? '' : r.errors)}`).toBe(true);
      }
    }
  });

  it('breaks exactly the announced rule in malformed cases', () => {
    const cases = fc.sample(malformedCase(catalogue, PROFILES.default!), { seed: 3, numRuns: 400 });
    const rules = new Set<string>();
    for (const m of cases) {
      rules.add(m.rule);
      const errors = docsOf(m.case).flatMap((d) => {
        const r = validatePolicy(d.doc, { policyType: d.type });
        return r.ok ? [] : r.errors.map((e) => e.rule);
      });
      expect(errors, `${m.rule} at ${m.where}: ${JSON.stringify(m.case.policies)}`).toContain(m.rule);
      expect(caseFeatures(m.case)).toContain('malformed-policy');
    }
    expect(rules.size).toBeGreaterThan(25);
  });
});
