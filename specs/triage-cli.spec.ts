import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../harness/package-root.js';
import { loadExpectations } from '../harness/expectations.js';
import { cli, tempFiles } from '../testing/cli-capture.js';

const mutant = `module:${join(packageRoot(), 'testing', 'mutants', 'deny-blind.ts')}`;

describe('iam-conformance triage', () => {
  it('lists each cause with its count, doc link and minimal example, and writes an expectations file that loads', async () => {
    const dir = tempFiles({});
    const r = await cli(['triage', '--evaluator', mutant, '--runs', '10', '--seed', '3', '--no-expectations', '--out', 'causes.json'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^triage deny-blind: \d+ cases, \d+ agree, 0 skipped, [1-9]\d* diverge, [1-9]\d* cause\(s\)$/m);
    expect(r.out).toMatch(/^## 1\. \d+ × .*\[explicitDeny→allowed ×\d+\]/m);
    expect(r.out).toMatch(/^ {2}doc: https:\/\/docs\.aws\.amazon\.com\//m);
    expect(r.out).toMatch(/^ {2}\{"policies":/m);
    const entries = loadExpectations(join(dir, 'causes.json'));
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.status === 'unconfirmed' && e.description.startsWith('TODO'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'causes.json'), 'utf8'))).toEqual(entries);
  });
});
