import { InputError } from '../harness/input-error.js';
import { BASELINE_DECISIONS, createBaselineEvaluator, type BaselineDecision } from './baseline.js';
import { createCommandEvaluator } from './command.js';
import type { Evaluator } from '../harness/evaluator.js';
import { createModuleEvaluator } from './module.js';

export type { Evaluator, EvaluatorResult } from '../harness/evaluator.js';

export interface ResolveOptions {
  /** Relative module paths and commands are resolved/run here. @defaultValue process.cwd() */
  readonly cwd?: string;
  /** Environment for `cmd:` processes and the `aws` adapter. @defaultValue process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Per-case timeout of `cmd:` and `module:` evaluators. @defaultValue 10000 */
  readonly timeoutMs?: number;
  /** Receives the stderr of `cmd:` processes. */
  readonly onStderr?: (text: string) => void;
  /** Passed through to the `aws` adapter unchanged. */
  readonly aws?: Readonly<Record<string, unknown>>;
}

export const EVALUATOR_FORMS = [
  'oracle                 the reference evaluator itself',
  'module:PATH            a JS/TS module exporting evaluate(case)',
  'cmd:COMMAND            a program speaking JSON lines (docs/protocol.md)',
  'iam-simulate           @cloud-copilot/iam-simulate (dev dependency)',
  'aws                    AWS itself through SimulateCustomPolicy (live mode)',
  'baseline:DECISION      always answers allowed or implicitDeny (what "nothing implemented" scores)',
] as const;

export const IAM_SIMULATE_INSTALL_HINT = 'npm install --save-dev @cloud-copilot/iam-simulate';

/** Turns an `--evaluator` spec into a ready Evaluator; bad specs are an InputError listing the valid forms. */
export async function resolveEvaluator(spec: string, options: ResolveOptions = {}): Promise<Evaluator> {
  const trimmed = spec.trim();
  if (trimmed === 'oracle') {
    const { createOracleEvaluator } = await import('./oracle.js');
    return createOracleEvaluator();
  }
  if (trimmed.startsWith('module:')) {
    const path = trimmed.slice('module:'.length).trim();
    if (!path) throw new InputError('`module:` needs a path, e.g. module:./my-evaluator.ts');
    return createModuleEvaluator(path, {
      cwd: options.cwd ?? process.cwd(),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    });
  }
  if (trimmed.startsWith('cmd:')) {
    const command = trimmed.slice('cmd:'.length).trim();
    if (!command) throw new InputError('`cmd:` needs a command, e.g. "cmd:python3 evaluate.py"');
    return createCommandEvaluator(command, {
      cwd: options.cwd ?? process.cwd(),
      env: { ...process.env, ...(options.env ?? {}) },
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.onStderr ? { onStderr: options.onStderr } : {}),
    });
  }
  if (trimmed.startsWith('baseline:')) {
    const decision = trimmed.slice('baseline:'.length).trim();
    if (!(BASELINE_DECISIONS as readonly string[]).includes(decision)) {
      throw new InputError(`\`baseline:\` takes one of ${BASELINE_DECISIONS.join(', ')}, got "${decision}"`);
    }
    return createBaselineEvaluator(decision as BaselineDecision);
  }
  if (trimmed === 'iam-simulate') return loadIamSimulate();
  if (trimmed === 'aws') {
    const { createAwsEvaluator } = await import('./aws/index.js');
    return createAwsEvaluator({ env: options.env ?? process.env, cwd: options.cwd ?? process.cwd(), ...(options.aws ?? {}) });
  }
  throw new InputError(`unknown evaluator "${spec}"; valid forms:\n  ${EVALUATOR_FORMS.join('\n  ')}`);
}

/** True when the error says a package (not one of our files) could not be found. */
function isMissingPackage(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return (
    (e?.code === 'ERR_MODULE_NOT_FOUND' || e?.code === 'MODULE_NOT_FOUND') &&
    /@cloud-copilot\/iam-simulate/.test(e.message ?? '')
  );
}

async function loadIamSimulate(): Promise<Evaluator> {
  try {
    const { createIamSimulateEvaluator } = await import('./iam-simulate.js');
    return await createIamSimulateEvaluator();
  } catch (err) {
    if (isMissingPackage(err)) {
      throw new InputError(`the iam-simulate evaluator needs its package: ${IAM_SIMULATE_INSTALL_HINT}`, { cause: err });
    }
    throw err;
  }
}
