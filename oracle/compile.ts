/**
 * Validates and compiles a policy document once: patterns become globs, condition values are parsed
 * (numbers, dates, CIDRs, base64), each element when a request first needs it. Documents that are
 * objects are cached by identity in a WeakMap from their second evaluation on, so the same document
 * reused across many requests is validated and compiled at most twice. What is compiled never depends
 * on the request (variables are resolved at match time); the memos a compiled policy carries are keyed
 * by what they depend on (the request action; the request resource, for elements without variables).
 *
 * Contract: a document object is treated as immutable once evaluated. Mutating it in place and
 * evaluating it again may return the answer for an earlier content (the one it had at its second
 * evaluation, when its compiled form was kept) — pass a copy (structuredClone) instead.
 */
import { compileActionPattern, matchesAction, matchesWrittenAction, type ActionPattern, type RequestAction } from './action.js';
import { compileCondition, conditionVariableKeys, type CompiledCondition } from './conditions/condition.js';
import { compileResourcePattern, hasVariables, resourceVariableKeys, type ResourcePattern } from './resource.js';
import type { MatchedStatement, Policy, PolicyError, PolicyType, Statement } from './types.js';
import { validatePolicy } from './validate/index.js';
import { BoundedMap } from './memo.js';

export interface CompiledStatement {
  readonly statement: Statement;
  /** The policy is Version 2012-10-17: `${...}` in resources and condition values are variables. */
  readonly variables: boolean;
  /**
   * Action, resource and conditions are compiled on first need (`actionOf`, `resourceOf`,
   * `conditionsOf`): a policy's first request reads its Action entries as written
   * (`statementsForAction`), a statement whose Action does not cover the request never needs its
   * conditions, and in a run of fresh documents most statements are asked once.
   */
  compiledAction: CompiledAction | undefined;
  compiledResource: CompiledResource | undefined;
  compiledConditions: readonly CompiledCondition[] | undefined;
  /**
   * Memo of the last request resource matched against a Resource element without variables, and the
   * answer (which depends on nothing else): the actions of a case family share one resource, so each
   * statement matches it once per family, not once per action.
   */
  lastResource: string | undefined;
  lastResourceHolds: boolean;
  /**
   * Memo of this statement's `MatchedStatement` per input list and policy index, created by evaluate the
   * first time the statement applies (most statements never do, and cold compiles should stay small).
   */
  matchedAs: Record<'identity' | 'permissionsBoundary', MatchedStatement[]> | undefined;
}

export interface CompiledAction {
  readonly negated: boolean;
  readonly patterns: readonly ActionPattern[];
}

export interface CompiledResource {
  readonly negated: boolean;
  readonly patterns: readonly ResourcePattern[];
  /** Some pattern has variables: the answer also depends on the request context. */
  readonly variables: boolean;
}

export interface CompiledPolicy {
  readonly policy: Policy;
  readonly statements: readonly CompiledStatement[];
  /**
   * Context keys referenced by conditions and variables, first spelling kept, deduplicated ignoring
   * case, with their lower-cased forms; read with `keysOf` (computed on first need: only
   * MissingContextValues uses them, and a verdict computes those on first read).
   */
  referenced: { readonly keys: readonly string[]; readonly keysLower: readonly string[] } | undefined;
  /**
   * Memo: request action (lower-cased) → the statements whose Action/NotAction covers it, in order.
   * Filled by `statementsForAction` from the policy's second request on: a policy reused across
   * requests matches each action against its patterns once, and one evaluated only once (a cold run)
   * never pays for a memo.
   */
  byAction: Map<string, readonly CompiledStatement[]> | undefined;
  /** Whether a request has been evaluated against this policy yet. */
  evaluated: boolean;
}

export type CompileResult = { readonly ok: true; readonly compiled: CompiledPolicy } | { readonly ok: false; readonly error: PolicyError };

/**
 * Per document object: its compile result, or SEEN_ONCE (read once, well formed). A compiled policy is
 * kept only for a document seen before: keeping the compiled form of every document (most are seen once
 * in a run of fresh cases) made the garbage collector copy it along with the document, a third of the
 * cost of a cold evaluation. A malformed document's result (one error) is kept from the first reading.
 */
const cache = new WeakMap<object, CompileResult | typeof SEEN_ONCE>();
const SEEN_ONCE = Symbol('seen once');
/** Resource policies and SCPs are read with their own grammar, so they have their own caches. */
const typedCaches: Readonly<Record<Exclude<PolicyType, 'identity'>, WeakMap<object, CompileResult | typeof SEEN_ONCE>>> = {
  resource: new WeakMap(),
  serviceControl: new WeakMap(),
};

