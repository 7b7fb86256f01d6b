/**
 * A deliberately tiny IAM evaluator for the test server: Allow/Deny, Action/NotAction, Resource/NotResource
 * with `*`/`?`, StringEquals/StringLike conditions, one boundary. Enough to script answers for adapter
 * tests without depending on the oracle's progress; it is not a reference for anything.
 */
import type { Decision } from '../../oracle/types.js';
import { statementSpans } from '../../evaluators/aws/statement-positions.js';
import { AwsFault, type Decider, type SimAnswer, type SimQuestion } from './iam-query-server.js';
import type { XmlStatement } from './xml.js';

interface RawStatement {
  Effect?: unknown;
  Action?: unknown;
  NotAction?: unknown;
  Resource?: unknown;
  NotResource?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map((x) => `${x as string}`) : [`${v as string}`]);
const glob = (pattern: string, value: string, ignoreCase: boolean) =>
  new RegExp(
    '^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$',
    ignoreCase ? 'is' : 's',
  ).test(value);

export interface SimpleDeciderOptions {
  /** Error code for an unparsable or invalid policy (AWS's exact code is UNCONFIRMED). */
  readonly rejectWith?: string;
}

function parsePolicy(text: string, id: string, rejectWith: string): { doc: unknown; statements: RawStatement[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new AwsFault(rejectWith, `Syntax errors in policy ${id}.`);
  }
  const st = (doc as { Statement?: unknown } | null)?.Statement;
  const statements = (Array.isArray(st) ? st : st === undefined ? [] : [st]) as RawStatement[];
  const valid =
    statements.length > 0 &&
    statements.every(
      (s) =>
        s !== null &&
        typeof s === 'object' &&
        (s.Effect === 'Allow' || s.Effect === 'Deny') &&
        (s.Action === undefined) !== (s.NotAction === undefined),
    );
  if (!valid) throw new AwsFault(rejectWith, `Syntax errors in policy ${id}.`);
  return { doc, statements };
}

interface Verdictish {
  decision: Decision;
  matched: XmlStatement[];
  missing: Set<string>;
}

function evaluateSet(texts: readonly string[], idOf: (i: number) => string, q: SimQuestion, rejectWith: string): Verdictish {
  const context = new Map(q.input.contextEntries.map((e) => [e.ContextKeyName.toLowerCase(), e.ContextKeyValues]));
  const allows: XmlStatement[] = [];
  const denies: XmlStatement[] = [];
  const missing = new Set<string>();
  texts.forEach((text, p) => {
    const { doc, statements } = parsePolicy(text, idOf(p), rejectWith);
    const spans = statementSpans(doc);
    statements.forEach((s, i) => {
      for (const block of Object.values(s.Condition ?? {})) {
        for (const key of Object.keys(block)) if (!context.has(key.toLowerCase())) missing.add(key);
      }
      const action = s.Action !== undefined ? list(s.Action).some((a) => glob(a, q.action, true)) : !list(s.NotAction).some((a) => glob(a, q.action, true));
      const resource =
        s.NotResource !== undefined ? !list(s.NotResource).some((r) => glob(r, q.resource, false)) : list(s.Resource ?? '*').some((r) => glob(r, q.resource, false));
      const condition = Object.entries(s.Condition ?? {}).every(([op, block]) =>
        Object.entries(block).every(([key, want]) => {
          const have = context.get(key.toLowerCase());
          if (!have) return false;
          if (op === 'StringEquals') return list(want).some((w) => have.includes(w));
          if (op === 'StringLike') return list(want).some((w) => have.some((h) => glob(w, h, false)));
          return false;
        }),
      );
      if (!(action && resource && condition)) return;
      const span = spans[i];
      const stmt: XmlStatement = {
        SourcePolicyId: idOf(p),
        SourcePolicyType: 'none',
        ...(span ? { StartPosition: { Line: 1, Column: span.start + 1 }, EndPosition: { Line: 1, Column: span.end } } : {}),
      };
      (s.Effect === 'Deny' ? denies : allows).push(stmt);
    });
  });
  if (denies.length > 0) return { decision: 'explicitDeny', matched: denies, missing };
  if (allows.length > 0) return { decision: 'allowed', matched: allows, missing };
  return { decision: 'implicitDeny', matched: [], missing };
}

/** Evaluates the attached + input policies and the boundary, like IAM would for these simple shapes. */
export function simpleDecider(options: SimpleDeciderOptions = {}): Decider {
  const rejectWith = options.rejectWith ?? 'MalformedPolicyDocument';
  return (q: SimQuestion): SimAnswer => {
    const attachedCount = q.attached.length - q.input.policyInputList.length;
    const idOf = (i: number) => (i < attachedCount ? `attached-policy-${i + 1}` : `PolicyInputList.${i - attachedCount + 1}`);
    const identity = evaluateSet(q.attached, idOf, q, rejectWith);
    const boundaries = q.input.permissionsBoundaryPolicyInputList;
    if (boundaries.length === 0 || identity.decision === 'explicitDeny') {
      return { decision: identity.decision, matched: identity.matched, missing: [...identity.missing] };
    }
    const boundary = evaluateSet(boundaries, (i) => `PermissionsBoundaryPolicyInputList.${i + 1}`, q, rejectWith);
    const missing = [...new Set([...identity.missing, ...boundary.missing])];
    if (boundary.decision === 'explicitDeny') return { decision: 'explicitDeny', matched: boundary.matched, missing };
    if (identity.decision === 'allowed' && boundary.decision !== 'allowed') return { decision: 'implicitDeny', matched: [], missing };
    return { decision: identity.decision, matched: identity.matched, missing };
  };
}
