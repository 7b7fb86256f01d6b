/** BUG: any `…IfExists` condition holds, whether or not the key is present. */
import { rewriteEntries } from './support/condition-entries.js';
import { viaOracle } from './support/mutant.js';

export const evaluate = viaOracle((c) => rewriteEntries(c, (e) => (e.operator.endsWith('IfExists') ? true : 'keep')));
