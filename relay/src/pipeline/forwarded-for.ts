import { clientIp, inRanges, normalize, type parseCidrs } from './client-ip.js';

/**
 * The X-Forwarded-For to send upstream: the part of the client's header the relay believes
 * (read from the right while hops come from trusted proxies, so it starts with the address
 * {@link clientIp} computes) followed by the socket peer, as each proxy appends the address it
 * received from. From an untrusted peer the header is ignored: just the peer's address.
 */
export function forwardedFor(
  remote: string | undefined,
  xff: string | string[] | undefined,
  trusted: ReturnType<typeof parseCidrs>,
): string {
  const peer = clientIp(remote, undefined, trusted);
  if (!xff || trusted.length === 0 || !inRanges(peer, trusted)) return peer;
  const hops = (Array.isArray(xff) ? xff.join(',') : xff).split(',');
  const kept: string[] = [];
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalize(hops[i]!.trim());
    if (!hop) break;
    const text = hop.toString();
    kept.push(text);
    if (!inRanges(text, trusted)) break;
  }
  kept.reverse();
  kept.push(peer);
  return kept.join(', ');
}
