/** BUG: Effect is read ignoring case ("allow" accepted as Allow). */
import { mapStatements } from './support/rewrite-case.js';
import { viaOracle } from './support/mutant.js';

const EFFECTS: Record<string, string> = { allow: 'Allow', deny: 'Deny' };

export const evaluate = viaOracle((c) =>
  mapStatements(c, (s) => (typeof s.Effect === 'string' && EFFECTS[s.Effect.toLowerCase()] ? { ...s, Effect: EFFECTS[s.Effect.toLowerCase()] } : s)),
);
