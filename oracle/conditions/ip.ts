/**
 * IpAddress / NotIpAddress: the policy value is an IPv4 or IPv6 CIDR block, a bare address being a
 * single host (/32, /128); the request value is one address. Families never match each other
 * (DECISION, unconfirmed: an IPv4-mapped IPv6 address is not converted to IPv4). No policy variables.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
 */
import ipaddr from 'ipaddr.js';
import { isIpValue } from '../validate/index.js';
import { runsText } from '../variables.js';
import { memoised } from '../memo.js';
import type { OperatorSemantics } from './semantics.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Range = [Address, number];

/**
 * Parses once per distinct string (bounded memo): ipaddr.js allocates several objects per parse, and
 * policies and requests repeat the same few addresses. Parsed values are never mutated.
 */
/** A policy CIDR (or bare address) as [network, prefix length]. */
const readRange = memoised((value: string): Range | undefined => {
  if (!isIpValue(value)) return undefined;
  const slash = value.indexOf('/');
  const address = ipaddr.parse(slash < 0 ? value : value.slice(0, slash));
  const bits = slash < 0 ? (address.kind() === 'ipv4' ? 32 : 128) : Number(value.slice(slash + 1));
  return [address, bits];
});

/** One request address: four-part decimal IPv4 or IPv6, no prefix, no zone. */
const readAddress = memoised((value: string): Address | undefined => {
  if (value.includes('/') || !isIpValue(value)) return undefined;
  return ipaddr.parse(value);
});

export const ipSemantics: OperatorSemantics<Range, Address> = {
  variables: false,
  policyValue: (runs) => readRange(runsText(runs)),
  requestValue: readAddress,
  test: (request, [network, bits]) => request.kind() === network.kind() && request.match(network, bits),
};
