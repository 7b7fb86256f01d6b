/**
 * A failure's cause signature: what a person means by "the same bug". Two failures share a cause when
 * they have the same decision pair (expected → actual), the same deciding element of the deciding
 * statement (a Condition of one operator family, a NotResource, an Action wildcard, a rejected element)
 * and — for metamorphic properties — the same transformation. Features carried by the case but not by
 * its deciding statement (a second, irrelevant policy; an unrelated condition) are left out, so one
 * broken rule is one cause whatever else the shrunk case happens to hold.
 */
import { isErrorVerdict, type Case, type Feature, type PolicyDocument, type TraceStep, type Verdict } from '../oracle/types.js';
import type { EvaluatorResult } from './evaluator.js';
import { errorKind } from './error-watch.js';
import { caseFeatures } from './features.js';

export interface Cause {
  /** Stable key: equal signatures, one cause. */
  readonly signature: string;
  /** The cause in words: `expected explicitDeny, got allowed: a Deny decided by Condition String…`. */
  readonly title: string;
  /** The features of the deciding statement(s): what the per-feature table blames. */
  readonly features: readonly Feature[];
}

export interface CauseInput {
  readonly case: Case;
  /** The oracle's (or vector's) verdict. */
  readonly expected: Verdict;
  readonly actual: EvaluatorResult;
  readonly oracleTrace?: readonly TraceStep[];
  /** Metamorphic properties: the transformation and the answer on the transformed case. */
  readonly related?: { readonly description: string; readonly actual: EvaluatorResult };
  readonly property?: string;
}

type Stmt = Record<string, unknown>;
interface At {
  readonly policySet: TraceStep['policySet'];
  readonly policyIndex: number;
  readonly statementIndex: number;
  /** The SCP level, for `serviceControlPolicy`. */
  readonly level?: number;
}

const answer = (r: EvaluatorResult): string =>
  r.kind === 'errored' ? 'evaluator error' : r.kind === 'skipped' ? 'skipped' : isErrorVerdict(r.verdict) ? 'error' : r.verdict.decision;
const expectedWord = (v: Verdict): string => (isErrorVerdict(v) ? 'error' : v.decision);

function docsOf(c: Case, set: At['policySet'], level = 0): readonly PolicyDocument[] {
  switch (set) {
    case 'identity':
      return c.policies;
    case 'permissionsBoundary':
      return c.permissionsBoundaries ?? [];
    case 'serviceControlPolicy':
      return c.serviceControlPolicies?.[level] ?? [];
    case 'resourcePolicy':
      return c.resourcePolicy !== undefined ? [c.resourcePolicy] : [];
  }
}

function statementAt(c: Case, at: At): Stmt | undefined {
  const doc = docsOf(c, at.policySet, at.level)[at.policyIndex] as Record<string, unknown> | undefined;
  const body = doc && typeof doc === 'object' ? doc.Statement : undefined;
  const s = Array.isArray(body) ? (body[at.statementIndex] as unknown) : at.statementIndex === 0 ? body : undefined;
  return typeof s === 'object' && s !== null && !Array.isArray(s) ? (s as Stmt) : undefined;
}

/** `ForAllValues:StringNotLikeIfExists` → `ForAllValues:String negated IfExists`: the operator family. */
export function operatorFamily(op: string): string {
  const q = /^(ForAllValues|ForAnyValue):/i.exec(op)?.[1];
  let rest = q ? op.slice(q.length + 1) : op;
  const ifExists = /IfExists$/i.test(rest);
  if (ifExists) rest = rest.slice(0, -'IfExists'.length);
  const notIp = /^NotIpAddress$/i.test(rest);
  const base = notIp ? 'IpAddress' : (/^(String|Numeric|Date|Bool|Binary|IpAddress|Arn|Null)/i.exec(rest)?.[1] ?? rest);
  const negated = notIp || /Not/i.test(rest.slice(base.length));
  return `${q ? `${q}:` : ''}${base}${negated ? ' negated' : ''}${ifExists ? ' IfExists' : ''}`;
}

