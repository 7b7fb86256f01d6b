import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FEATURES } from '../oracle/types.js';
import type { Feature } from '../oracle/types.js';
import { caseFeatures } from '../harness/features.js';
import { groupCases, loadVectorFiles } from '../harness/vector-file.js';
import type { VectorFile } from '../harness/vector-file.js';

// The linter of the known-answer vectors (JSON-Schema-Test-Suite / test262 style): the files are data,
// so this spec is what keeps contributions uniform, cited and honestly tagged.
const VECTORS_DIR = fileURLToPath(new URL('./vectors', import.meta.url));
const MIN_CASES = 250;

let files: VectorFile[] = [];
beforeAll(async () => {
  // loadVectorFiles validates every file against specs/schemas/vector.schema.json and throws otherwise.
  files = await loadVectorFiles([VECTORS_DIR]);
});

const name = (f: VectorFile) => relative(VECTORS_DIR, f.file);

/** Problems with one description, or [] (present tense, no "should", capital or action name first, no period). */
export function descriptionProblems(d: string): string[] {
  const out: string[] = [];
  if (/\bshould\b/i.test(d)) out.push('uses "should" (state what happens, in the present tense)');
  if (!/^([A-Z0-9]|[a-z0-9-]+:[A-Za-z*?])/.test(d)) out.push('starts with neither a capital letter nor an action name');
  if (/\.\s*$/.test(d)) out.push('ends with a period');
  if (d !== d.trim()) out.push('has leading or trailing spaces');
  return out;
}

describe('known-answer vectors', () => {
  it('load and validate against the vector schema', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it(`hold at least ${MIN_CASES} cases`, () => {
    const total = files.reduce((n, f) => n + f.groups.reduce((m, g) => m + g.cases.length, 0), 0);
    expect(total).toBeGreaterThanOrEqual(MIN_CASES);
  });

  it('have unique group descriptions per file and unique case descriptions per group', () => {
    const problems: string[] = [];
    for (const f of files) {
      const seen = new Set<string>();
      for (const g of f.groups) {
        if (seen.has(g.description)) problems.push(`${name(f)}: group "${g.description}" appears twice`);
        seen.add(g.description);
        const cases = new Set<string>();
        for (const c of g.cases) {
          if (cases.has(c.description)) problems.push(`${name(f)}: "${g.description}" has case "${c.description}" twice`);
          cases.add(c.description);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('describe groups and cases in the present tense, capitalised, without a trailing period', () => {
    const problems: string[] = [];
    for (const f of files) {
      for (const g of f.groups) {
        for (const d of [g.description, ...g.cases.map((c) => c.description)]) {
          for (const p of descriptionProblems(d)) problems.push(`${name(f)}: "${d}" ${p}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('cite an https documentation page in every group', () => {
    const problems: string[] = [];
    for (const f of files) {
      for (const g of f.groups) {
        let ok: boolean;
        try {
          ok = new URL(g.source).protocol === 'https:';
        } catch {
          ok = false;
        }
        if (!ok) problems.push(`${name(f)}: "${g.description}" source ${g.source} is not an https URL`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('give policies and permissions boundaries as arrays', () => {
    for (const f of files) {
      for (const g of f.groups) {
        expect(Array.isArray(g.policies), `${name(f)}: "${g.description}" policies`).toBe(true);
        expect(Array.isArray(g.permissionsBoundaries), `${name(f)}: "${g.description}" boundaries`).toBe(true);
      }
    }
  });

  it('declare every feature that caseFeatures computes for their cases', () => {
    const problems: string[] = [];
    for (const f of files) {
      for (const g of f.groups) {
        const declared = new Set<Feature>(g.features);
        for (const gc of groupCases(g)) {
          const missing = caseFeatures(gc.case).filter((x) => !declared.has(x));
          if (missing.length > 0) {
            problems.push(`${name(f)}: "${g.description}" / "${gc.description}" uses undeclared ${missing.join(', ')}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('tag every group that expects an error as malformed-policy, and explain every unconfirmed group', () => {
    const problems: string[] = [];
    for (const f of files) {
      for (const g of f.groups) {
        if (g.cases.some((c) => c.expected === 'error') && !g.features.includes('malformed-policy')) {
          problems.push(`${name(f)}: "${g.description}" expects an error but does not declare malformed-policy`);
        }
        if (g.unconfirmed && !g.note) problems.push(`${name(f)}: "${g.description}" is unconfirmed without a note`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('exercise every feature of FEATURES in some case', () => {
    const seen = new Set<Feature>();
    for (const f of files) for (const g of f.groups) for (const gc of groupCases(g)) for (const x of caseFeatures(gc.case)) seen.add(x);
    expect(FEATURES.filter((x) => !seen.has(x))).toEqual([]);
  });
});

describe('descriptionProblems', () => {
  it('accepts sentences and action names, rejects should, lowercase starts and periods', () => {
    expect(descriptionProblems('Describe* grants only Describe actions')).toEqual([]);
    expect(descriptionProblems('s3:GetObject is allowed')).toEqual([]);
    expect(descriptionProblems('It should allow')).toHaveLength(1);
    expect(descriptionProblems('allowed here.')).toHaveLength(2);
  });
});
