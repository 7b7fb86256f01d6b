import type { Failure } from '../harness/results.js';
import { isErrorVerdict, type MatchedStatement, type PolicySet, type TraceStep } from '../oracle/types.js';

/** The statement that decided the expected verdict, with the oracle's reasons, for a reader. */
export interface DecidingStatement {
  /** One line: `policies[0].Statement[1] (Deny, Sid "X")`, or why no statement decided. */
  readonly summary: string;
  /** The statement as written in the case, when one decided. */
  readonly statement?: unknown;
  /** The oracle's trace steps for that statement, one line each. */
  readonly reasons: readonly string[];
}

type Coordinates = Pick<MatchedStatement, 'policySet' | 'policyIndex' | 'statementIndex' | 'level'>;

/** The JSON path of the document a statement sits in. */
function documentPath(c: Coordinates): string {
  switch (c.policySet) {
    case 'identity':
      return `policies[${c.policyIndex}]`;
    case 'permissionsBoundary':
      return `permissionsBoundaries[${c.policyIndex}]`;
    case 'serviceControlPolicy':
      return `serviceControlPolicies[${c.level ?? 0}][${c.policyIndex}]`;
    case 'resourcePolicy':
      return 'resourcePolicy';
  }
}

export const statementLocation = (c: Coordinates): string => `${documentPath(c)}.Statement[${c.statementIndex}]`;

const sameStatement = (a: Coordinates, b: Coordinates): boolean =>
  a.policySet === b.policySet && a.policyIndex === b.policyIndex && a.statementIndex === b.statementIndex && a.level === b.level;

/** The document a statement sits in. */
function documentOf(f: Failure, c: Coordinates): unknown {
  switch (c.policySet) {
    case 'identity':
      return f.case.policies[c.policyIndex];
    case 'permissionsBoundary':
      return f.case.permissionsBoundaries?.[c.policyIndex];
    case 'serviceControlPolicy':
      return f.case.serviceControlPolicies?.[c.level ?? 0]?.[c.policyIndex];
    case 'resourcePolicy':
      return f.case.resourcePolicy;
  }
}

/** The statement as the user wrote it: `Statement` may be an array or a single object. */
function statementAt(f: Failure, c: Coordinates): unknown {
  const doc = documentOf(f, c);
  if (typeof doc !== 'object' || doc === null) return undefined;
  const body = (doc as Record<string, unknown>).Statement;
  if (Array.isArray(body)) return body[c.statementIndex];
  return c.statementIndex === 0 ? body : undefined;
}

const effectOf = (statement: unknown): unknown =>
  typeof statement === 'object' && statement !== null ? (statement as Record<string, unknown>).Effect : undefined;

const stepLine = (s: TraceStep): string =>
  `${s.element}${s.detail ? ` ${s.detail}` : ''}: ${s.holds ? 'holds' : 'does not hold'} (${s.reason})`;

function describe(f: Failure, m: Coordinates & { effect?: string; sid?: string }, trace: readonly TraceStep[]) {
  const statement = statementAt(f, m);
  const written = typeof statement === 'object' && statement !== null ? (statement as Record<string, unknown>).Sid : undefined;
  const sidText = m.sid ?? (typeof written === 'string' && written !== '' ? written : undefined);
  const sid = sidText ? `, Sid ${JSON.stringify(sidText)}` : '';
  const effect = m.effect ? ` (${m.effect}${sid})` : '';
  return {
    summary: `${statementLocation(m)}${effect}`,
    statement,
    reasons: trace.filter((s) => sameStatement(s, m)).map(stepLine),
  };
}

/**
 * Picks the statement behind the oracle's (or vector's) verdict: the matching Deny for an explicit deny,
 * the matching identity Allow for an allow; for an implicit deny, says which half found no Allow.
 * Returns undefined when the failure carries no evidence to go on.
 */
export function decidingStatement(f: Failure): DecidingStatement | undefined {
  const v = f.expected;
  if (isErrorVerdict(v)) {
    const at = v.error.path ? ` at ${v.error.path}` : '';
    return { summary: `the policy is rejected${at}: ${v.error.message}`, reasons: [] };
  }
  const trace = f.oracleTrace ?? v.trace ?? [];
  const matched = v.matchedStatements ?? [];
  // A vector's expected verdict carries no matched statements; the trace then says which statements
  // applied, and the case itself which of them is a Deny.
  const applied = (effect: string, set?: PolicySet) =>
    trace
      .filter((s) => s.element === 'Statement' && s.holds && (set === undefined || s.policySet === set))
      .map((s) => ({ policySet: s.policySet, policyIndex: s.policyIndex, statementIndex: s.statementIndex, ...(s.level !== undefined ? { level: s.level } : {}) }))
      .find((c) => effectOf(statementAt(f, c)) === effect);
  if (v.decision === 'explicitDeny') {
    const deny = matched.find((m) => m.effect === 'Deny') ?? applied('Deny');
    return deny ? describe(f, { ...deny, effect: 'Deny' }, trace) : undefined;
  }
  if (v.decision === 'allowed') {
    const allow =
      matched.find((m) => m.effect === 'Allow' && (m.policySet === 'identity' || m.policySet === 'resourcePolicy')) ??
      applied('Allow', 'identity') ??
      applied('Allow', 'resourcePolicy');
    return allow ? describe(f, { ...allow, effect: 'Allow' }, trace) : undefined;
  }
  const identityAllow = matched.find((m) => m.effect === 'Allow' && m.policySet === 'identity');
  const boundaryAllow = matched.some((m) => m.effect === 'Allow' && m.policySet === 'permissionsBoundary');
  if (identityAllow && !boundaryAllow && (f.case.permissionsBoundaries?.length ?? 0) > 0) {
    const d = describe(f, identityAllow, trace);
    return { ...d, summary: `${d.summary} allows, but no permissions-boundary statement allows the request` };
  }
  if (matched.length === 0 && (trace.length > 0 || v.matchedStatements)) {
    // Why each statement missed is what a reader needs when an evaluator wrongly allowed.
    const misses = trace.filter((s) => !s.holds && s.element !== 'Statement' && s.element !== 'Decision');
    const decided = trace.find((s) => s.element === 'Decision');
    if (decided && decided.policySet !== 'identity') return { summary: `${decided.reason} (decided by the ${decided.policySet})`, reasons: misses.slice(0, 8).map((s) => `${statementLocation(s)} ${stepLine(s)}`) };
    return {
      summary: 'no statement applies to the request (implicit deny)',
      reasons: misses.slice(0, 8).map((s) => `${statementLocation(s)} ${stepLine(s)}`),
    };
  }
  return undefined;
}
