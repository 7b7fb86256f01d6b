import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../harness/package-root.js';

// The package as a user meets it: the built bin and the `exports` map (npm test builds dist/ first).
const root = packageRoot();

describe('the installed package', () => {
  it('imports evaluate and validatePolicy by the package name from a module inside the checkout', () => {
    const dir = mkdtempSync(join(root, '.selfref-'));
    try {
      const file = join(dir, 'probe.mjs');
      writeFileSync(
        file,
        `import { evaluate, validatePolicy } from 'iam-conformance';
const v = evaluate({ policies: [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sagemaker:Describe*', Resource: '*' }] }],
  request: { action: 'sagemaker:DescribeEndpoint', resource: '*', context: [] } });
console.log(JSON.stringify([v.decision, validatePolicy({ Statement: [] }).ok]));`,
      );
      expect(execFileSync(process.execPath, [file], { encoding: 'utf8' }).trim()).toBe('["allowed",false]');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs the bin: vectors against the oracle pass, a bad path exits 2 naming it', () => {
    const bin = join(root, 'bin', 'iam-conformance.js');
    const ok = spawnSync(process.execPath, [bin, 'vectors', 'specs/vectors/action', '--evaluator', 'oracle', '--no-report'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(ok.stdout).toMatch(/^\d+ passed, 0 failed$/m);
    expect(ok.status).toBe(0);
    const bad = spawnSync(process.execPath, [bin, 'vectors', 'no/such/file.json', '--evaluator', 'oracle'], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('no/such/file.json');
  });
});
