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

export function normalize(ip: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (!ipaddr.isValid(ip)) return null;
  return ipaddr.process(ip);
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
  let ip = normalize(remote ?? '')?.toString() ?? remote ?? '';
  if (!xff || trusted.length === 0 || !inRanges(ip, trusted)) return ip;
  const hops = (Array.isArray(xff) ? xff.join(',') : xff)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalize(hops[i]!);
    if (!hop) break;
    ip = hop.toString();
    if (!inRanges(ip, trusted)) break;
  }
  return ip;
}
