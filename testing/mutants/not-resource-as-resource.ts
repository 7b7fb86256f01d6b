/** BUG: NotResource is read as Resource. */
import { mapStatements, renameElement } from './support/rewrite-case.js';
import { viaOracle } from './support/mutant.js';

export const evaluate = viaOracle((c) => mapStatements(c, renameElement('NotResource', 'Resource')));
