/**
 * Value vocabularies per key kind: the anchors a policy writes and the request values around them
 * (numeric ±1, dates ±1 s, IPs at and beyond CIDR edges, strings in other case and one character off).
 * Anchors are derived from numbers the world generator draws, so shrinking moves towards small values.
 */
import type { KeyKind } from './key-kind.js';
import { pick, unique } from './text.js';
import { expandIpv6, hostileStrings } from './value-forms.js';

export interface KeyValues {
  /** Values a policy writes for this key. */
  readonly anchors: readonly string[];
  /** Values a request may carry: the anchors and their near misses. */
  readonly nearby: readonly string[];
}

/** String pools loosely taken from SageMaker's documented values (RootAccess, InstanceTypes, tag values). */
const SPECIAL_POOL = ['ab*cd', 'ab?c*', 'co*st$'];
const STRING_POOLS: readonly (readonly string[])[] = [
  ['Enabled', 'Disabled'],
  ['ml.c5.xlarge', 'ml.c5.2xlarge', 'ml.p3.2xlarge'],
  ['red', 'blue', 'red-team'],
  ['prod-a', 'prod-b', 'dev-a'],
  // Strings that read as a number or a boolean: a policy may write them unquoted (grammar page).
  ['10', '7', 'true'],
  // Control characters and Latin-1 letters: valid in a policy (oracle/validate/DECISIONS #23).
  ['tab\there', 'café', 'a\u0001b'],
];

/** Values a wildcard would match where the literal character does not: `ab*cd` → `abxcd`. */
const confusables = (s: string): string[] => (/[*?]/.test(s) ? [s.replace(/[*?]/g, 'x'), s.replace(/[*?]/g, '')] : []);

const BASE_DATE_MS = Date.UTC(2026, 0, 1);

/** W3C ISO-8601 in UTC, second precision (https://www.w3.org/TR/NOTE-datetime). */
const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const ipv4 = (n: number): string => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');

/** IPv4 anchors are CIDRs 10.x.y.0/<len>; request values sit on and just past each edge. */
function ipValues(a: number, b: number): KeyValues {
  const len = pick([24, 32, 28, 16], b);
  const base = ((10 << 24) >>> 0) + ((a % 64) << 10);
  const size = 2 ** (32 - len);
  const net = base - (base % size);
  const cidr = len === 32 ? ipv4(net) : `${ipv4(net)}/${len}`;
  const v6 = pick(['2001:db8::/64', '2001:db8:0:1::/64'], a);
  const v6Near = ['2001:db8::1', '2001:db8:0:1::1', '2001:db8:0:2::1'];
  return {
    anchors: b % 5 === 4 ? [cidr, v6] : [cidr],
    // The edges, IPv6 neighbours compressed and written out, the network as IPv4-mapped IPv6.
    nearby: unique([ipv4(net), ipv4(net + size - 1), ipv4(net + size), ipv4(net - 1), ...v6Near, expandIpv6(v6Near[a % 2] ?? '') ?? '', `::ffff:${ipv4(net)}`]),
  };
}

/**
 * Anchors and near misses for a key of this kind; `a`, `b` are the world's draws, `arns` its resources,
 * `special` picks the pool of literal `*`, `?`, `$` (only `${*}`, `${?}`, `${$}` match them literally
 * in StringLike).
 */
export function keyValues(kind: KeyKind, a: number, b: number, arns: readonly string[], special = false): KeyValues {
  switch (kind) {
    case 'numeric': {
      const x = a % 200;
      const y = x + 1 + (b % 50);
      return { anchors: [String(x), String(y)], nearby: unique([x, y, x - 1, x + 1, y - 1, y + 1].map(String)) };
    }
    case 'date': {
      const x = BASE_DATE_MS + (a % 1000) * 3_600_000;
      const y = x + (1 + (b % 48)) * 3_600_000;
      const near = [x, y, x - 1000, x + 1000, y - 1000, y + 1000];
      return { anchors: [isoSeconds(x), isoSeconds(y)], nearby: near.map(isoSeconds) };
    }
    case 'bool':
      return { anchors: ['true', 'false'], nearby: ['true', 'false'] };
    case 'ip':
      return ipValues(a, b);
    case 'arn': {
      const own = arns.length > 0 ? arns : ['arn:aws:kms:us-east-1:123456789012:key/key-1'];
      const x = pick(own, a);
      return { anchors: unique([x, pick(own, a + 1 + b)]), nearby: unique([...own, x + 'x', x.replace(/:[0-9]{12}:/, ':210987654321:')]) };
    }
    case 'binary':
      return { anchors: ['QUJD'], nearby: ['QUJD', 'QUJE'] };
    case 'string': {
      const pool = special ? SPECIAL_POOL : pick(STRING_POOLS, a);
      const x = pick(pool, b);
      const y = pick(pool, b + 1);
      const near = [x, y, ...confusables(x), x.toUpperCase(), x.slice(0, -1), `${x}x`, ...pool, ...hostileStrings(x)];
      return { anchors: unique([x, y]), nearby: unique(near.filter((s) => s.length > 0)) };
    }
  }
}
