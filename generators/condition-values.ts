/**
 * The values of one condition entry: the key's anchors, written the way each operator family allows —
 * wildcards only for `…Like` / `Arn…`, variables only for String and ARN operators, JSON numbers and
 * booleans sometimes unquoted, dates sometimes as epoch seconds
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html).
 */
import type { ConditionRecipe } from './condition-recipe.js';
import { pick, questionAt, starAfter, unique } from './text.js';
import { boolCase, dateForm, expandIpv6, numberText, SPECIAL_VARIABLES } from './value-forms.js';
import type { World, WorldKey } from './world.js';

/** `${*}`, `${?}`, `${$}`: literal `*`, `?`, `$` inside a value (variables page, "Special characters"). */
const escapeSpecials = (s: string): string => s.replace(/[*?$]/g, (c) => `\${${c}}`);

/**
 * The same instant in the other spellings the W3C profile and the operators page allow: epoch seconds,
 * a numeric zone offset, fractional seconds. Comparing dates as strings gets these wrong.
 */
function dateText(iso: string, form: number): string {
  const ms = Date.parse(iso);
  switch (form % 10) {
    case 9:
      return dateForm(ms, 1); // the day alone (YYYY-MM-DD): midnight UTC
    case 8:
      return dateForm(ms, 2); // the same instant at -05:00
    case 7:
      return String(ms / 1000);
    case 6:
      return iso.replace(/Z$/, '+00:00');
    case 5:
      return iso.replace(/Z$/, '.000Z');
    case 4:
      return new Date(ms + 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+01:00');
    default:
      return iso;
  }
}

/** Bool values in other letter case (accepted by IAM per a third-party report; oracle/validate DECISIONS #11). */
const boolText = (b: string, form: number): string => boolCase(b, form);

/**
 * IP values in other documented spellings: IPv6 written out in full, the whole address space `/0`, an
 * IPv4 block as IPv4-mapped IPv6 (never matches an IPv4 request, oracle/DECISIONS #23).
 */
function ipText(v: string, form: number): string {
  switch (form % 9) {
    case 5:
      return expandIpv6(v) ?? v;
    case 6:
      return v.includes(':') ? '::/0' : '0.0.0.0/0';
    case 7: {
      const [addr = '', len = '32'] = v.split('/');
      return v.includes(':') ? v : `::ffff:${addr}/${96 + Number(len)}`;
    }
    default:
      return v;
  }
}

/** One of `${*}`, `${?}`, `${$}` inserted into the resource part (or the text) of `s` at `cut`. */
function withSpecialVariable(s: string, cut: number, from = 0): string {
  const at = from + (cut % (s.length - from + 1));
  return s.slice(0, at) + pick(SPECIAL_VARIABLES, cut) + s.slice(at);
}

const resourcePartStart = (arn: string): number => arn.split(':').slice(0, 5).join(':').length + 1;

function arnPattern(arn: string, form: number, cut: number): string {
  const parts = arn.split(':');
  switch (form % 5) {
    case 1:
      return starAfter(arn, cut, parts.slice(0, 5).join(':').length + 1);
    case 2:
      return parts.length >= 6 ? [...parts.slice(0, 3), '*', ...parts.slice(4)].join(':') : arn;
    case 3:
      return questionAt(arn, cut, parts.slice(0, 5).join(':').length + 1);
    default:
      return arn;
  }
}

/**
 * An ARN value with a literal `*`, `?` or `$` written as `${*}`-style variable (2012-10-17 only, so only
 * when the world has variables): ArnEquals and ArnLike must both read it literally.
 */
const arnWithSpecial = (arn: string, form: number, cut: number, escapes: boolean): string =>
  escapes && form % 7 === 6 ? withSpecialVariable(arn, cut, Math.min(resourcePartStart(arn), arn.length)) : arn;

function stringPattern(s: string, form: number, cut: number, escapes: boolean): string {
  // Anchors holding `*`, `?` or `$` are written with `${*}`-style escapes half of the time.
  if (escapes && /[*?$]/.test(s) && form % 2 === 0) return escapeSpecials(s);
  // A lone `*` makes the whole entry hold whatever the request says: rare on purpose.
  switch (form % (escapes ? 10 : 9)) {
    case 1:
    case 5:
      return starAfter(s, cut);
    case 2:
    case 6:
      return questionAt(s, cut);
    case 3:
      return '*';
    case 9:
      return escapeSpecials(s);
    default:
      return s;
  }
}

/** A `${key}` reference to one of the world's variables, in one of its documented spellings. */
function variableText(w: World, tested: WorldKey, v: number): string | undefined {
  if (w.variables.length === 0) return undefined;
  const key = pick(w.variables, v);
  const spelling = Math.floor(v / w.variables.length) % 3;
  if (spelling === 1 && w.keyCase) return `\${${key.name.toLowerCase()}}`;
  // The default is one of the tested key's own anchors, so that it decides when the variable is absent.
  if (spelling === 2) return `\${${key.name}, '${pick(tested.anchors, v)}'}`;
  return `\${${key.name}}`;
}

/** Values written for `base` (the operator without qualifier and IfExists) on `key`. */
export function conditionValues(w: World, key: WorldKey, base: string, r: ConditionRecipe): unknown[] {
  const escapes = w.variables.length > 0;
  if (base === 'Null') {
    const b = pick(['true', 'false'], r.values[0] ?? 0);
    // JSON booleans and any letter case (validate/DECISIONS #11).
    return [r.bare ? b === 'true' : boolText(b, r.form)];
  }
  // An empty value list (validate/DECISIONS #7, oracle/DECISIONS #45): rare.
  if ((r.values[0] ?? 0) % 41 === 40) return [];
  const anchors = r.values.map((v) => pick(key.anchors, v));
  let out: unknown[];
  if (base.startsWith('Arn')) {
    out = anchors.map((a, i) => ((i === 0 && base.endsWith('Like')) || i === 1 ? arnPattern(a, r.form, r.values[i] ?? 0) : a));
    out[0] = arnWithSpecial(String(out[0]), r.form, r.values[0] ?? 0, escapes);
  } else if (base.includes('Like')) out = anchors.map((a, i) => stringPattern(a, i === 0 ? r.form : 0, r.values[i] ?? 0, escapes));
  else if (base.startsWith('String')) out = anchors.map((a, i) => stringValue(a, r.form + i, r.values[i] ?? 0, escapes, base.includes('IgnoreCase'), r.bare));
  else if (base.startsWith('Numeric') && r.bare) out = anchors.map(Number);
  else if (base.startsWith('Numeric')) out = anchors.map((a, i) => numberText(a, r.form + i));
  else if (base === 'Bool' && r.bare) out = anchors.map((a) => a === 'true');
  else if (base === 'Bool') out = anchors.map((a) => boolText(a, r.form));
  else if (base.startsWith('Date')) out = anchors.map((a) => dateText(a, r.form));
  else if (base.endsWith('IpAddress')) out = anchors.map((a, i) => ipText(a, r.form + i));
  else out = anchors;
  // Variables only where AWS documents them: String and ARN operators.
  if (r.variable !== null && (base.startsWith('String') || base.startsWith('Arn'))) {
    const text = variableText(w, key, r.variable);
    if (text !== undefined) {
      const first = String(anchors[0]);
      // In ARN values the variable takes the name segment, as in Resource elements. In StringLike it is
      // followed by a `*` half of the time, as in the variables page's `home/${aws:username}/*`: an
      // absent variable read as the empty string would then match everything.
      const spliced = base.startsWith('Arn') && first.includes('/') ? first.slice(0, first.lastIndexOf('/') + 1) + text : text;
      out[0] = base.startsWith('String') && base.includes('Like') && r.variable % 2 === 1 ? `${spliced}*` : spliced;
    }
  }
  return unique(out);
}

/**
 * A StringEquals / StringNotEquals / …IgnoreCase value: the anchor, with its `*`, `?`, `$` sometimes
 * written as `${*}`-style variables (the same text), or an anchor that reads as a number or boolean
 * written as a JSON number or boolean (grammar: "Quotation marks are optional for numeric and Boolean
 * values"; only integers and true/false, whose string form is not in doubt).
 */
function stringValue(a: string, form: number, cut: number, escapes: boolean, ignoreCase: boolean, bare: boolean): unknown {
  if (bare && /^(0|[1-9]\d{0,5})$/.test(a)) return Number(a);
  if (bare && (a === 'true' || a === 'false')) return a === 'true';
  let v = a;
  if (escapes && /[*?$]/.test(a) && form % 2 === 0) v = escapeSpecials(a);
  else if (escapes && form % 9 === 8) v = withSpecialVariable(a, cut);
  return ignoreCase && form % 2 === 1 ? v.toUpperCase() : v;
}
