import { DECISIONS, type Decision, type MatchedStatement, type Verdict } from '../oracle/types.js';

/**
 * Checks that a value an evaluator under test returned (module result, JSON line of a command) is a
 * Verdict, and keeps only the fields we read. Anything else is the evaluator's fault and becomes an
 * `errored` outcome with the returned reason, never a thrown exception.
 */
export function toVerdict(value: unknown): { ok: true; verdict: Verdict } | { ok: false; reason: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: `expected a JSON object, got ${describe(value)}` };
  }
  const v = value as Record<string, unknown>;
  if ('error' in v && v.error !== undefined && v.error !== null) {
    const e = v.error;
    if (typeof e !== 'object' || Array.isArray(e)) return { ok: false, reason: '"error" must be an object {code, message}' };
    const { code, message, path } = e as Record<string, unknown>;
    if (typeof code !== 'string' || code === '') return { ok: false, reason: '"error.code" must be a non-empty string' };
    if (message !== undefined && typeof message !== 'string') return { ok: false, reason: '"error.message" must be a string' };
    if (path !== undefined && typeof path !== 'string') return { ok: false, reason: '"error.path" must be a string' };
    return {
      ok: true,
      verdict: { error: { code, message: message ?? '', ...(path !== undefined ? { path } : {}) } },
    };
  }
  if (!('decision' in v)) return { ok: false, reason: 'expected a "decision" or an "error" property' };
  if (!(DECISIONS as readonly unknown[]).includes(v.decision)) {
    return { ok: false, reason: `"decision" must be one of ${DECISIONS.join(', ')}; got ${describe(v.decision)}` };
  }
  const verdict: { decision: Decision; matchedStatements?: readonly MatchedStatement[]; missingContextKeys?: readonly string[] } = {
    decision: v.decision as Decision,
  };
  // Evidence is optional and only shown in reports; keep it when it has the documented shape.
  if (Array.isArray(v.matchedStatements)) verdict.matchedStatements = v.matchedStatements as MatchedStatement[];
  if (Array.isArray(v.missingContextKeys) && v.missingContextKeys.every((k) => typeof k === 'string')) {
    verdict.missingContextKeys = v.missingContextKeys;
  }
  return { ok: true, verdict };
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  const text = (JSON.stringify(value) as string | undefined) ?? typeof value;
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