/**
 * Validates and compiles a document, reusing the previous result for the same document object.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
export function compilePolicyDocument(doc: unknown, policyType?: Exclude<PolicyType, 'identity'>): CompileResult {
  const cacheable = typeof doc === 'object' && doc !== null;
  const memo = policyType === undefined ? cache : typedCaches[policyType];
  const known = cacheable ? memo.get(doc) : undefined;
  if (known !== undefined && known !== SEEN_ONCE) return known;
  const validation = policyType === undefined ? validatePolicy(doc) : validatePolicy(doc, { policyType });
  const result: CompileResult = validation.ok
    ? { ok: true, compiled: compilePolicy(validation.policy) }
    : { ok: false, error: validation.errors[0] ?? { path: '', rule: 'invalid', message: 'The policy is invalid' } };
  if (cacheable) memo.set(doc, known === SEEN_ONCE || !result.ok ? result : SEEN_ONCE);
  return result;
}

/**
 * Whether the oracle has already read `doc` (the same object) as well formed (true) or malformed (false)
 * under the grammar of `policyType`; undefined when it has not. Lets a caller that tags cases after the
 * oracle evaluated them skip validating each document again.
 */
export function knownValidity(doc: unknown, policyType: PolicyType = 'identity'): boolean | undefined {
  if (typeof doc !== 'object' || doc === null) return undefined;
  const known = (policyType === 'identity' ? cache : typedCaches[policyType]).get(doc);
  return known === undefined ? undefined : known === SEEN_ONCE || known.ok;
}

/** Compiles a validated policy into matchers. */
export function compilePolicy(policy: Policy): CompiledPolicy {
  const variables = policy.version === '2012-10-17';
  const statements = policy.statements.map((statement) => compileStatement(statement, variables));
  return { policy, statements, referenced: undefined, byAction: undefined, evaluated: false };
}

/** The policy's referenced context keys (see `CompiledPolicy.referenced`). */
export function keysOf(compiled: CompiledPolicy): { readonly keys: readonly string[]; readonly keysLower: readonly string[] } {
  if (compiled.referenced === undefined) {
    // Deduplicated ignoring case, first spelling kept; lower-cased once for both purposes.
    const keys: string[] = [];
    const keysLower: string[] = [];
    const seen = new Set<string>();
    for (const key of referencedKeys(compiled.policy.statements, compiled.policy.version === '2012-10-17')) {
      const lower = key.toLowerCase();
      if (seen.has(lower)) continue;
      seen.add(lower);
      keys.push(key);
      keysLower.push(lower);
    }
    compiled.referenced = { keys, keysLower };
  }
  return compiled.referenced;
}

function compileStatement(statement: Statement, variables: boolean): CompiledStatement {
  return {
    statement,
    variables,
    compiledAction: undefined,
    compiledResource: undefined,
    compiledConditions: undefined,
    lastResource: undefined,
    lastResourceHolds: false,
    matchedAs: undefined,
  };
}

/** The statement's Action/NotAction element, compiled on first use. */
export function actionOf(s: CompiledStatement): CompiledAction {
  return (s.compiledAction ??= { negated: s.statement.action.negated, patterns: s.statement.action.patterns.map(compileActionPattern) });
}

/** The statement's Resource/NotResource element, compiled on first use. */
export function resourceOf(s: CompiledStatement): CompiledResource {
  if (s.compiledResource === undefined) {
    const patterns = s.statement.resource.patterns.map((p) => compileResourcePattern(p, s.variables));
    s.compiledResource = { negated: s.statement.resource.negated, patterns, variables: patterns.some(hasVariables) };
  }
  return s.compiledResource;
}

/** The statement's conditions, compiled on first use. */
export function conditionsOf(s: CompiledStatement): readonly CompiledCondition[] {
  return (s.compiledConditions ??= s.statement.conditions.map((c) => compileCondition(c, s.variables)));
}

/**
 * Every context key the policy mentions, in order, duplicates included: condition keys and `${...}`
 * variables where AWS substitutes them. AWS's MissingContextValues is computed over the whole policy, not only over the statements
 * that concern the simulated action (https://github.com/boto/boto3/issues/3111).
 */
function referencedKeys(statements: readonly Statement[], variables: boolean): string[] {
  const keys: string[] = [];
  for (const s of statements) {
    if (variables) {
      for (const p of s.resource.patterns) {
        if (p.includes('${')) for (const k of resourceVariableKeys(compileResourcePattern(p, true))) keys.push(k);
      }
    }
    for (const c of s.conditions) {
      keys.push(c.key);
      for (const k of conditionVariableKeys(c, variables)) keys.push(k);
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

/** Bound on the per-policy action memo (SageMaker alone has a few hundred actions). */
const ACTIONS_PER_POLICY = 2048;

/**
 * The statements of a policy whose Action/NotAction element covers the request action, in policy order.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 */
export function statementsForAction(policy: CompiledPolicy, action: RequestAction): readonly CompiledStatement[] {
  if (!policy.evaluated) {
    // Most documents are asked once: their entries are read as written, not compiled.
    policy.evaluated = true;
    return policy.statements.filter((s) => matchesWrittenAction(s.statement.action, action));
  }
  const memo = (policy.byAction ??= new BoundedMap<string, readonly CompiledStatement[]>(ACTIONS_PER_POLICY));
  let statements = memo.get(action.full);
  if (statements === undefined) {
    statements = policy.statements.filter((s) => matchesAction(actionOf(s), action));
    memo.set(action.full, statements);
  }
  return statements;
}
