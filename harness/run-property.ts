/**
 * Runs one property against one evaluator with fast-check: deterministic from the seed, shrinks the
 * first failure, and turns it into a `Failure` with a replay command, the oracle's trace and features.
 */
import fc from 'fast-check';
import type { Evaluator } from './evaluator.js';
import type { Catalogue } from '../generators/catalogue.js';
import type { GeneratorSettings } from '../generators/settings.js';
import { settingsExcluding } from '../generators/profiles.js';
import { isDefaultSelection, serviceSelectionText } from '../generators/services.js';
import { evaluate as oracle } from '../oracle/index.js';
import { isErrorVerdict, type Case, type Feature } from '../oracle/types.js';
import { answerOf } from './compare.js';
import { caseFeatures } from './features.js';
import { minimise } from './minimise.js';
import { minimisedMetamorphic } from './minimise-metamorphic.js';
import type { Counts, Failure } from './results.js';
import { evaluateAll, type ConformanceProperty, type Violation } from './property.js';
import { propertyReplay } from './replay.js';
import { withCause } from './cause.js';
import { InputError } from './input-error.js';

export interface PropertyRunOptions {
  readonly seed: number;
  /** Generated inputs to try (fast-check `numRuns`). */
  readonly runs: number;
  /** fast-check replay path: replays exactly that counterexample (no further search). */
  readonly path?: string;
  /** Generator settings: a profile with the evaluator's unsupported features excluded. */
  readonly settings: GeneratorSettings;
  readonly catalogue: Catalogue;
  /**
   * Features the run excludes (`--exclude-features`): the settings already never generate them; an
   * input carrying one anyway (a transformation's doing) is skipped like an unsupported one.
   */
  readonly excluded?: readonly Feature[];
  /** Called after each generated input (not during shrinking). */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface PropertyRun {
  readonly property: string;
  readonly kind: ConformanceProperty['kind'];
  readonly profile: string;
  readonly seed: number;
  readonly runs: number;
  /** Inputs checked before the search stopped; each input counts once, whatever its number of cases. */
  readonly counts: Counts;
  /**
   * Why the property was not run at all: every input needs a feature the evaluator does not support
   * (declared by the property, or found in every one of a sample of its inputs).
   */
  readonly skipReason?: string;
  /** Generated inputs it took to find the failure (1-based), when there is one. */
  readonly inputsToFailure?: number;
  readonly failure?: Failure;
  readonly durationMs: number;
}

export async function runProperty<T>(
  prop: ConformanceProperty<T>,
  evaluator: Evaluator,
  options: PropertyRunOptions,
): Promise<PropertyRun> {
  const started = Date.now();
  const unsupported = new Set<Feature>([...evaluator.unsupportedFeatures, ...(options.excluded ?? [])]);
  // A property's own settings (SCPs switched on, boundaries off) never bring back an excluded feature.
  const settings = prop.adjust ? settingsExcluding(prop.adjust(options.settings), [...unsupported]) : options.settings;
  const skipReason = options.path === undefined ? upFrontSkip(prop, settings, options, unsupported) : undefined;
  if (skipReason !== undefined) {
    const counts: Counts = { agree: 0, diverge: 0, expectedDivergence: 0, skipped: options.runs, errored: 0 };
    return { property: prop.name, kind: prop.kind, profile: settings.profile, seed: options.seed, runs: options.runs, counts, skipReason, durationMs: Date.now() - started };
  }
  let agree = 0;
  let skipped = 0;
  let searching = true;
  let inputs = 0;
  // A replay (--path) checks exactly the input the path leads to: fast-check walks there and calls the
  // predicate on it first; if it passes, the path replays nothing (the later calls are its siblings).
  let calls = 0;
  let pathPassed = false;

  const predicate = async (input: T): Promise<boolean> => {
    calls += 1;
    if (pathPassed) return true;
    // Tagging every case costs more than some evaluations: only when there is something to skip.
    const supported = unsupported.size === 0 || prop.cases(input).every((c) => caseFeatures(c).every((f) => !unsupported.has(f)));
    if (searching) inputs += 1;
    if (!supported) {
      if (searching) skipped += 1;
      fc.pre(false);
    }
    const violation = await safeCheck(prop, evaluator, input);
    if (violation === null && searching) {
      agree += 1;
      options.onProgress?.(inputs, options.runs);
    }
    if (violation !== null) searching = false;
    if (options.path !== undefined && calls === 1 && violation === null) pathPassed = true;
    return violation === null;
  };

  const params: fc.Parameters<[T]> = {
    seed: options.seed,
    numRuns: options.runs,
    ...(options.path !== undefined ? { path: options.path, endOnFailure: true } : {}),
    // Unsupported-feature skips should be rare: generators never produce excluded features.
    maxSkipsPerRun: 1000,
  };
  const result = await fc.check(fc.asyncProperty(prop.arbitrary(settings, options.catalogue), predicate), params);
  if (options.path !== undefined && (calls === 0 || pathPassed)) {
    throw new InputError(
      `--path ${options.path} does not replay a failure under --seed ${options.seed}, --property ${prop.name}, --profile ${settings.profile}: ` +
        (calls === 0 ? 'it leads to no input' : 'the input it leads to passes') +
        ' (a path found under another seed, property or profile, or a failure since fixed)',
    );
  }
  const base = { property: prop.name, kind: prop.kind, profile: settings.profile, seed: options.seed, runs: options.runs };
  const counts = (diverge: number, errored: number): Counts => ({ agree, diverge, expectedDivergence: 0, skipped, errored });
  if (!result.failed || result.counterexample === null) {
    return { ...base, counts: counts(0, 0), durationMs: Date.now() - started };
  }
  const [input] = result.counterexample;
  const found = (await safeCheck(prop, evaluator, input)) ?? fallbackViolation(prop, input, result);
  const violation = prop.kind === 'metamorphic' ? await minimisedMetamorphic(prop, input, found, evaluator) : await minimised(found, evaluator);
  const service = isDefaultSelection(settings.service) ? undefined : serviceSelectionText(settings.service);
  const failure = toFailure(prop, evaluator, settings.profile, options.seed, result.counterexamplePath ?? undefined, violation, service);
  return {
    ...base,
    counts: violation.kind === 'errored' ? counts(0, 1) : counts(1, 0),
    inputsToFailure: inputs,
    failure,
    durationMs: Date.now() - started,
  };
}

/** Inputs sampled to see whether a property can run at all against an evaluator's unsupported features. */
const SKIP_PROBE = 50;

/**
 * The reason to skip a property before generating its inputs one by one: it requires an unsupported
 * feature, or every one of SKIP_PROBE sampled inputs (same seed) sends a case with one. Otherwise a
 * property the evaluator cannot take spins through `runs × maxSkipsPerRun` rejected inputs.
 */
function upFrontSkip<T>(prop: ConformanceProperty<T>, settings: GeneratorSettings, options: PropertyRunOptions, unsupported: ReadonlySet<Feature>): string | undefined {
  if (unsupported.size === 0) return undefined;
  const required = (prop.requires ?? []).filter((f) => unsupported.has(f));
  if (required.length > 0) return `every input uses ${required.join(', ')}, which the evaluator does not support`;
  const inputs = fc.sample(prop.arbitrary(settings, options.catalogue), { seed: options.seed, numRuns: SKIP_PROBE });
  let common: Set<Feature> | undefined;
  for (const input of inputs) {
    const used = new Set(prop.cases(input).flatMap((c) => caseFeatures(c)).filter((f) => unsupported.has(f)));
    if (used.size === 0) return undefined;
    common = common === undefined ? used : new Set([...common].filter((f) => used.has(f)));
  }
  const named = common && common.size > 0 ? [...common].join(', ') : 'features';
  return `each of ${SKIP_PROBE} sampled inputs uses ${named} the evaluator does not support`;
}

/**
 * A differential or validation divergence on the smallest case that keeps it: the same evaluator answer
 * against the same oracle answer (so the cause stays the same). fast-check's shrink works on the
 * generator's recipe; this works on the case itself (harness/minimise.ts). The `--path` replay reruns
 * fast-check's counterexample and minimises it again, the same way: it shows the same minimised case as
 * the failure (and its divergence file).
 */
async function minimised(v: Violation, evaluator: Evaluator): Promise<Violation> {
  if (v.kind !== 'diverge' || v.actual.kind !== 'verdict') return v;
  const want = answerOf(v.expected ?? oracle(v.case));
  const got = answerOf(v.actual.verdict);
  const smallest = await minimise(v.case, async (cases) => {
    const results = await evaluateAll(evaluator, cases);
    return cases.map((c, i) => {
      const r = results[i];
      return r?.kind === 'verdict' && answerOf(r.verdict) === got && answerOf(oracle(c)) === want;
    });
  });
  if (smallest === v.case) return v;
  const [actual] = await evaluateAll(evaluator, [smallest]);
  return { ...v, case: smallest, expected: oracle(smallest), actual: actual ?? v.actual };
}

/** A check that throws is reported as the evaluator erroring on the input, never as a pass. */
async function safeCheck<T>(prop: ConformanceProperty<T>, evaluator: Evaluator, input: T): Promise<Violation | null> {
  try {
    return await prop.check(evaluator, input);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const c = prop.cases(input)[0] as Case;
    return { kind: 'errored', message: `check threw: ${message}`, case: c, actual: { kind: 'errored', message } };
  }
}

/** The shrunk input passed when re-checked (a flaky evaluator): report what fast-check saw. */
function fallbackViolation<T>(prop: ConformanceProperty<T>, input: T, result: fc.RunDetails<[T]>): Violation {
  const message = `failed during the search but passed when re-checked (flaky evaluator?): ${result.errorInstance instanceof Error ? result.errorInstance.message : JSON.stringify(result.errorInstance) ?? ''}`;
  return { kind: 'errored', message, case: prop.cases(input)[0] as Case, actual: { kind: 'errored', message } };
}

function toFailure(
  prop: ConformanceProperty<unknown> | ConformanceProperty<never>,
  evaluator: Evaluator,
  profile: string,
  seed: number,
  path: string | undefined,
  v: Violation,
  service: string | undefined,
): Failure {
  const oracleVerdict = oracle(v.case);
  const expected = v.expected ?? oracleVerdict;
  return withCause({
    id: `property-${prop.name}-${profile}-${seed}${path ? `-${path.replace(/:/g, '.')}` : ''}`,
    suite: 'properties',
    title: `${prop.name} [${profile}]: ${v.message}`,
    origin: { kind: 'property', property: prop.name, profile, seed, ...(path !== undefined ? { path } : {}) },
    case: v.case,
    features: caseFeatures(v.case),
    expected,
    actual: v.actual,
    ...(isErrorVerdict(oracleVerdict) || !oracleVerdict.trace ? {} : { oracleTrace: oracleVerdict.trace }),
    replay: propertyReplay(evaluator.spec, prop.name, profile, seed, path, service),
    required: true,
    ...(v.related ? { related: { ...v.related, expected: oracle(v.related.case) } } : {}),
  });
}
