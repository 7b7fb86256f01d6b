/**
 * The cause signature triage clusters by (harness/triage.ts): what kind of divergence it is (a valid case
 * decided differently, an invalid policy accepted, a valid one refused, a crash), the grammar rule an
 * accepted invalid policy breaks, and otherwise the telling value forms per operator family, the telling
 * features and — when neither tells — the base operators of the (minimised) case (harness/cause-forms.ts).
 * Answer pairs are left out: one cause is one cluster whatever the Effect it was seen through.
 */
import type { Case, Feature } from '../oracle/types.js';
import { brokenRules, conditionOperators, tellingFeatures, tellingForms } from './cause-forms.js';
import type { Answer } from './compare.js';
import { caseFeatures } from './features.js';

export type Actual = Answer | 'errored';

/**
 * `decides`: a valid case answered with another decision; `accepts`: an invalid policy evaluated;
 * `rejects`: a valid policy refused; `crash`: no answer at all.
 */
export type DivergenceKind = 'decides' | 'accepts' | 'rejects' | 'crash';

/** What a divergence hangs on; equal keys, one cause. */
export interface Signature {
  readonly key: string;
  readonly kind: DivergenceKind;
  /** The grammar rule an accepted (or crashing) invalid policy breaks. */
  readonly rule?: string;
  /** Telling value forms per operator family (harness/cause-forms.ts). */
  readonly forms: readonly string[];
  /** Base condition operators, when no form and no feature tells the cause. */
  readonly operators: readonly string[];
  /** Telling features. */
  readonly features: readonly Feature[];
  /** The request's action, when nothing else tells and another action makes the divergence go away. */
  readonly action?: string;
  /**
   * A valid policy refused: a regular expression of the evaluator's refusal (`CODE: message`), its
   * particulars (operator names, numbers) left open — the reason it gives is the cause.
   */
  readonly refusal?: string;
}

export interface TriageCause {
  readonly signature: string;
  /** The parts of the signature (none for a cause an entry already covers). */
  readonly parts?: Signature;
  /** Divergences with this cause. */
  readonly count: number;
  /** `expected→actual` answer pairs seen, with counts. */
  readonly pairs: Readonly<Record<string, number>>;
  /** The smallest minimised case of the cause, and the answers on it. */
  readonly example: Case;
  readonly expected: Answer;
  readonly actual: Actual;
  readonly features: readonly Feature[];
  /** Base condition operators the example uses. */
  readonly operators: readonly string[];
  /** The AWS page the cause is about. */
  readonly doc: string;
  /** The recorded expectation that already covers the example. */
  readonly coveredBy?: string;
}

export interface TriageResult {
  readonly cases: number;
  readonly agree: number;
  readonly skipped: number;
  readonly divergences: number;
  readonly causes: readonly TriageCause[];
}

/** The kind of a divergence, from the two answers. */
function kindOf(expected: Answer, actual: Actual): DivergenceKind {
  if (actual === 'errored') return 'crash';
  if (expected === 'error') return 'accepts';
  return actual === 'error' ? 'rejects' : 'decides';
}

/**
 * What a divergence hangs on: an accepted invalid policy (or a crash on one) by the grammar rule it
 * breaks; a refused valid one by the evaluator's reason (`refusal`: `CODE: message`); anything else by
 * its telling value forms per operator family, its telling features and, when neither tells, its base
 * operators. No answer pair: one cause, one cluster.
 */
export function signatureOf(c: Case, expected: Answer, actual: Actual, refusal?: string): Signature {
  const kind = kindOf(expected, actual);
  if (kind === 'rejects' && refusal !== undefined) {
    const pattern = refusalPattern(refusal);
    return { key: `rejects error:${pattern}`, kind, refusal: pattern, forms: [], operators: [], features: [] };
  }
  const rule = expected === 'error' ? brokenRules(c)[0] : undefined;
  if (rule !== undefined && (kind === 'accepts' || kind === 'crash')) {
    return { key: `${kind} rule:${rule}`, kind, rule, forms: [], operators: [], features: [] };
  }
  const forms = tellingForms(c);
  const features = tellingFeatures(caseFeatures(c), forms);
  // The operator is the suspect only when nothing else tells: a form names its operator family already,
  // and a feature (`IfExists` on an absent key, a 2008 Version) shows through any operator alike.
  const operators = forms.length === 0 && features.length === 0 ? conditionOperators(c) : [];
  return { key: [kind, ...forms, ...operators, ...features].join(' '), kind, forms, operators, features };
}

/** A signature in which nothing tells: no rule, refusal, form, operator or feature. */
export const blank = (p: Signature): boolean =>
  p.rule === undefined && p.refusal === undefined && p.forms.length + p.operators.length + p.features.length === 0;

/** The parts of a signature, as one list (the kind and rule apart). */
export const tokens = (p: Signature): string[] => [
  ...p.forms,
  ...p.operators,
  ...p.features,
  ...(p.action !== undefined ? [`action:${p.action}`] : []),
  ...(p.refusal !== undefined ? [`error:${p.refusal}`] : []),
];

const OPERATOR_NAME = /\b(?:(?:ForAllValues|ForAnyValue):)?(?:String|Numeric|Date|Bool|Binary|IpAddress|NotIpAddress|Arn|Null)[A-Za-z]*/g;

/**
 * A refusal's reason as a regular expression: the code and the message up to its first `: ` (the rest is
 * particulars), operator names and numbers left open — `UnsupportedOperator: condition operator Null` and
 * `… ArnLike` are one gap.
 */
export function refusalPattern(text: string): string {
  const head = text.split(': ').slice(0, 2).join(': ');
  const escaped = head.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return `^${escaped.replace(OPERATOR_NAME, '[A-Za-z:]+').replace(/\d+/g, '\\d+')}`;
}
