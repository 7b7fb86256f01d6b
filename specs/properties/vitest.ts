/**
 * For TypeScript evaluator authors: run the conformance properties inside your own vitest suite.
 *
 *   import { describeConformance } from 'iam-conformance/vitest';   // package.json "exports"
 *   describeConformance(myEvaluator, { runs: 100 });
 *
 * One `it` per (property, profile) of the default plan; a failure prints the shrunk case, both answers
 * and the replay command.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Evaluator } from '../../harness/evaluator.js';
import { loadCatalogue } from '../../generators/catalogue.js';
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

/** A readable failure message: title, replay, the case and the answers. */
export function formatRun(run: PropertyRun): string {
  const f = run.failure;
  if (!f) return `${run.property} [${run.profile}] passed`;
  const lines = [f.title, `replay: ${f.replay}`, `case: ${JSON.stringify(f.case)}`, `actual: ${JSON.stringify(f.actual)}`];
  if (f.related) lines.push(`related (${f.related.description}): ${JSON.stringify(f.related.case)} → ${JSON.stringify(f.related.actual)}`);
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
          expect(run.failure, formatRun(run)).toBeUndefined();
        }
      });
    }
    afterAll(async () => {
      if (options.close !== false && instance) await (await instance).close();
    });
  });
}
