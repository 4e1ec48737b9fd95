import { describe, expect, it } from 'vitest';
import { checkCidr, isIPv6, parseWhitelist } from './cidr';

describe('checkCidr', () => {
  it.each([
    ['10.0.0.1', 4],
    ['10.0.0.0/8', 4],
    ['0.0.0.0/0', 4],
    ['192.168.1.255/32', 4],
    ['::1', 6],
    ['::', 6],
    ['2001:db8::/32', 6],
    ['fe80::1:2:3:4', 6],
    ['2001:0db8:0000:0000:0000:ff00:0042:8329', 6],
    ['::ffff:192.0.2.1/128', 6],
    ['::/0', 6],
  ])('accepts %s (IPv%i)', (entry, family) => {
    expect(checkCidr(entry)).toEqual({ ok: true, family });
  });

  it.each([
    ['256.0.0.1', 'address'],
    ['10.0.0', 'address'],
    ['01.2.3.4', 'address'],
    ['10.0.0.0/33', 'prefix'],
    ['10.0.0.0/', 'prefix'],
    ['10.0.0.0/-1', 'prefix'],
    ['2001:db8::/129', 'prefix'],
    ['2001:db8:::1', 'address'],
    ['1::2::3', 'address'],
    ['1:2:3:4:5:6:7:8:9', 'address'],
    ['1:2:3:4:5:6:7', 'address'],
    ['gggg::1', 'address'],
    ['fe80::1%eth0', 'address'],
    ['example.com', 'address'],
  ])('refuses %s (%s)', (entry, reason) => {
    expect(checkCidr(entry)).toEqual({ ok: false, reason });
  });

  it('counts an embedded IPv4 tail as two groups', () => {
    expect(isIPv6('1:2:3:4:5:6:1.2.3.4')).toBe(true);
    expect(isIPv6('1:2:3:4:5:6:7:1.2.3.4')).toBe(false);
  });
});

describe('parseWhitelist', () => {
  it('splits on commas, spaces and lines and lists the invalid entries', () => {
    expect(parseWhitelist('10.0.0.0/8, ::1\n300.1.1.1  2001:db8::/48')).toEqual({
      entries: ['10.0.0.0/8', '::1', '300.1.1.1', '2001:db8::/48'],
      invalid: ['300.1.1.1'],
    });
  });
});
