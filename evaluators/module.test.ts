import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../harness/input-error.js';
import { caseFor } from '../testing/evaluator-fixtures/cases.js';
import { createModuleEvaluator, nameFromPath } from './module.js';

const fixtures = join(import.meta.dirname, '..', 'testing', 'evaluator-fixtures');

describe('module evaluator', () => {
  it('loads a JS module with its name, version and unsupported features', async () => {
    const ev = await createModuleEvaluator('scripted-module.mjs', { cwd: fixtures });
    expect(ev.spec).toBe('module:scripted-module.mjs');
    expect(ev.name).toBe('scripted');
    expect(ev.version).toBe('1.2.3');
    expect(ev.unsupportedFeatures).toEqual(['condition-binary']);
    const results = await ev.evaluate([caseFor('test:Allow'), caseFor('sagemaker:ListModels')]);
    expect(results).toEqual([
      { kind: 'verdict', verdict: { decision: 'allowed' } },
      { kind: 'verdict', verdict: { decision: 'implicitDeny' } },
    ]);
  });

  it('turns a throw or a malformed return into an errored result and goes on', async () => {
    const ev = await createModuleEvaluator(join(fixtures, 'scripted-module.mjs'));
    const [thrown, bad, nothing, after] = await ev.evaluate([
      caseFor('test:Throw'),
      caseFor('test:BadShape'),
      caseFor('test:Nothing'),
      caseFor('test:Allow'),
    ]);
    expect(thrown).toEqual({ kind: 'errored', message: 'evaluate threw: kaput' });
    expect(bad).toMatchObject({ kind: 'errored', message: expect.stringContaining('"decision" must be one of') });
    expect(nothing).toMatchObject({ kind: 'errored', message: expect.stringContaining('got undefined') });
    expect(after).toEqual({ kind: 'verdict', verdict: { decision: 'allowed' } });
  });

  it('errors a case whose promise never settles, and goes on', async () => {
    const ev = await createModuleEvaluator(join(fixtures, 'scripted-module.mjs'), { timeoutMs: 100 });
    expect(await ev.evaluate([caseFor('test:Hang'), caseFor('test:Allow')])).toEqual([
      { kind: 'errored', message: 'evaluate did not settle within 100 ms' },
      { kind: 'verdict', verdict: { decision: 'allowed' } },
    ]);
  });

  it('hands the evaluator a copy, so mutating it changes nothing outside', async () => {
    const ev = await createModuleEvaluator(join(fixtures, 'scripted-module.mjs'));
    const c = caseFor('test:Mutate');
    await ev.evaluate([c]);
    expect(c.request.action).toBe('test:Mutate');
  });

  it('loads a TypeScript module with a default export', async () => {
    const ev = await createModuleEvaluator(join(fixtures, 'default-export.ts'));
    expect(ev.name).toBe('default-export');
    expect(await ev.evaluate([caseFor('test:X')])).toEqual([{ kind: 'verdict', verdict: { decision: 'allowed' } }]);
  });

  it('rejects a missing file, a module without evaluate and unknown features as bad input', async () => {
    await expect(createModuleEvaluator('nope.mjs', { cwd: fixtures })).rejects.toThrow(InputError);
    await expect(createModuleEvaluator('nope.mjs', { cwd: fixtures })).rejects.toThrow(/nope\.mjs/);
    await expect(createModuleEvaluator(join(fixtures, 'no-evaluate.mjs'))).rejects.toThrow(/no `evaluate` function/);
    await expect(createModuleEvaluator(join(fixtures, 'bad-features.mjs'))).rejects.toThrow(
      /unsupportedFeatures\[1\].*no-such-feature/,
    );
  });

  it('names evaluators after their file, or its folder when the file name is generic', () => {
    expect(nameFromPath('/x/my-eval.ts')).toBe('my-eval');
    expect(nameFromPath('examples/python-evaluator/evaluate.py')).toBe('python-evaluator');
  });
});
