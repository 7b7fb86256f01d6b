/**
 * BUG: `${*}`, `${?}`, `${$}` are replaced only in the Like operators; in StringEquals, StringNotEquals,
 * their IgnoreCase forms and ArnEquals/ArnNotEquals they stay text and never equal `*`, `?`, `$`.
 */
import { isObject, mapStatements, mapStrings } from './support/rewrite-case.js';
import { viaOracle } from './support/mutant.js';

const EQUALS = /^(?:For(?:Any|All)Values?:)?(?:String|Arn)(?:Not)?Equals(?:IgnoreCase)?(?:IfExists)?$/;

export const evaluate = viaOracle((c) =>
  mapStatements(c, (s) => {
    if (!isObject(s.Condition)) return s;
    // `${ *}` is literal text to the oracle (a key with a space is no variable): the bug's unreplaced token.
    const condition = Object.fromEntries(
      Object.entries(s.Condition).map(([op, keys]) => [op, EQUALS.test(op) ? mapStrings(keys, (v) => v.replace(/\$\{([*?$])\}/g, '${ $1}')) : keys]),
    );
    return { ...s, Condition: condition };
  }),
);
