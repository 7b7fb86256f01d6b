import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempFiles } from '../../testing/cli-capture.js';

const theCase = {
  policies: [
    {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'sagemaker:*', Resource: '*' },
        { Effect: 'Deny', Action: 'sagemaker:Delete*', Resource: '*' },
      ],
    },
  ],
  request: { action: 'sagemaker:DeleteModel' },
};

describe('iam-conformance eval', () => {
  it("prints the oracle's decision and trace", async () => {
    const dir = tempFiles({ 'case.json': theCase });
    const { code, out } = await cli(['eval', 'case.json'], dir);
    expect(code).toBe(0);
    expect(out).toMatch(/^Decision: explicitDeny\n/);
    expect(out).toMatch(/identity policy 0, statement 1/);
  });

  it('prints JSON with --json, defaults filled', async () => {
    const dir = tempFiles({ 'case.json': theCase });
    const { code, out } = await cli(['eval', 'case.json', '--json'], dir);
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as { case: { request: unknown }; verdict: { decision: string; trace: unknown[] } };
    expect(parsed.case.request).toEqual({ action: 'sagemaker:DeleteModel', resource: '*', context: [] });
    expect(parsed.verdict.decision).toBe('explicitDeny');
    expect(parsed.verdict.trace.length).toBeGreaterThan(0);
  });

  it('exits 2 naming the file and JSON path of a bad case file', async () => {
    const dir = tempFiles({ 'bad.json': { policies: [], request: { resource: '*' } }, 'syntax.json': '{"policies": [' });
    const bad = await cli(['eval', 'bad.json'], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/bad\.json at request\.action: must be a non-empty string/);
    const syntax = await cli(['eval', 'syntax.json'], dir);
    expect(syntax.code).toBe(2);
    expect(syntax.err).toMatch(/syntax\.json: invalid JSON at line 1/);
    expect((await cli(['eval', 'missing.json'], dir)).code).toBe(2);
  });

  it('asks another evaluator with --evaluator and exits 1 when it disagrees', async () => {
    const dir = tempFiles({ 'case.json': theCase });
    const mutant = join(import.meta.dirname, '..', '..', 'testing', 'mutants', 'deny-blind.ts');
    const bad = await cli(['eval', 'case.json', '--evaluator', `module:${mutant}`], dir);
    expect(bad.out).toMatch(/^deny-blind \(module:.*\): allowed — DISAGREES with the oracle$/m);
    expect(bad.code).toBe(1);
    const good = await cli(['eval', 'case.json', '--evaluator', 'oracle', '--json'], dir);
    expect(JSON.parse(good.out).evaluator).toMatchObject({ spec: 'oracle', outcome: 'agree' });
    expect(good.code).toBe(0);
  });
});
