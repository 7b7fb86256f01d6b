import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

  it('runs from its sources through tsx when dist/ is not built (a fresh clone after npm ci)', () => {
    // A checkout without dist/: the bin beside links to the sources and dependencies.
    const dir = mkdtempSync(join(tmpdir(), 'iam-conformance-nodist-'));
    try {
      mkdirSync(join(dir, 'bin'));
      copyFileSync(join(root, 'bin', 'iam-conformance.js'), join(dir, 'bin', 'iam-conformance.js'));
      for (const name of ['cli', 'node_modules', 'package.json']) symlinkSync(join(root, name), join(dir, name));
      const r = spawnSync(process.execPath, [join(dir, 'bin', 'iam-conformance.js'), '--version'], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.stdout.trim()).toBe((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('builds before packing, never on install, and names its repository', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      repository?: unknown;
      homepage?: string;
      bugs?: unknown;
      files: string[];
    };
    expect(pkg.scripts.prepack).toBe('npm run build');
    expect(Object.keys(pkg.scripts).filter((s) => ['prepare', 'preinstall', 'install', 'postinstall'].includes(s))).toEqual([]);
    expect(pkg.repository && pkg.homepage && pkg.bugs).toBeTruthy();
    expect(pkg.files).toEqual(expect.arrayContaining(['docs', 'examples']));
  });
});
