/**
 * Simulator answers → verdicts, for both result shapes (iam-semantics.md §8.3):
 * - before 2026-07: one EvaluationResult per action×resource, `EvalResourceName` = the resource ARN;
 * - since 2026-07: one per action, `EvalResourceName` an ARN template, the per-resource decision in
 *   `ResourceSpecificResults[].EvalResourceDecision`; the top level is used only when no resource was sent.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_EvaluationResult.html
 */
import type { EvaluationResult, Statement as AwsStatement } from '@aws-sdk/client-iam';
import type { EvaluatorResult } from '../../harness/evaluator.js';
import { DECISIONS, type Decision, type DecisionVerdict, type MatchedStatement } from '../../oracle/types.js';
import type { Batch } from './request-map.js';
import { statementAt, statementSpans } from './statement-positions.js';

interface Evidence {
  readonly decision: string | undefined;
  readonly matched?: readonly AwsStatement[];
  readonly missing?: readonly string[];
}

/** The evidence for one action on the batch's resource, from whichever shape AWS sent. */
function evidenceFor(results: readonly EvaluationResult[], action: string, resource: string): Evidence | undefined {
  let mine = results.filter((r) => r.EvalActionName === action);
  if (mine.length === 0) mine = results.filter((r) => r.EvalActionName?.toLowerCase() === action.toLowerCase());
  if (mine.length === 0) return undefined;
  if (resource !== '*') {
    for (const r of mine) {
      const rs = r.ResourceSpecificResults?.find((x) => x.EvalResourceName === resource);
      if (rs) {
        return {
          decision: rs.EvalResourceDecision,
          matched: rs.MatchedStatements ?? [],
          // With one resource per call the top-level union is this resource's list.
          missing: rs.MissingContextValues ?? r.MissingContextValues ?? [],
        };
      }
    }
    const exact = mine.find((r) => r.EvalResourceName === resource);
    if (exact) return { decision: exact.EvalDecision, matched: exact.MatchedStatements ?? [], missing: exact.MissingContextValues ?? [] };
  }
  // Resource `*`, or a single aggregated result for our single resource.
  if (mine.length !== 1) return undefined;
  const r = mine[0] as EvaluationResult;
  return { decision: r.EvalDecision, matched: r.MatchedStatements ?? [], missing: r.MissingContextValues ?? [] };
}

/** `PolicyInputList.3` → identity policy 2; `PermissionsBoundaryPolicyInputList.1` → boundary 0. */
export function mapStatement(s: AwsStatement, batch: Batch, decision: Decision): MatchedStatement | undefined {
  const m = /^(PolicyInputList|PermissionsBoundaryPolicyInputList)\.(\d+)$/.exec(s.SourcePolicyId ?? '');
  if (!m) return undefined;
  const policySet = m[1] === 'PolicyInputList' ? 'identity' : 'permissionsBoundary';
  const policyIndex = Number(m[2]) - 1;
  const doc = policySet === 'identity' ? batch.policies[policyIndex] : policyIndex === 0 ? batch.boundary : undefined;
  if (doc === undefined) return undefined;
  const spans = statementSpans(doc);
  const statementIndex = statementAt(doc, s.StartPosition?.Line, s.StartPosition?.Column) ?? (spans.length === 1 ? 0 : undefined);
  if (statementIndex === undefined) return undefined;
  const raw = statementOf(doc, statementIndex);
  const effect = raw?.Effect === 'Allow' || raw?.Effect === 'Deny' ? raw.Effect : decision === 'explicitDeny' ? 'Deny' : 'Allow';
  return {
    policySet,
    policyIndex,
    statementIndex,
    ...(typeof raw?.Sid === 'string' ? { sid: raw.Sid } : {}),
    effect,
  };
}

function statementOf(doc: unknown, index: number): { Effect?: unknown; Sid?: unknown } | undefined {
  const st = (doc as { Statement?: unknown }).Statement;
  const item: unknown = Array.isArray(st) ? st[index] : index === 0 ? st : undefined;
  return item !== null && typeof item === 'object' ? (item) : undefined;
}

const isDecision = (d: string | undefined): d is Decision => (DECISIONS as readonly (string | undefined)[]).includes(d);

/** One result per action of the batch (keyed by the action as sent). */
export function readAnswers(results: readonly EvaluationResult[], batch: Batch): Map<string, EvaluatorResult> {
  const out = new Map<string, EvaluatorResult>();
  for (const action of batch.actions) {
    const ev = evidenceFor(results, action, batch.resource);
    if (!ev) {
      out.set(action, { kind: 'errored', message: `AWS returned no result for ${action} on ${batch.resource}` });
      continue;
    }
    if (!isDecision(ev.decision)) {
      out.set(action, { kind: 'errored', message: `AWS returned an unknown EvalDecision "${String(ev.decision)}" for ${action}` });
      continue;
    }
    const decision = ev.decision;
    const matched = (ev.matched ?? []).map((s) => mapStatement(s, batch, decision)).filter((s): s is MatchedStatement => !!s);
    const verdict: DecisionVerdict = {
      decision,
      matchedStatements: matched,
      missingContextKeys: [...new Set(ev.missing ?? [])],
    };
    out.set(action, { kind: 'verdict', verdict });
  }
  return out;
}
