import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { request } from 'undici';

const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
const TIMEOUT_MS = 15_000;

/**
 * Fetches an image URL for adapters that must inline images (Anthropic, Gemini…). Refuses
 * addresses that are not public unicast (SSRF) unless allowed, and bounds size and time.
 * `data:` URLs are decoded in place.
 */
export async function fetchImage(
  url: string,
  allowPrivate: boolean,
): Promise<{ mimeType: string; data: Buffer }> {
  const dataUrl = /^data:([^;,]+)?(;base64)?,(.*)$/s.exec(url);
  if (dataUrl) {
    const data = dataUrl[2]
      ? Buffer.from(dataUrl[3]!, 'base64')
      : Buffer.from(decodeURIComponent(dataUrl[3]!));
    return { mimeType: dataUrl[1] ?? 'application/octet-stream', data };
  }
  const u = new URL(url);
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('image URL must be http(s)');
  if (!allowPrivate) {
    const host = u.hostname.replace(/^\[|\]$/g, '');
    const addrs = ipaddr.isValid(host) ? [{ address: host }] : await lookup(host, { all: true });
    for (const { address } of addrs) {
      if (ipaddr.process(address).range() !== 'unicast')
        throw new Error('image URL resolves to a private address');
    }
  }
  const res = await request(url, {
    method: 'GET',
    signal: AbortSignal.timeout(TIMEOUT_MS),
    maxRedirections: 0,
  } as never);
  if (res.statusCode !== 200) {
    await res.body.dump();
    throw new Error(`image fetch failed with status ${res.statusCode}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += chunk.length;
    if (size > MAX_IMAGE_BYTES) {
      res.body.destroy();
      throw new Error('image too large');
    }
    chunks.push(Buffer.from(chunk));
  }
  return {
    mimeType: String(res.headers['content-type'] ?? 'image/png').split(';')[0]!,
    data: Buffer.concat(chunks),
  };
}
