import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from './package-root.js';
import { isErrorVerdict, type Case, type Feature, type Verdict } from '../oracle/types.js';
import { brokenRules, caseForms } from './cause-forms.js';
import { answerOf, type Answer } from './compare.js';
import { InputError } from './input-error.js';
import { checkSchema } from './json-file.js';
import type { Outcome } from './results.js';
import { stableJson, wildcardRegExp } from './stable-json.js';

/** Which cases an expectation covers, when it is a family rather than one exact case. */
export interface ExpectationMatch {
  /** The case has all of these features. */
  readonly features?: readonly Feature[];
  /** Wildcard pattern on request.action (case-insensitive, like IAM actions). */
  readonly action?: string;
  /** Wildcard pattern on request.resource. */
  readonly resource?: string;
  /** A condition operator used in a policy or boundary, as written (e.g. `ForAllValues:StringNotLike`). */
  readonly operator?: string;
  /**
   * A condition operator used in a policy or boundary with any set qualifier and with or without
   * `IfExists`: `ArnNotEquals` covers `ArnNotEqualsIfExists` and `ForAnyValue:ArnNotEquals`.
   */
  readonly operatorFamily?: string;
  /**
   * Value forms the case has, per operator family, as triage names them (harness/cause-forms.ts):
   * `Numeric|request-spaces`, `String|variable-missing`, `Resource|short-pattern`, `Request|resource-star`.
   */
  readonly forms?: readonly string[];
  /** A grammar rule (oracle/validate) one of the case's documents breaks, e.g. `sid-unique`. */
  readonly rule?: string;
  /**
   * A JavaScript regular expression (source, no flags) found in the evaluator's refusal, written
   * `CODE: message` (`^UnsupportedOperator: condition operator `): the reason it gives for an `error`.
   */
  readonly error?: string;
  /** Text the compact JSON of the case contains. */
  readonly contains?: string;
  /**
   * A JavaScript regular expression (source, no flags) found somewhere in the compact JSON of the case
   * (`JSON.stringify(case)`). Lets a family name its cause precisely (e.g. an epoch-second date value).
   */
  readonly pattern?: string;
  /** Flags for `pattern`: `i` (condition keys are case-insensitive), `s`, `u`. */
  readonly patternFlags?: string;
}

/** One known divergence of one evaluator (format: specs/expectations/README.md). */
export interface Expectation {
  readonly id: string;
  readonly description: string;
  readonly case?: Case;
  readonly match?: ExpectationMatch;
  /** The oracle's (or vector's) answer; `any`: whatever it is (an entry for a cause, not one answer pair). */
  readonly expected: Answer | 'any';
  /**
   * The evaluator's answer; `any`: any answer that differs (not a crash); `errored`: it failed to answer
   * (a crash), excused in generated properties only.
   */
  readonly actual: Answer | 'errored' | 'any';
  readonly citation: string;
  readonly feature: Feature;
  readonly status: 'evaluator-bug' | 'unconfirmed';
  readonly note?: string;
}

/** `specs/expectations/<name>.json` of the installed suite. */
export const expectationsFileFor = (evaluatorName: string, root = packageRoot()): string =>
  join(root, 'specs', 'expectations', `${evaluatorName}.json`);

/** Reads and validates an expectations file; problems are InputErrors naming the file and JSON path. */
export function loadExpectations(file: string): Expectation[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new InputError(`cannot read expectations (${(cause as Error).message})`, { file, cause });
  }
  checkSchema('expectations', data, file, (err) => err.message ?? 'breaks the expectations schema');
  const list = data as Expectation[];
  const seen = new Set<string>();
  list.forEach((e, i) => {
    if (seen.has(e.id)) throw new InputError(`duplicate id "${e.id}"`, { file, jsonPath: `[${i}].id` });
    seen.add(e.id);
    if (e.match?.pattern !== undefined) {
      try {
        patternRegExp(e.match.pattern, e.match.patternFlags);
      } catch (cause) {
        throw new InputError(`not a regular expression (${(cause as Error).message})`, { file, jsonPath: `[${i}].match.pattern`, cause });
      }
    }
    if (e.match?.error !== undefined) {
      try {
        patternRegExp(e.match.error);
      } catch (cause) {
        throw new InputError(`not a regular expression (${(cause as Error).message})`, { file, jsonPath: `[${i}].match.error`, cause });
      }
    }
  });
  return list;
}

/** The expectations of an evaluator by name; none when the file does not exist. */
export function expectationsFor(evaluatorName: string, root?: string): ExpectationSet {
  const file = expectationsFileFor(evaluatorName, root);
  return new ExpectationSet(existsSync(file) ? loadExpectations(file) : [], existsSync(file) ? file : undefined);
}

/** A loaded expectations file that turns matching divergences into expected ones, and counts its hits. */
export class ExpectationSet {
  private readonly exact = new Map<string, Expectation[]>();
  private readonly families: Expectation[] = [];
  readonly hits = new Map<string, number>();

  constructor(
    readonly entries: readonly Expectation[],
    readonly file?: string,
  ) {
    for (const e of entries) {
      if (e.case) {
        const key = caseKey(e.case);
        this.exact.set(key, [...(this.exact.get(key) ?? []), e]);
      } else this.families.push(e);
    }
  }

  /** How many divergences each entry excused, every entry listed (0 = maybe fixed upstream), by id. */
  hitsRecord(): Record<string, number> {
    return Object.fromEntries(this.entries.map((e) => [e.id, this.hits.get(e.id) ?? 0]));
  }

