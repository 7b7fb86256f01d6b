import { describe, expect, it } from 'vitest';
import { isBase64, isIpValue, parseBoolean, parseDate, parseNumeric } from './values.js';

describe('parseNumeric', () => {
  it('reads integers, decimals, signs and exponents', () => {
    expect(['0', '10', '-3', '+4', '1.5', '.5', '5.', '1e3', '2E-2'].map(parseNumeric)).toEqual([0, 10, -3, 4, 1.5, 0.5, 5, 1000, 0.02]);
  });

  it('refuses everything else', () => {
    for (const s of ['', ' 1', '1 ', '0x10', 'Infinity', 'NaN', '1,000', '1e', '--1', '.', '1e999']) expect(parseNumeric(s), s).toBeUndefined();
  });
});

describe('parseDate', () => {
  it('reads the W3C ISO-8601 profile', () => {
    expect(parseDate('2020-01-01T00:00:00Z')).toBe(Date.UTC(2020, 0, 1));
    expect(parseDate('2020-02')).toBe(Date.UTC(2020, 1, 1));
    expect(parseDate('2020-02-29')).toBe(Date.UTC(2020, 1, 29));
    expect(parseDate('2020-01-01T10:30Z')).toBe(Date.UTC(2020, 0, 1, 10, 30));
    expect(parseDate('2020-01-01T10:30:15.5Z')).toBe(Date.UTC(2020, 0, 1, 10, 30, 15, 500));
    expect(parseDate('2020-01-01T10:00:00+02:00')).toBe(Date.UTC(2020, 0, 1, 8));
    expect(parseDate('2020-01-01T10:00:00-01:30')).toBe(Date.UTC(2020, 0, 1, 11, 30));
    expect(parseDate('2020-01-01T10:00:00')).toBe(Date.UTC(2020, 0, 1, 10));
  });

  it('reads epoch seconds', () => {
    expect(parseDate('1577836800')).toBe(Date.UTC(2020, 0, 1));
    expect(parseDate('0')).toBe(0);
    expect(parseDate('1.5')).toBe(1500);
  });

  it('reads an all-digit string as epoch seconds, never as a year (DECISIONS.md: date-format)', () => {
    expect(parseDate('2020')).toBe(2_020_000);
    expect(parseDate('20200101')).toBe(20_200_101_000);
  });

  it('refuses impossible or malformed dates', () => {
    for (const s of ['', '2020-13-01', '2020-02-30', '2019-02-29', '2020-01-01T24:00Z', '2020-01-01T10:60Z', '2020-1-1', '2020-01-01 10:00:00Z', 'now', '2020-01-01T10Z']) {
      expect(parseDate(s), s).toBeUndefined();
    }
  });
});

describe('parseBoolean', () => {
  it('reads true/false in any case', () => {
    expect(['true', 'false', 'TRUE', 'False'].map(parseBoolean)).toEqual([true, false, true, false]);
  });
  it('refuses anything else', () => {
    for (const s of ['', '1', 'yes', 'truee', ' true']) expect(parseBoolean(s), s).toBeUndefined();
  });
});

describe('isIpValue', () => {
  it('accepts IPv4/IPv6 addresses and CIDR blocks', () => {
    for (const s of ['203.0.113.0/24', '203.0.113.7', '0.0.0.0/0', '10.0.0.1/8', '2001:DB8:1234:5678::/64', '::', '::ffff:192.0.2.1', '2001:db8::1/128']) {
      expect(isIpValue(s), s).toBe(true);
    }
  });
  it('refuses malformed addresses and prefixes', () => {
    for (const s of ['', '10.1', '256.0.0.1', '10.0.0.0/33', '10.0.0.0/', '10.0.0.0/08', '::1/129', 'fe80::1%eth0', '0x7f.0.0.1', 'localhost', '10.0.0.0/8/8']) {
      expect(isIpValue(s), s).toBe(false);
    }
  });
});

describe('isBase64', () => {
  it('accepts padded standard base64 and the empty string', () => {
    for (const s of ['', 'QQ==', 'QUI=', 'QUJD', 'QmluYXJ5VmFsdWU=']) expect(isBase64(s), s).toBe(true);
  });
  it('refuses other text', () => {
    for (const s of ['QQ', 'Q', 'QUJD=', 'a b=', 'QU-_', '====']) expect(isBase64(s), s).toBe(false);
  });
});