/** The element of a statement that a reader should look at, most specific first. */
function elementOf(c: Case, s: Stmt, steps: readonly TraceStep[], failing: boolean): string {
  // A missed statement: the first element that did not hold is the one an evaluator read differently.
  const pick = failing ? steps.find((t) => !t.holds && t.element !== 'Statement') : undefined;
  const conditionSteps = steps.filter((t) => t.element === 'Condition' && (!failing || !t.holds));
  const chosen = pick ?? conditionSteps[0];
  if (chosen?.element === 'Condition' || (!pick && conditionSteps.length)) {
    const detail = (chosen ?? conditionSteps[0])?.detail ?? '';
    const [op = '', ...keyParts] = detail.split('/');
    const key = keyParts.join('/');
    const entry = c.request.context.find((e) => e.key.toLowerCase() === key.toLowerCase());
    const state = !key ? '' : !entry || entry.values.length === 0 ? ', key absent' : entry.values.length > 1 || /List$/.test(entry.type) ? ', multi-valued key' : '';
    const variable = JSON.stringify(s.Condition ?? '').includes('${') ? ', policy variable' : '';
    return `Condition ${operatorFamily(op)}${state}${variable}`;
  }
  const element = pick?.element ?? (['NotAction', 'NotResource'] as const).find((e) => e in s) ?? (s.Resource !== undefined && s.Resource !== '*' ? 'Resource' : 'Action');
  const written = JSON.stringify(s[element] ?? '');
  const marks = [written.includes('${') ? 'policy variable' : '', /[*?]/.test(written.replace(/"\*"/g, '')) ? 'wildcard' : ''].filter(Boolean);
  return `${element}${marks.length ? ` (${marks.join(', ')})` : ''}`;
}

/** The statements behind the expected verdict (or, when none applied, the ones that missed). */
function decidingStatements(i: CauseInput, decision: string, got: string): { at: At[]; failing: boolean; role: string } {
  const trace = i.oracleTrace ?? (isErrorVerdict(i.expected) ? [] : (i.expected.trace ?? []));
  const applied = trace.filter((t) => t.element === 'Statement' && t.holds);
  const missed = trace.filter((t) => t.element === 'Statement' && !t.holds);
  const effect = (t: At) => statementAt(i.case, t)?.Effect;
  if (decision === 'explicitDeny') return { at: applied.filter((t) => effect(t) === 'Deny'), failing: false, role: 'a Deny applies' };
  if (decision === 'allowed') {
    return { at: applied.filter((t) => effect(t) === 'Allow' && (t.policySet === 'identity' || t.policySet === 'resourcePolicy')), failing: false, role: 'an Allow applies' };
  }
  // Implicit deny: the evaluator found an Allow (or a Deny) the oracle says does not apply.
  const want = got === 'explicitDeny' ? 'Deny' : 'Allow';
  const candidates = missed.filter((t) => effect(t) === want);
  if (candidates.length) return { at: candidates, failing: true, role: `no ${want} applies` };
  return { at: applied.filter((t) => effect(t) === 'Allow'), failing: false, role: 'the boundary allows nothing' };
}

const same = (a: At, b: At) =>
  a.policySet === b.policySet && a.policyIndex === b.policyIndex && a.statementIndex === b.statementIndex && (a.level ?? 0) === (b.level ?? 0);

/** The features of just these statements (and the request): the case cut down to what decided. */
function featuresOf(c: Case, at: readonly At[]): Feature[] {
  const keep = (set: At['policySet'], level?: number) =>
    docsOf(c, set, level).flatMap((d, policyIndex) => {
      const statements = at.filter((a) => a.policySet === set && a.policyIndex === policyIndex && (a.level ?? 0) === (level ?? 0));
      if (!statements.length) return [];
      const version = (d as Record<string, unknown>).Version;
      return [{ ...(version !== undefined ? { Version: version } : {}), Statement: statements.map((a) => statementAt(c, a)).filter(Boolean) }];
    });
  const boundaries = keep('permissionsBoundary');
  const scps = (c.serviceControlPolicies ?? []).map((_, level) => keep('serviceControlPolicy', level));
  const [resourcePolicy] = keep('resourcePolicy');
  const cut: Case = {
    policies: keep('identity'),
    ...(boundaries.length ? { permissionsBoundaries: boundaries } : {}),
    ...(scps.some((l) => l.length) ? { serviceControlPolicies: scps } : {}),
    ...(resourcePolicy ? { resourcePolicy } : {}),
    request: c.request,
  };
  const features = caseFeatures(cut);
  if (at.some((a) => statementAt(c, a)?.Effect === 'Deny') && !features.includes('explicit-deny')) features.push('explicit-deny');
  return [...new Set(features)].sort();
}