  /** The expectation this divergence is, if any: same answers, and the same case or a matching family. */
  find(c: Case, features: readonly Feature[], expected: Verdict, actual: Verdict): Expectation | undefined {
    const [want, got] = [answerOf(expected), answerOf(actual)];
    const same = (e: Expectation) => (e.expected === 'any' || e.expected === want) && (e.actual === 'any' || e.actual === got);
    return (
      (this.exact.get(caseKey(c)) ?? []).find(same) ??
      this.families.find((e) => same(e) && e.match !== undefined && matches(e.match, c, features, actual))
    );
  }

  /**
   * A recorded crash: the evaluator failed to answer a case the oracle answers `expected`. Counted as a
   * hit. Only the properties use it (they answer the case from the oracle); Outcome has no crash form.
   */
  knownCrash(c: Case, features: readonly Feature[], expected: Verdict): Expectation | undefined {
    const want = answerOf(expected);
    const wanted = (x: Expectation) => x.actual === 'errored' && (x.expected === 'any' || x.expected === want);
    const e = this.families.find((x) => wanted(x) && x.match !== undefined && matches(x.match, c, features)) ??
      (this.exact.get(caseKey(c)) ?? []).find(wanted);
    if (e) this.hits.set(e.id, (this.hits.get(e.id) ?? 0) + 1);
    return e;
  }

  /** A divergence that is known becomes `expectedDivergence`; every other outcome passes through. */
  apply(outcome: Outcome, c: Case, features: readonly Feature[]): Outcome {
    if (outcome.kind !== 'diverge') return outcome;
    const e = this.find(c, features, outcome.expected, outcome.actual);
    if (!e) return outcome;
    this.hits.set(e.id, (this.hits.get(e.id) ?? 0) + 1);
    return { kind: 'expectedDivergence', expected: outcome.expected, actual: outcome.actual, expectationId: e.id };
  }
}

export const NO_EXPECTATIONS = (): ExpectationSet => new ExpectationSet([]);

/** Defaults filled and an empty boundary list dropped, so equal cases compare equal. */
function caseKey(c: Case): string {
  return stableJson({
    policies: c.policies,
    permissionsBoundaries: c.permissionsBoundaries?.length ? c.permissionsBoundaries : undefined,
    serviceControlPolicies: c.serviceControlPolicies?.length ? c.serviceControlPolicies : undefined,
    resourcePolicy: c.resourcePolicy,
    request: {
      action: c.request.action,
      resource: c.request.resource ?? '*',
      context: c.request.context ?? [],
      caller: c.request.caller,
      resourceOwner: c.request.resourceOwner,
    },
  });
}

function matches(m: ExpectationMatch, c: Case, features: readonly Feature[], actual?: Verdict): boolean {
  if (m.error !== undefined && !(actual !== undefined && isErrorVerdict(actual) && patternRegExp(m.error).test(`${actual.error.code}: ${actual.error.message}`))) return false;
  if (m.features && !m.features.every((f) => features.includes(f))) return false;
  if (m.action && !wildcardRegExp(m.action, 'i').test(c.request.action)) return false;
  if (m.resource && !wildcardRegExp(m.resource).test(c.request.resource)) return false;
  const docs = [...c.policies, ...(c.permissionsBoundaries ?? []), ...(c.serviceControlPolicies ?? []).flat(), ...(c.resourcePolicy !== undefined ? [c.resourcePolicy] : [])];
  if (m.operator && !usesOperator(docs, (op) => op === m.operator)) return false;
  if (m.operatorFamily) {
    const family = m.operatorFamily;
    if (!usesOperator(docs, (op) => baseOperator(op) === family)) return false;
  }
  if (m.forms) {
    const forms = caseForms(c);
    if (!m.forms.every((f) => forms.includes(f))) return false;
  }
  if (m.rule && !brokenRules(c).includes(m.rule)) return false;
  if (m.contains && !JSON.stringify(c).includes(m.contains)) return false;
  if (m.pattern && !patternRegExp(m.pattern, m.patternFlags).test(JSON.stringify(c))) return false;
  return true;
}

const patterns = new Map<string, RegExp>();
/** Compiled once per source and flags; a bad source was refused when the file was loaded. */
function patternRegExp(source: string, flags = ''): RegExp {
  const key = `${flags}/${source}`;
  let re = patterns.get(key);
  if (!re) patterns.set(key, (re = new RegExp(source, flags)));
  return re;
}

/** `ForAnyValue:StringEqualsIfExists` → `StringEquals`. */
const baseOperator = (op: string): string => op.replace(/^For(?:Any|All)Values?:/, '').replace(/IfExists$/, '');

function usesOperator(docs: readonly unknown[], test: (operator: string) => boolean): boolean {
  return docs.some((doc) => {
    const statements = (doc as { Statement?: unknown })?.Statement;
    return [statements ?? []].flat().some((s) => {
      const cond = (s as { Condition?: unknown })?.Condition;
      return cond !== null && typeof cond === 'object' && Object.keys(cond).some(test);
    });
  });
}

/**
 * The expectations a verb runs with, from its `--expectations FILE` / `--no-expectations` flag: the named
 * file, none, or (flag absent — commander leaves it undefined) the evaluator's own file.
 */
export function expectationsFromFlag(flag: string | boolean | undefined, evaluatorName: string, cwd: string): ExpectationSet {
  if (typeof flag === 'string') {
    const file = resolve(cwd, flag);
    return new ExpectationSet(loadExpectations(file), file);
  }
  return flag === false ? new ExpectationSet([]) : expectationsFor(evaluatorName);
}
