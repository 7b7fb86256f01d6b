import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../harness/package-root.js';
import { cli } from '../testing/cli-capture.js';

const root = packageRoot();

describe('the shipped example evaluators', () => {
  it('runs the Python evaluator end to end over the cmd protocol and reports where it diverges', async () => {
    const { code, out } = await cli(
      ['vectors', 'specs/vectors', '--evaluator', 'cmd:python3 examples/python-evaluator/evaluate.py', '--quiet', '--no-report'],
      root,
    );
    const closing = /^(\d+) passed, (\d+) failed$/m.exec(out);
    expect(closing).not.toBeNull();
    const [passed, failed] = [Number(closing?.[1]), Number(closing?.[2])];
    // It implements the core (precedence, wildcards, two string operators): much passes…
    expect(passed).toBeGreaterThan(100);
    // …and it declares nothing else, so the rest diverges, each case named with both answers.
    expect(failed).toBeGreaterThan(0);
    expect(out).toMatch(/^FAIL .*: expected \w+, got error UnsupportedOperator: condition operator \w+$/m);
    // The process answered: failures are disagreements, not crashes or timeouts.
    expect(out).not.toMatch(/got errored/);
    expect(code).toBe(1);
  });

  it('runs the whole suite against the Python evaluator: shrunk counterexamples with a replay command, exit 1', async () => {
    const spec = 'cmd:python3 examples/python-evaluator/evaluate.py';
    const { code, out } = await cli(['run', '--evaluator', spec, '--runs', '10', '--quiet', '--no-report'], root);
    expect(out).toMatch(/^FAIL differential \[\w+\]: expected \w+, got error UnsupportedOperator/m);
    expect(out).toContain(`  replay: npx iam-conformance run --evaluator '${spec}' --seed `);
    expect(out).toMatch(/^\d+ passed, \d+ failed$/m);
    expect(out).not.toMatch(/errored \(/); // the process never crashed nor timed out
    expect(code).toBe(1);
  });

  it('runs the TypeScript module example, which wraps the oracle, with no required failure', async () => {
    const { code, out } = await cli(['vectors', 'specs/vectors', '--evaluator', `module:${join('examples', 'module-evaluator.ts')}`, '--quiet', '--no-report'], root);
    expect(out).toMatch(/^\d+ passed, 0 failed$/m);
    expect(code).toBe(0);
  });
});
