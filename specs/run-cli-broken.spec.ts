import { describe, expect, it, vi } from 'vitest';
import { packageRoot } from '../harness/package-root.js';
import { cli, tempFiles } from '../testing/cli-capture.js';

const root = packageRoot();

// iam-simulate is installed here, so its absence is simulated: the real loader, asked for a package
// that does not exist, fails exactly as it would without @cloud-copilot/iam-simulate.
vi.mock('../evaluators/iam-simulate.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../evaluators/iam-simulate.js')>();
  return {
    ...real,
    createIamSimulateEvaluator: async () => {
      await real.loadIamSimulate('@cloud-copilot/iam-simulate-not-installed');
      throw new Error('unreachable: the loader above must throw');
    },
  };
});

describe('a broken or missing evaluator is one clear line and exit 2', () => {
  it('refuses a run without --evaluator when iam-simulate is not installed, naming the install command', async () => {
    const r = await cli(['run', '--quiet', '--no-report'], root);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/default evaluator iam-simulate is not installed\. Install it with: npm install --save-dev @cloud-copilot\/iam-simulate/);
    expect(r.out).toBe('');
  });

  it('stops before the suite when the command cannot be started', async () => {
    const r = await cli(['run', '--evaluator', 'cmd:does-not-exist-iam-conformance', '--quiet', '--no-report'], root);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^iam-conformance: the evaluator cmd:does-not-exist-iam-conformance cannot be used: it answered none of \d plain check cases: .*not found/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.out).toBe('');
  });

  it('stops before the suite when the command never answers, within the pre-flight timeout', async () => {
    const r = await cli(['vectors', '--evaluator', 'cmd:sleep 100000', '--timeout', '200', '--quiet'], root);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cmd:sleep 100000 cannot be used: it did not answer \d plain check cases within 0\.2 s/);
    expect(r.out).toBe('');
  });

  it('says once when most answers are errors of one kind', async () => {
    // Answers the two plain check cases, then fails every case the same way.
    const dir = tempFiles({
      'flaky.mjs': [
        'let n = 0;',
        "export function evaluate() { if (++n <= 2) return { decision: 'implicitDeny' }; throw new Error('connection refused (port 4123)'); }",
      ].join('\n'),
    });
    const r = await cli(['run', '--evaluator', 'module:flaky.mjs', '--suite', 'vectors', '--quiet', '--no-report'], dir);
    expect(r.code).toBe(1);
    const notices = r.err.match(/most answers are errors of one kind: \d+ of the first \d+ say "evaluate threw: connection refused \(port 4123\)"/g);
    expect(notices).toHaveLength(1);
  });
});
