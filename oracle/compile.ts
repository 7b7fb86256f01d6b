/**
 * Validates and compiles a policy document once: every pattern becomes a glob, every condition value
 * is parsed (numbers, dates, CIDRs, base64). Documents that are objects are cached by identity in a
 * WeakMap, so the same document reused across many requests is validated and compiled only once.
 * Compiled policies never depend on the request: variables are resolved at match time.
 *
 * Contract: a document object is treated as immutable once evaluated. Mutating it in place and
 * evaluating it again returns the answer for its first content — pass a copy (structuredClone) instead.
 */
import { compileActionPattern, type ActionPattern } from './action.js';
import { compileCondition, type CompiledCondition } from './conditions/condition.js';
import { compileResourcePattern, resourceVariableKeys, type ResourcePattern } from './resource.js';
import type { MatchedStatement, Policy, PolicyError, PolicySet, Statement } from './types.js';
import { validatePolicy } from './validate/index.js';

export interface CompiledStatement {
  readonly statement: Statement;
  readonly action: { readonly negated: boolean; readonly patterns: readonly ActionPattern[] };
  readonly resource: { readonly negated: boolean; readonly patterns: readonly ResourcePattern[] };
  readonly conditions: readonly CompiledCondition[];
  /**
   * Memo of this statement's `MatchedStatement` per input list and policy index, created by evaluate the
   * first time the statement applies (most statements never do, and cold compiles should stay small).
   */
  matchedAs: Record<PolicySet, MatchedStatement[]> | undefined;
}

export interface CompiledPolicy {
  readonly policy: Policy;
  readonly statements: readonly CompiledStatement[];
  /** Context keys referenced by conditions and variables, as first written, deduplicated ignoring case. */
  readonly keys: readonly string[];
  /** The same keys lower-cased, to look them up in the request context. */
  readonly keysLower: readonly string[];
}

export type CompileResult = { readonly ok: true; readonly compiled: CompiledPolicy } | { readonly ok: false; readonly error: PolicyError };

const cache = new WeakMap<object, CompileResult>();

/**
 * Validates and compiles a document, reusing the previous result for the same document object.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
export function compilePolicyDocument(doc: unknown): CompileResult {
  const cacheable = typeof doc === 'object' && doc !== null;
  if (cacheable) {
    const hit = cache.get(doc);
    if (hit) return hit;
  }
  const validation = validatePolicy(doc);
  const result: CompileResult = validation.ok
    ? { ok: true, compiled: compilePolicy(validation.policy) }
    : { ok: false, error: validation.errors[0] ?? { path: '', rule: 'invalid', message: 'The policy is invalid' } };
  if (cacheable) cache.set(doc, result);
  return result;
}

/** Compiles a validated policy into matchers. */
export function compilePolicy(policy: Policy): CompiledPolicy {
  const variables = policy.version === '2012-10-17';
  const statements = policy.statements.map((statement) => compileStatement(statement, variables));
  // Deduplicated ignoring case, first spelling kept; lower-cased once for both purposes.
  const keys: string[] = [];
  const keysLower: string[] = [];
  const seen = new Set<string>();
  for (const key of referencedKeys(statements)) {
    const lower = key.toLowerCase();
    if (seen.has(lower)) continue;
    seen.add(lower);
    keys.push(key);
    keysLower.push(lower);
  }
  return { policy, statements, keys, keysLower };
}

function compileStatement(statement: Statement, variables: boolean): CompiledStatement {
  return {
    statement,
    action: { negated: statement.action.negated, patterns: statement.action.patterns.map(compileActionPattern) },
    resource: {
      negated: statement.resource.negated,
      patterns: statement.resource.patterns.map((p) => compileResourcePattern(p, variables)),
    },
    conditions: statement.conditions.map((c) => compileCondition(c, variables)),
    matchedAs: undefined,
  };
}

/**
 * Every context key the policy mentions, in order, duplicates included: condition keys and `${...}`
 * variables where AWS substitutes them. AWS's MissingContextValues is computed over the whole policy, not only over the statements
 * that concern the simulated action (https://github.com/boto/boto3/issues/3111).
 */
function referencedKeys(statements: readonly CompiledStatement[]): string[] {
  const keys: string[] = [];
  for (const s of statements) {
    for (const p of s.resource.patterns) if ('template' in p) keys.push(...resourceVariableKeys(p));
    for (const c of s.conditions) {
      keys.push(c.condition.key);
      for (const k of c.variableKeys) keys.push(k);
    }
  }
  return keys;
}

/** Keeps the first spelling of each key, comparing case-insensitively. */
export function dedupeIgnoringCase(keys: readonly string[]): string[] {
  const seen = new Set<string>();
  return keys.filter((k) => {
    const lower = k.toLowerCase();
    if (seen.has(lower)) return false;
    seen.add(lower);
    return true;
  });
}
