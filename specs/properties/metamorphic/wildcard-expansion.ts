/**
 * An action wildcard means exactly the actions it matches: replacing each wildcard pattern with the
 * catalogue actions it matches (case-insensitively) does not change the decision for a catalogue action
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html).
 * Only the request's service is expanded: a pattern's other matches cannot change this request's answer,
 * and `*` over every service of the catalogue would be tens of thousands of actions.
 */
import type { Catalogue } from '../../../generators/catalogue.js';
import { mapActions } from './rewrite.js';
import { twinProperty } from './twin-property.js';

/** `*` any run, `?` exactly one character, case-insensitive: our own small glob, independent of the oracle. */
function glob(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\*?]/g, (ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : `\\${ch}`));
  return new RegExp(`^${body}$`, 'is');
}

export function expandAction(pattern: string, catalogue: Catalogue, service: string): string[] {
  if (!/[*?]/.test(pattern)) return [pattern];
  const re = glob(pattern);
  const pool = catalogue.byService.get(service.toLowerCase())?.actions ?? catalogue.actions;
  const hits = pool.filter((a) => re.test(a.id)).map((a) => a.id);
  // An empty expansion would be an invalid empty list: use an action that exists nowhere instead.
  return hits.length > 0 ? hits : ['sagemaker:NoSuchActionForExpansion'];
}

export const wildcardExpansion = twinProperty({
  name: 'wildcard-expansion',
  description: 'An action wildcard is equivalent to the list of catalogue actions it matches.',
  transform: (c, _k, catalogue) => ({
    case: mapActions(c, (ps) => [...new Set(ps.flatMap((p) => expandAction(p, catalogue, c.request.action.split(':')[0] ?? '')))]),
    description: 'action wildcards replaced by their catalogue expansion',
  }),
});
