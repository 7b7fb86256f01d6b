import ipaddr from 'ipaddr.js';
import type { OperatorFamily } from './operators.js';
import { BoundedMap } from '../memo.js';

/**
 * Typed policy values per operator family. Each checker takes the value in its string form (JSON numbers and
 * booleans already stringified) and says whether IAM can read it. The parsers are exported so the evaluator
 * can read values exactly the way they were validated.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */

// Decimal with optional sign, fraction and exponent (DECISIONS.md: numeric-format). Compiled once.
const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** A Numeric* value as a number, or undefined when it is not one. */
export function parseNumeric(s: string): number | undefined {
  if (!NUMERIC.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

// W3C ISO-8601 profile (YYYY[-MM[-DD[Thh:mm[:ss[.s+]][TZD]]]]); TZD optional = UTC (DECISIONS.md: date-format).
const W3C_DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;
const EPOCH = /^-?\d+(?:\.\d+)?$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A Date* value as epoch milliseconds (ISO-8601 W3C profile or epoch seconds), or undefined. An all-digit
 * string is epoch seconds, never a bare year (DECISIONS.md: date-format).
 */
export function parseDate(s: string): number | undefined {
  if (EPOCH.test(s)) {
    const n = Number(s) * 1000;
    return Number.isFinite(n) ? n : undefined;
  }
  const m = W3C_DATE.exec(s);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (DAYS_IN_MONTH[month - 1] ?? 0) || (month === 2 && day === 29 && !leap)) return undefined;
  let offset = 0;
  const tzd = m[8];
  if (tzd !== undefined && tzd !== 'Z') {
    const oh = Number(tzd.slice(1, 3));
    const om = Number(tzd.slice(4, 6));
    if (oh > 23 || om > 59) return undefined;
    offset = (tzd[0] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset;
}

/** `true`/`false` for Bool and Null values; any letter case (DECISIONS.md: bool-case). */
export function parseBoolean(s: string): boolean | undefined {
  const lower = s.length === 4 || s.length === 5 ? s.toLowerCase() : '';
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

const DECIMAL_PREFIX = /^(?:0|[1-9]\d{0,2})$/;
/**
 * An IpAddress value: IPv4 (four-part decimal) or IPv6 address, optionally `/prefix`; a bare address is /32 or /128.
 * Memoised: ipaddr.js builds objects to check a string, and policies and requests repeat the same few addresses.
 */
export function isIpValue(s: string): boolean {
  let valid = ipValues.get(s);
  if (valid === undefined) {
    valid = checkIpValue(s);
    ipValues.set(s, valid);
  }
  return valid;
}

const ipValues = new BoundedMap<string, boolean>(10_000);

function checkIpValue(s: string): boolean {
  const slash = s.indexOf('/');
  const address = slash < 0 ? s : s.slice(0, slash);
  if (address.includes('%')) return false; // IPv6 zone ids are not addresses IAM can compare
  let max: number;
  if (ipaddr.IPv4.isValidFourPartDecimal(address)) max = 32;
  else if (address.includes(':') && ipaddr.IPv6.isValid(address)) max = 128;
  else return false;
  if (slash < 0) return true;
  const prefix = s.slice(slash + 1);
  return DECIMAL_PREFIX.test(prefix) && Number(prefix) <= max;
}

// Standard alphabet, padded (RFC 4648 section 4); the empty string encodes zero bytes.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** A BinaryEquals value: base64 text. */
export function isBase64(s: string): boolean {
  return BASE64.test(s);
}

// `${...}` as the whole value: the only form in which a variable can stand for a typed value.
const WHOLE_VARIABLE = /^\$\{[^{}]+\}$/;

/**
 * Why a value does not fit its family, or undefined when it does. String and ARN values are free text
 * (ArnLike examples in AWS docs are not ARNs: `*key/volume-kms-key-12345`, DECISIONS.md: arn-values).
 */
export function valueProblem(family: OperatorFamily, s: string, variables: boolean): string | undefined {
  switch (family) {
    case 'string':
    case 'arn':
      return undefined;
    case 'numeric':
      return parseNumeric(s) === undefined ? 'is not a number' : undefined;
    case 'date':
      return parseDate(s) === undefined ? 'is not an ISO-8601 date or epoch seconds' : undefined;
    case 'bool':
      // The operators page says Bool supports policy variables (DECISIONS.md: bool-variables).
      if (variables && WHOLE_VARIABLE.test(s)) return undefined;
      return parseBoolean(s) === undefined ? 'is not "true" or "false"' : undefined;
    case 'null':
      return parseBoolean(s) === undefined ? 'is not "true" or "false"' : undefined;
    case 'ip':
      return isIpValue(s) ? undefined : 'is not an IPv4/IPv6 address or CIDR block';
    case 'binary':
      return isBase64(s) ? undefined : 'is not base64';
  }
}
