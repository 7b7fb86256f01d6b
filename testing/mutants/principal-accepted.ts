/** BUG: Principal / NotPrincipal are accepted in identity policies (and ignored). */
import { mapStatements } from './support/rewrite-case.js';
import { viaOracle } from './support/mutant.js';

export const evaluate = viaOracle((c) => mapStatements(c, ({ Principal: _p, NotPrincipal: _n, ...s }) => s));
