import { describe, expect, it, vi } from 'vitest';
import type { CliIo } from './io.js';
import { chooseEvaluator } from './choose-evaluator.js';
import { InputError } from '../harness/input-error.js';

// iam-simulate is installed here, so its absence is simulated.
vi.mock('../evaluators/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../evaluators/index.js')>();
  return {
    ...real,
    resolveEvaluator: async (spec: string) => {
      if (spec === 'iam-simulate') throw new InputError(`the iam-simulate evaluator needs its package: ${real.IAM_SIMULATE_INSTALL_HINT}`);
      return real.resolveEvaluator(spec);
    },
  };
});

const capture = () => {
  let err = '';
  const io: CliIo = { stdout: () => {}, stderr: (t) => void (err += t), interactive: false, cwd: process.cwd(), env: {} };
  return { io, err: () => err };
};

describe('chooseEvaluator', () => {
  // Never the oracle in its place: a gate that forgot --evaluator must not go green testing nothing.
  it('refuses, naming the install command, when the default is not installed and none was named', async () => {
    const { io, err } = capture();
    await expect(chooseEvaluator(undefined, io)).rejects.toThrow(
      /default evaluator iam-simulate is not installed\. Install it with: npm install --save-dev @cloud-copilot\/iam-simulate/,
    );
    expect(err()).toBe('');
  });

  it('never falls back when the evaluator was named', async () => {
    const { io } = capture();
    await expect(chooseEvaluator('iam-simulate', io)).rejects.toThrow(/npm install --save-dev @cloud-copilot\/iam-simulate/);
  });
});
