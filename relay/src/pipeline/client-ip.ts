import ipaddr from 'ipaddr.js';

/**
 * Client address and IP whitelist checks. X-Forwarded-For is believed only hop by hop from
 * the right, and only while the hop it came from is a trusted proxy; IPv4-mapped IPv6
 * addresses (::ffff:a.b.c.d) are treated as the IPv4 address they carry.
 */
type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

export function parseCidrs(list: string[]): Range[] {
  const out: Range[] = [];
  for (const item of list) {
    const r = parseCidr(item);
    if (r) out.push(r);
  }
  return out;
}

function parseCidr(item: string): Range | null {
  try {
    if (item.includes('/')) {
      const [addr, bits] = ipaddr.parseCIDR(item.trim());
      return addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()
        ? [(addr as ipaddr.IPv6).toIPv4Address(), Math.max(0, bits - 96)]
        : [addr, bits];
    }
    const addr = normalize(item.trim());
    return addr ? [addr, addr.kind() === 'ipv4' ? 32 : 128] : null;
  } catch {
    return null;
  }
}

type Parsed = { addr: ipaddr.IPv4 | ipaddr.IPv6; text: string } | null;

/**
 * Parsed addresses by their text: every request parses its peer address (and the token's
 * whitelist check parses it again), and ipaddr.js parsing is a few µs each time. Clients come
 * from few addresses, so a small memo makes both a Map lookup; it is emptied when full.
 */
const parsed = new Map<string, Parsed>();
const PARSED_MAX = 4_096;

function parse(ip: string): Parsed {
  let hit = parsed.get(ip);
  if (hit === undefined) {
    const addr = ipaddr.isValid(ip) ? ipaddr.process(ip) : null;
    hit = addr ? { addr, text: addr.toString() } : null;
    if (parsed.size >= PARSED_MAX) parsed.clear();
    parsed.set(ip, hit);
  }
  return hit;
}

/** The address (IPv4-mapped IPv6 as IPv4); callers must not modify it (it is shared). */
export function normalize(ip: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  return parse(ip)?.addr ?? null;
}

export function inRanges(ip: string, ranges: Range[]): boolean {
  const addr = normalize(ip);
  if (!addr) return false;
  for (const [net, bits] of ranges) {
    if (net.kind() === addr.kind() && addr.match(net as never, bits)) return true;
  }
  return false;
}

/** The client's address: the socket peer, or walking X-Forwarded-For through trusted proxies. */
export function clientIp(
  remote: string | undefined,
  xff: string | string[] | undefined,
  trusted: Range[],
): string {
  let ip = parse(remote ?? '')?.text ?? remote ?? '';
  if (!xff || trusted.length === 0 || !inRanges(ip, trusted)) return ip;
  const hops = (Array.isArray(xff) ? xff.join(',') : xff)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = parse(hops[i]!);
    if (!hop) break;
    ip = hop.text;
    if (!inRanges(ip, trusted)) break;
  }
  return ip;
}
