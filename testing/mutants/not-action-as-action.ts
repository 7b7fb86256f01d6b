/** BUG: NotAction is read as Action. */
import { mapStatements, renameElement } from './support/rewrite-case.js';
import { viaOracle } from './support/mutant.js';

export const evaluate = viaOracle((c) => mapStatements(c, renameElement('NotAction', 'Action')));
