import ipaddr from 'ipaddr.js';

/**
 * The client's address: the socket's, or — when the socket belongs to a trusted proxy — the
 * right-most X-Forwarded-For entry that is not itself a trusted proxy.
 */
export function clientIp(
  remoteAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string | null {
  let current = normalize(remoteAddress);
  if (!current) return null;
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  while (trusted.has(current) && chain.length) {
    const next = normalize(chain.pop());
    if (!next) break;
    current = next;
  }
  return current;
}

function normalize(addr: string | undefined): string | null {
  if (!addr || !ipaddr.isValid(addr)) return null;
  const parsed = ipaddr.parse(addr);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    return (parsed as ipaddr.IPv6).toIPv4Address().toString();
  }
  return parsed.toString();
}

export class TrustedProxies {
  private readonly ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][];
  constructor(list: string[]) {
    this.ranges = list.map((entry) =>
      entry.includes('/')
        ? ipaddr.parseCIDR(entry)
        : (() => {
            const a = ipaddr.parse(entry);
            return [a, a.kind() === 'ipv4' ? 32 : 128] as [ipaddr.IPv4 | ipaddr.IPv6, number];
          })(),
    );
  }
  has(addr: string): boolean {
    const a = ipaddr.parse(addr);
    return this.ranges.some(([net, bits]) => a.kind() === net.kind() && a.match(net, bits));
  }
}

/**
 * Validates a CIDR (or a single address, stored as /32 or /128) and returns its canonical
 * form. IPv4 must be four-part decimal (ipaddr.js also accepts "127.1" or hex forms).
 */
export function canonicalCidr(value: string): string | null {
  const v = value.trim();
  const [addrPart, bitsPart] = v.split('/');
  if (!addrPart || v.split('/').length > 2) return null;
  const isV6 = addrPart.includes(':');
  if (!isV6 && !ipaddr.IPv4.isValidFourPartDecimal(addrPart)) return null;
  if (isV6 && !ipaddr.IPv6.isValid(addrPart)) return null;
  const max = isV6 ? 128 : 32;
  let bits = max;
  if (bitsPart !== undefined) {
    if (!/^\d{1,3}$/.test(bitsPart)) return null;
    bits = Number(bitsPart);
    if (bits > max) return null;
  }
  return `${ipaddr.parse(addrPart).toString()}/${bits}`;
}
