import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../harness/input-error.js';
import { resolveEvaluator } from './index.js';

const fixtures = join(import.meta.dirname, '..', 'testing', 'evaluator-fixtures');

describe('resolveEvaluator', () => {
  it('makes module and command evaluators from their specs', async () => {
    const mod = await resolveEvaluator('module:scripted-module.mjs', { cwd: fixtures });
    expect(mod.name).toBe('scripted');
    const cmd = await resolveEvaluator('cmd: node scripted-command.mjs', { cwd: fixtures });
    expect(cmd.spec).toBe('cmd:node scripted-command.mjs');
    expect(cmd.name).toBe('scripted-command');
    await cmd.close();
  });

  it('rejects an unknown spec listing the valid forms', async () => {
    const err = await resolveEvaluator('opa').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/unknown evaluator "opa".*\n.*oracle[\s\S]*module:PATH[\s\S]*cmd:COMMAND[\s\S]*iam-simulate[\s\S]*aws/);
  });

  it('rejects empty module and cmd specs', async () => {
    await expect(resolveEvaluator('module:')).rejects.toThrow(/needs a path/);
    await expect(resolveEvaluator('cmd:  ')).rejects.toThrow(/needs a command/);
  });
});
