import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isFeature, type Case, type Feature } from '../oracle/types.js';
import { InputError } from '../harness/input-error.js';
import { toVerdict } from './verdict-shape.js';
import type { Evaluator, EvaluatorResult } from '../harness/evaluator.js';

/** The function a module evaluator exports (named `evaluate`, or as its default export). */
export type ModuleEvaluate = (c: Case) => unknown;

export interface ModuleEvaluatorOptions {
  /** Relative paths are resolved against it. @defaultValue process.cwd() */
  readonly cwd?: string;
  /**
   * How long one case may take before it is errored and the run moves on (a promise that never
   * settles; a synchronous endless loop cannot be interrupted in process). @defaultValue 10000
   */
  readonly timeoutMs?: number;
}

const TS_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.tsx']);

/**
 * `module:PATH` — a JS or TS module exporting `evaluate(c: Case): Verdict | Promise<Verdict>` (named,
 * or default), and optionally `name`, `version` and `unsupportedFeatures`. A thrown error or a value
 * that is not a Verdict becomes an `errored` result for that case; the run goes on.
 */
export async function createModuleEvaluator(path: string, options: ModuleEvaluatorOptions = {}): Promise<Evaluator> {
  const spec = `module:${path}`;
  const file = resolve(options.cwd ?? process.cwd(), path);
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new InputError(`module evaluator not found (${file})`, { file: path });
  }
  const mod = await importModule(file, path);
  const evaluate = pickEvaluate(mod);
  if (!evaluate) {
    throw new InputError('the module exports no `evaluate` function (named export `evaluate` or a default export)', {
      file: path,
    });
  }
  const unsupportedFeatures = readFeatures(mod.unsupportedFeatures, path);
  return {
    spec,
    name: typeof mod.name === 'string' && mod.name !== '' ? mod.name : nameFromPath(file),
    ...(typeof mod.version === 'string' ? { version: mod.version } : {}),
    unsupportedFeatures,
    async evaluate(cases) {
      const out: EvaluatorResult[] = [];
      for (const c of cases) out.push(await evaluateOne(evaluate, c, options.timeoutMs ?? 10_000));
      return out;
    },
    async close() {},
  };
}

async function evaluateOne(evaluate: ModuleEvaluate, c: Case, timeoutMs: number): Promise<EvaluatorResult> {
  let value: unknown;
  let timer: NodeJS.Timeout | undefined;
  try {
    // A copy, so an evaluator that mutates its input cannot change what the oracle and report see.
    const answer = Promise.resolve(evaluate(structuredClone<Case>(c)));
    const timeout = new Promise<typeof TIMED_OUT>((r) => {
      timer = setTimeout(() => r(TIMED_OUT), timeoutMs);
    });
    value = await Promise.race([answer, timeout]);
    if (value === TIMED_OUT) return { kind: 'errored', message: `evaluate did not settle within ${timeoutMs} ms` };
  } catch (err) {
    return { kind: 'errored', message: `evaluate threw: ${err instanceof Error ? err.message : String(err)}` };
  } finally {
    clearTimeout(timer);
  }
  const checked = toVerdict(value);
  return checked.ok
    ? { kind: 'verdict', verdict: checked.verdict }
    : { kind: 'errored', message: `evaluate returned no verdict: ${checked.reason}` };
}

const TIMED_OUT = Symbol('timed out');

type ModuleNamespace = Record<string, unknown> & { default?: unknown };

async function importModule(file: string, shown: string): Promise<ModuleNamespace> {
  try {
    if (TS_EXTENSIONS.has(extname(file))) {
      // tsx compiles TypeScript on the fly, so users need no build step for a .ts evaluator.
      const { tsImport } = await import('tsx/esm/api');
      return (await tsImport(pathToFileURL(file).href, import.meta.url)) as ModuleNamespace;
    }
    return (await import(pathToFileURL(file).href)) as ModuleNamespace;
  } catch (cause) {
    throw new InputError(`cannot load module evaluator (${(cause as Error).message})`, { file: shown, cause });
  }
}

function pickEvaluate(mod: ModuleNamespace): ModuleEvaluate | undefined {
  if (typeof mod.evaluate === 'function') return mod.evaluate as ModuleEvaluate;
  if (typeof mod.default === 'function') return mod.default as ModuleEvaluate;
  // A default-exported object `{ evaluate }` (and a CommonJS module seen through ESM) also works.
  const inner = mod.default as Record<string, unknown> | undefined;
  if (inner && typeof inner === 'object' && typeof inner.evaluate === 'function') {
    return (inner.evaluate as ModuleEvaluate).bind(inner);
  }
  return undefined;
}

function readFeatures(value: unknown, file: string): Feature[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new InputError('`unsupportedFeatures` must be an array of feature names', { file });
  return value.map((f, i) => {
    if (typeof f !== 'string' || !isFeature(f)) {
      throw new InputError(`unknown feature ${JSON.stringify(f)}`, { file, jsonPath: `unsupportedFeatures[${i}]` });
    }
    return f;
  });
}

const GENERIC_NAMES = new Set(['evaluate', 'evaluator', 'eval', 'index', 'main', 'cli', 'run']);

/** A readable evaluator name from a file: `my-eval.ts` → `my-eval`; `x/python-evaluator/evaluate.py` → `python-evaluator`. */
export function nameFromPath(file: string): string {
  const stem = basename(file, extname(file));
  if (GENERIC_NAMES.has(stem.toLowerCase())) {
    const parent = basename(dirname(file));
    if (parent && parent !== '.' && parent !== '/') return parent;
  }
  return stem;
}
