/**
 * Other spellings of a value a policy or request may use, each picked by a number: the forms the
 * operators page allows (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html)
 * and the near-forms a parser gets wrong. Where the docs say nothing about a form, the oracle's reading
 * is in oracle/DECISIONS.md and oracle/validate/DECISIONS.md (#9 numbers, #10 dates, #11 Bool, #15 IP).
 */

/** `${*}`, `${?}`, `${$}`: the literal characters in a 2012-10-17 policy (variables page, "Special characters"). */
export const SPECIAL_VARIABLES = ['${*}', '${?}', '${$}'] as const;

/**
 * A numeric policy value written as an integer or decimal, with a sign, a fraction or an exponent:
 * the same number (validate/DECISIONS #9 reads all of these; the docs name "integer or decimal" only).
 */
export function numberText(n: string, form: number): string {
  switch (form % 7) {
    case 3:
      return `+${n}`;
    case 4:
      return `${n}.0`;
    case 5:
      return `${n}e0`;
    case 6:
      return Number(n) === 0 ? '-0' : `${Number(n) * 10}e-1`;
    default:
      return n;
  }
}

/**
 * A numeric request value in a form the parser must reject (leading/trailing space, trailing text), or
 * the same number with a sign or exponent. Unreadable request values satisfy neither an operator nor its
 * negation (oracle/DECISIONS #9).
 */
export function numberRequestForms(n: string): string[] {
  return [`+${n}`, `${n}e0`, ` ${n}`, `${n} `, `${n}abc`];
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
/** `+hh:mm` local time for the same instant. */
const withOffset = (ms: number, hours: number): string => {
  const local = new Date(ms + hours * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '');
  const sign = hours < 0 ? '-' : '+';
  return `${local}${sign}${String(Math.abs(hours)).padStart(2, '0')}:00`;
};

/** The date forms a value may take, in the policy or the request (W3C profile or epoch seconds). */
export const DATE_FORMS = ['date-time', 'date-only', 'offset', 'epoch'] as const;

/**
 * An instant (epoch ms) in one of DATE_FORMS: `date-only` is the day it falls in (a different instant,
 * midnight UTC); `offset` is the same instant at +01:00 or -05:00; `epoch` is whole seconds since 1970.
 */
export function dateForm(ms: number, form: number): string {
  switch (form % 4) {
    case 1:
      return isoDay(ms);
    case 2:
      return withOffset(ms, form % 8 === 2 ? 1 : -5);
    case 3:
      return String(Math.floor(ms / 1000));
    default:
      return isoSeconds(ms);
  }
}

/** Every form of one instant, for request values (each form against each policy form). */
export const dateForms = (ms: number): string[] => [0, 1, 2, 3, 6].map((f) => dateForm(ms, f));

/** Bool (and Null) text in any letter case: `true`, `True`, `TRUE`, `tRUE`. */
export function boolCase(b: string, form: number): string {
  switch (form % 4) {
    case 1:
      return b.charAt(0).toUpperCase() + b.slice(1);
    case 2:
      return b.toUpperCase();
    case 3:
      return b.charAt(0) + b.slice(1).toUpperCase();
    default:
      return b;
  }
}

/** An IPv6 address with every group written out in four digits (`2001:0db8:0000:…`); undefined if not IPv6. */
export function expandIpv6(addr: string): string | undefined {
  const [ip = '', prefix] = addr.split('/');
  if (!ip.includes(':') || ip.includes('.')) return undefined;
  const [head = '', tail] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - h.length - t.length).fill('0');
  const groups = [...h, ...zeros, ...t].map((g) => g.padStart(4, '0'));
  return groups.join(':') + (prefix === undefined ? '' : `/${prefix}`);
}

/**
 * Request strings a fuzzer would try where a string reaches a matcher: control characters, a long value,
 * Latin-1 and characters beyond it (a surrogate pair), an empty value.
 */
export function hostileStrings(s: string): string[] {
  return [`${s}\n`, `\u0000${s}`, s.repeat(40), `${s}é`, `${s}\u{1F600}`, ''];
}