/** The element a rejection names: `policies[0].Statement[1].Effect` → `Statement.Effect`. */
const errorElement = (path: string | undefined): string =>
  (path ?? '').replace(/^(policies|permissionsBoundaries|serviceControlPolicies\[\d+\]|resourcePolicy)(\[\d+\])?\.?/, '').replace(/\[\d+\]/g, '') || 'the document';

const OPERATOR_NAME = /\b((ForAllValues|ForAnyValue):)?(String|Numeric|Date|Bool|Binary|IpAddress|NotIpAddress|Arn|Null)[A-Za-z]*/g;

/** Which policy type a deciding element sits in (identity policies need no word). */
const SET_LABEL: Readonly<Record<At['policySet'], string>> = {
  identity: '',
  permissionsBoundary: 'boundary ',
  serviceControlPolicy: 'SCP ',
  resourcePolicy: 'resource policy ',
};

/** The cause of one failure. */
export function causeOf(i: CauseInput): Cause {
  const got = answer(i.actual);
  const want = expectedWord(i.expected);
  if (i.actual.kind === 'errored') {
    const kind = errorKind(i.actual.message);
    return { signature: `errored|${kind}`, title: `the evaluator failed to answer: ${kind}`, features: [] };
  }
  if (i.related && i.property) {
    const pair = `answered ${got}, then ${answer(i.related.actual)} when ${i.related.description.replace(/\s*\(k=\d+\)$/, '')}`;
    return { signature: `metamorphic|${i.property}|${got}|${answer(i.related.actual)}`, title: `${i.property}: ${pair}`, features: caseFeatures(i.case) };
  }
  const pair = `expected ${want}, got ${got}`;
  if (!isErrorVerdict(i.expected) && i.actual.kind === 'verdict' && isErrorVerdict(i.actual.verdict)) {
    // A valid policy refused: the evaluator's own reason is the cause, whatever the decision would have been.
    const { code, message } = i.actual.verdict.error;
    // Operator names in the message are the particulars: "condition operator Bool" and "… ArnLike" are one gap.
    const kind = errorKind(message).replace(OPERATOR_NAME, '<operator>');
    const why = `${code}${message ? ` ${kind}` : ''}`;
    const { at } = decidingStatements(i, i.expected.decision, got);
    return { signature: `rejects-valid|${why}`, title: `rejects a valid policy: ${why}`, features: at.length ? featuresOf(i.case, at) : caseFeatures(i.case) };
  }
  if (isErrorVerdict(i.expected)) {
    const path = errorElement(i.expected.error.path);
    const where = path === 'the document' ? `the document (${errorKind(i.expected.error.message)})` : path;
    return { signature: `${pair}|reject|${where}`, title: `${pair}: the policy is invalid at ${where}`, features: ['malformed-policy'] };
  }
  const { at, failing, role } = decidingStatements(i, i.expected.decision, got);
  const trace = i.oracleTrace ?? i.expected.trace ?? [];
  const elements = [
    ...new Set(
      at.flatMap((a) => {
        const s = statementAt(i.case, a);
        return s ? [`${SET_LABEL[a.policySet]}${elementOf(i.case, s, trace.filter((t) => same(t, a)), failing)}`] : [];
      }),
    ),
  ].sort();
  const where = elements.length ? elements.join(' + ') : 'no statement';
  const rejected = got === 'error' ? ' (rejected a valid policy)' : '';
  const features = at.length ? featuresOf(i.case, at) : caseFeatures(i.case);
  return { signature: `${pair}|${role}|${where}`, title: `${pair}${rejected}: ${role}, decided by ${where}`, features };
}

/** The failure with its cause attached (every runner calls this as it records a failure). */
export function withCause<F extends CauseInput & { readonly origin: { readonly kind: string; readonly property?: string } }>(f: F): F & { readonly cause: Cause } {
  const property = f.origin.kind === 'property' ? f.origin.property : undefined;
  const errored = f.actual.kind === 'errored';
  const cause = causeOf({ ...f, ...(property !== undefined ? { property } : {}) });
  // An error says nothing of which feature broke: it stays on every feature of its case.
  return { ...f, cause: errored ? { ...cause, features: caseFeatures(f.case) } : cause };
}
