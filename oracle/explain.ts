/**
 * A readable, multi-line account of a verdict: the decision, the rule of the evaluation logic that
 * produced it, the matched statements, missing context keys, and the trace statement by statement.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html
 */
import type { MatchedStatement, PolicySet, TraceStep, Verdict } from './types.js';

const SET_NAME: Record<PolicySet, string> = {
  identity: 'identity policy',
  permissionsBoundary: 'permissions boundary',
  serviceControlPolicy: 'service control policy',
  resourcePolicy: 'resource-based policy',
};

/**
 * Explains a verdict (decision or error) in plain text, one fact per line.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-basics.html
 */
export function explainText(verdict: Verdict): string {
  if ('error' in verdict) {
    const where = verdict.error.path ? ` at ${verdict.error.path}` : '';
    return `Error ${verdict.error.code}${where}: ${verdict.error.message}`;
  }
  const trace = verdict.trace ?? [];
  const lines = [`Decision: ${verdict.decision}`, `Why: ${why(verdict.decision, trace)}`];
  const matched = verdict.matchedStatements ?? [];
  if (matched.length > 0) {
    lines.push('Matched statements:');
    for (const m of matched) lines.push(`  - ${statementName(m)}: ${m.effect}`);
  }
  const missing = verdict.missingContextKeys ?? [];
  if (missing.length > 0) lines.push(`Missing context keys (evaluated as absent): ${missing.join(', ')}`);
  if (trace.length > 0) lines.push('Trace:', ...traceLines(trace));
  return lines.join('\n');
}

/** The sentence of the evaluation logic that decided. */
function why(decision: string, trace: readonly TraceStep[]): string {
  // Cases with SCPs, a resource policy or another owner end with a Decision step naming the policy type.
  const decided = trace.find((s) => s.element === 'Decision');
  if (decided) return decided.reason;
  if (decision === 'explicitDeny') return 'a Deny statement applies, and an explicit deny overrides every Allow.';
  if (decision === 'allowed') return 'an Allow statement applies (in every permissions boundary too, if any) and no Deny applies.';
  const applies = (set: PolicySet) =>
    trace.some((s) => s.policySet === set && s.element === 'Statement' && s.holds && s.reason === 'applies: Allow');
  const boundaries = trace.some((s) => s.policySet === 'permissionsBoundary');
  if (applies('identity') && boundaries) return 'an identity policy allows, but a permissions boundary has no applicable Allow.';
  return 'no Allow statement applies in the identity policies, so the request is denied by default.';
}

function statementName(s: Pick<MatchedStatement, 'policySet' | 'policyIndex' | 'statementIndex' | 'level'> & { sid?: string }): string {
  const sid = s.sid ? ` (Sid ${s.sid})` : '';
  const level = s.level === undefined ? '' : ` at level ${s.level}`;
  const policy = s.policySet === 'resourcePolicy' ? SET_NAME.resourcePolicy : `${SET_NAME[s.policySet]} ${s.policyIndex}${level}`;
  return `${policy}, statement ${s.statementIndex}${sid}`;
}

/** Groups trace steps under their statement: `✓`/`✗` per element, then the statement's conclusion. */
function traceLines(trace: readonly TraceStep[]): string[] {
  const lines: string[] = [];
  let current = '';
  for (const step of trace) {
    if (step.element === 'Decision') {
      lines.push(`  decided by the ${SET_NAME[step.policySet]}: ${step.reason}`);
      continue;
    }
    const name = statementName(step);
    if (name !== current) {
      lines.push(`  ${name}:`);
      current = name;
    }
    if (step.element === 'Statement') {
      lines.push(`    => ${step.reason}`);
      continue;
    }
    const detail = step.detail ? ` ${step.detail}` : '';
    lines.push(`    ${step.holds ? '✓' : '✗'} ${step.element}${detail}: ${step.reason}`);
  }
  return lines;
}
