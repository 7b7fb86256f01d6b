/** BUG: an IPv4-mapped IPv6 block (`::ffff:10.0.0.0/120`) is read as the IPv4 block it maps (`10.0.0.0/24`). */
import { isObject, mapStatements, mapStrings } from './support/rewrite-case.js';
import { viaOracle } from './support/mutant.js';

const IP_OPERATOR = /^(?:For(?:Any|All)Values?:)?(?:Not)?IpAddress(?:IfExists)?$/;
const unmap = (v: string): string =>
  v.replace(/^::ffff:(\d{1,3}(?:\.\d{1,3}){3})(?:\/(\d{1,3}))?$/i, (_m, addr: string, len?: string) =>
    len === undefined ? addr : `${addr}/${Math.max(0, Number(len) - 96)}`,
  );

export const evaluate = viaOracle((c) =>
  mapStatements(c, (s) => {
    if (!isObject(s.Condition)) return s;
    const condition = Object.fromEntries(Object.entries(s.Condition).map(([op, keys]) => [op, IP_OPERATOR.test(op) ? mapStrings(keys, unmap) : keys]));
    return { ...s, Condition: condition };
  }),
);
