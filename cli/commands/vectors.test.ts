import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempFiles } from '../../testing/cli-capture.js';

const SOURCE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html';
const vectors = [
  {
    description: 'Describe* grants only Describe actions',
    source: SOURCE,
    features: ['action-wildcard'],
    policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sagemaker:Describe*', Resource: '*' }] }],
    cases: [
      { description: 'DescribeEndpoint is allowed', request: { action: 'sagemaker:DescribeEndpoint' }, expected: 'allowed' },
      { description: 'ListEndpoints is not', request: { action: 'sagemaker:ListEndpoints' }, expected: 'implicitDeny' },
    ],
  },
];
const module = join(import.meta.dirname, '..', '..', 'testing', 'evaluator-fixtures', 'scripted-module.mjs');

describe('iam-conformance vectors', () => {
  it('passes against the oracle with exit 0 and a closing line', async () => {
    const dir = tempFiles({ 'actions.json': vectors });
    const { code, out } = await cli(['vectors', 'actions.json', '--evaluator', 'oracle', '--quiet', '--no-report'], dir);
    expect(out).toBe('2 passed, 0 failed\n');
    expect(code).toBe(0);
  });

  it('writes no report folder unless --report-dir names one', async () => {
    const dir = tempFiles({ 'actions.json': vectors });
    const plain = await cli(['vectors', 'actions.json', '--evaluator', 'oracle', '--quiet'], dir);
    expect([plain.code, plain.out]).toEqual([0, '2 passed, 0 failed\n']);
    expect(existsSync(join(dir, 'reports'))).toBe(false);
    const { code, out } = await cli(['vectors', 'actions.json', '--evaluator', 'oracle', '--quiet', '--report-dir', 'here'], dir);
    expect(code).toBe(0);
    expect(/^report: (.+)$/m.exec(out)?.[1]).toBe('here');
    expect(existsSync(join(dir, 'here', 'report.json'))).toBe(true);
    expect(existsSync(join(dir, 'here', 'junit.xml'))).toBe(true);
  });

  it('checks vectors against the oracle when no evaluator is named', async () => {
    const dir = tempFiles({ 'actions.json': vectors });
    const { code, out, err } = await cli(['vectors', 'actions.json', '--no-report'], dir);
    expect([code, out, err]).toEqual([0, '2 passed, 0 failed\n', 'vectors: 2 to run\nvectors: done\n']);
  });

  it('prints one line per failure and exits 1 when an evaluator diverges', async () => {
    const dir = tempFiles({ 'actions.json': vectors });
    const { code, out } = await cli(['vectors', dir, '--evaluator', `module:${module}`, '--quiet', '--no-report'], dir);
    expect(out.split('\n')).toEqual([
      'FAIL actions.json › Describe* grants only Describe actions › DescribeEndpoint is allowed: expected allowed, got implicitDeny',
      '1 passed, 1 failed',
      '',
    ]);
    expect(code).toBe(1);
  });

  it('tells the whole story of each failure with --details', async () => {
    const dir = tempFiles({ 'actions.json': vectors });
    const { out } = await cli(['vectors', 'actions.json', '--evaluator', `module:${module}`, '--details', '--quiet'], dir);
    expect(out).toContain('  expected: allowed\n  actual:   implicitDeny\n  oracle trace:\n    Decision: allowed\n');
    expect(out).toContain(`  replay: npx iam-conformance vectors actions.json --evaluator module:${module}\n`);
  });

  it('names the skipped cases count and writes a report folder when asked', async () => {
    const dir = tempFiles({ 'actions.json': vectors });
    const { code, out } = await cli(
      ['vectors', 'actions.json', '--evaluator', 'oracle', '--exclude-features', 'action-wildcard', '--report-dir', 'out', '--quiet'],
      dir,
    );
    expect(out).toContain('report: out\n');
    expect(out).toContain('0 passed, 0 failed, 2 skipped\n');
    expect(code).toBe(0);
  });

  it('exits 2 naming the file and JSON path of a bad vector file', async () => {
    const broken = [{ ...vectors[0], cases: [{ description: 'x', request: { action: 'a:B' }, expected: 'maybe' }] }];
    const dir = tempFiles({ 'broken.json': broken });
    const { code, err } = await cli(['vectors', 'broken.json', '--evaluator', 'oracle'], dir);
    expect(code).toBe(2);
    expect(err).toMatch(/broken\.json at \[0\]\.cases\[0\]\.expected/);
    expect(err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exits 2 on an unknown evaluator or feature', async () => {
    const dir = tempFiles({ 'actions.json': vectors });
    expect((await cli(['vectors', 'actions.json', '--evaluator', 'nope'], dir)).code).toBe(2);
    const bad = await cli(['vectors', 'actions.json', '--evaluator', 'oracle', '--features', 'teleport'], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--features: unknown feature "teleport"/);
  });

  it("applies the evaluator's recorded expectations when no --expectations flag is given", async () => {
    // iam-simulate reads epoch-second policy dates differently; specs/expectations/iam-simulate.json records it.
    const file = join(import.meta.dirname, '..', '..', 'specs', 'vectors', 'condition', 'date.json');
    const dir = tempFiles({});
    const recorded = await cli(['vectors', file, '--evaluator', 'iam-simulate', '--quiet', '--no-report'], dir);
    expect(recorded.out).toMatch(/expected divergence\(s\) recorded in .*iam-simulate\.json/);
    expect(recorded.code).toBe(0);
    const ignored = await cli(['vectors', file, '--evaluator', 'iam-simulate', '--quiet', '--no-report', '--no-expectations'], dir);
    expect(ignored.out).toContain('A policy date may be written as epoch seconds');
    expect(ignored.code).toBe(1);
  });
});
