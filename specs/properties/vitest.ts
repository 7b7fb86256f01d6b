/**
 * The conformance properties inside a vitest suite: one `it` per property, running the property under its
 * default profiles. Evaluator authors use it through `iam-conformance/vitest` (cli/vitest.ts), which also
 * takes the same `module:` / `cmd:` spec string as the CLI.
 *
 * A failure prints what a person needs and nothing else — the shrunk case, the oracle's answer and its
 * reasoning, the evaluator's answer, and the replay command — never an object diff of the failure.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Evaluator } from '../../harness/evaluator.js';
import { describeResult } from '../../harness/compare.js';
import { loadCatalogue } from '../../generators/catalogue.js';
import { evaluate, explainText } from '../../oracle/index.js';
import { DEFAULT_SERVICES, type ServiceSelection } from '../../generators/services.js';
import { DEFAULT_RUNS, DEFAULT_SEED, defaultPlan } from './defaults.js';
import { PROPERTIES } from './index.js';
import type { AnyProperty } from '../../harness/property.js';
import { runProperty, type PropertyRun } from '../../harness/run-property.js';

export interface ConformanceOptions {
  /** Inputs per property and profile. @defaultValue DEFAULT_RUNS */
  readonly runs?: number;
  /** @defaultValue DEFAULT_SEED */
  readonly seed?: number;
  /** Property names to run. @defaultValue all of PROPERTIES */
  readonly properties?: readonly string[];
  /** Services to generate for: prefixes, or `all` (`generators/services.ts`). @defaultValue DEFAULT_SERVICES */
  readonly service?: ServiceSelection;
  /** Close the evaluator after the suite. @defaultValue true */
  readonly close?: boolean;
}

/** The failure of a property run as a person reads it: case, both answers, the oracle's reasoning, replay. */
export function formatRun(run: PropertyRun): string {
  const f = run.failure;
  if (!f) return `${run.property} [${run.profile}] passed`;
  const lines = [
    f.title,
    `  case:     ${JSON.stringify(f.case)}`,
    `  expected: ${describeResult(f.expected)} (the oracle)`,
    `  actual:   ${describeResult(f.actual)}`,
  ];
  if (f.related) {
    lines.push(`  related (${f.related.description}): ${JSON.stringify(f.related.case)}`, `    its answer: ${describeResult(f.related.actual)}`);
  }
  lines.push('  oracle trace:', ...explainText(evaluate(f.case)).trimEnd().split('\n').map((l) => `    ${l}`));
  lines.push(`  replay: ${f.replay}`);
  return lines.join('\n');
}

export function describeConformance(evaluator: Evaluator | (() => Promise<Evaluator>), options: ConformanceOptions = {}): void {
  const chosen: AnyProperty[] = options.properties
    ? PROPERTIES.filter((p) => options.properties?.includes(p.name))
    : [...PROPERTIES];
  let instance: Promise<Evaluator> | undefined;
  const get = (): Promise<Evaluator> => (instance ??= typeof evaluator === 'function' ? evaluator() : Promise.resolve(evaluator));
  describe('IAM conformance properties', () => {
    // The plan depends on the evaluator's unsupported features, known only once it exists: one `it` per
    // property, running that property's profiles.
    for (const property of chosen) {
      it(`${property.name}: ${property.description}`, async () => {
        const ev = await get();
        const service = options.service ?? DEFAULT_SERVICES;
        const catalogue = await loadCatalogue(service);
        for (const { settings: profile, runsFactor } of defaultPlan([property], ev.unsupportedFeatures)) {
          const settings = { ...profile, service };
          const run = await runProperty(property, ev, {
            seed: options.seed ?? DEFAULT_SEED,
            runs: (options.runs ?? DEFAULT_RUNS) * runsFactor,
            settings,
            catalogue,
          });
          // The message alone: a diff of the Failure object would bury the case under 100 lines.
          if (run.failure) expect.fail(formatRun(run));
        }
      });
    }
    afterAll(async () => {
      if (options.close !== false && instance) await (await instance).close();
    });
  });
}
