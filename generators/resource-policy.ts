/**
 * A resource-based policy for the requested resource: statements drawn like identity statements (same
 * world, so they name the request's actions and resources), each with a Principal or, on a Deny, a
 * NotPrincipal from the case's principal vocabulary (principal.ts).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_identity-vs-resource.html
 */
import fc from 'fast-check';
import { record } from './record.js';
import { principalRecipe, renderPrincipal, type PrincipalRecipe } from './principal.js';
import type { GeneratorSettings } from './settings.js';
import { renderStatement, statement, type StatementRecipe } from './statement.js';
import type { World } from './world.js';

export interface ResourcePolicyRecipe {
  readonly statements: readonly { readonly statement: StatementRecipe; readonly principal: PrincipalRecipe }[];
}

export function resourcePolicy(settings: GeneratorSettings): fc.Arbitrary<ResourcePolicyRecipe> {
  return record({
    statements: fc.array(record({ statement: statement(settings), principal: principalRecipe() }), {
      minLength: 1,
      maxLength: Math.max(1, settings.maxStatements),
    }),
  });
}

/**
 * The document, Version 2012-10-17, the principal written right after the Effect as AWS's examples do.
 * `move` rewrites each statement before its principal is added (a cross-account case moves the
 * resources' ARNs, never the principals).
 */
export function renderResourcePolicy(
  w: World,
  settings: GeneratorSettings,
  r: ResourcePolicyRecipe,
  caller: string,
  move: (statement: Record<string, unknown>) => Record<string, unknown> = (x) => x,
): Record<string, unknown> {
  const Statement = r.statements.map(({ statement: s, principal }, i) => {
    const { Sid, Effect, ...rest } = move(renderStatement(w, settings, s, i));
    return { ...(Sid === undefined ? {} : { Sid }), Effect, ...renderPrincipal(principal, s.deny, caller), ...rest };
  });
  return { Version: '2012-10-17', Statement };
}
