/**
 * One identity-policy document: Version?, Statement (one object or an array)
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html). Without Version, or
 * with 2008-10-17, `${…}` is literal text (reference_policies_elements_version.html).
 */
import fc from 'fast-check';
import { record } from './record.js';
import type { GeneratorSettings } from './settings.js';
import { renderStatement, statement, type StatementRecipe } from './statement.js';
import type { World } from './world.js';

export const VERSIONS = ['2012-10-17', '2008-10-17', undefined] as const;

export interface PolicyRecipe {
  /** Index into VERSIONS. */
  readonly version: number;
  readonly statements: readonly StatementRecipe[];
  /** Write a lone statement as an object rather than a one-element array. */
  readonly bare: boolean;
}

export function policy(settings: GeneratorSettings, effect?: 'Allow' | 'Deny'): fc.Arbitrary<PolicyRecipe> {
  return record({
    version: settings.enableVersion2008
      ? fc.oneof({ arbitrary: fc.constant(0), weight: 8 }, { arbitrary: fc.constantFrom(1, 2), weight: 2 })
      : fc.constant(0),
    statements: fc.array(statement(settings, effect), { minLength: 1, maxLength: Math.max(1, settings.maxStatements) }),
    bare: fc.boolean(),
  });
}

export function renderPolicy(w: World, settings: GeneratorSettings, r: PolicyRecipe): Record<string, unknown> {
  const statements = r.statements.map((s, i) => renderStatement(w, settings, s, i));
  const version = VERSIONS[r.version % VERSIONS.length];
  const doc: Record<string, unknown> = {};
  if (version) doc.Version = version;
  doc.Statement = r.bare && statements.length === 1 ? statements[0] : statements;
  return doc;
}
