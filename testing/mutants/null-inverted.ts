/** BUG: Null is inverted ("true" read as "the key is present"). */
import { rewriteEntries, valueList } from './support/condition-entries.js';
import { viaOracle } from './support/mutant.js';

const flip = (v: unknown): unknown =>
  typeof v === 'boolean' ? !v : typeof v === 'string' && /^(true|false)$/i.test(v) ? (v.toLowerCase() === 'true' ? 'false' : 'true') : v;

export const evaluate = viaOracle((c) =>
  rewriteEntries(c, (e) => (e.operator === 'Null' ? { operator: 'Null', key: e.key, values: valueList(e.values).map(flip) } : 'keep')),
);
