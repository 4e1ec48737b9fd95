import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent, errors as undiciErrors, request } from 'undici';
import { UpstreamError } from './contract.js';

/**
 * Fetches an image URL a client put in a request, for adapters that must inline it (Gemini
 * and other native APIs take bytes, not URLs). The URL is the client's, so it is treated as
 * hostile (SSRF): only http(s); every address the host resolves to must be public, checked in
 * the socket's own DNS lookup so the address checked is the address connected to (no
 * rebinding window); literal IPs are checked before connecting; redirects are followed by
 * hand and each hop is checked the same way; body size and total time are bounded.
 */
export interface ImageFetchOptions {
  /** Self-hosted setups: allow loopback, private, link-local and unique-local targets. */
  allowPrivate?: boolean;
  /** Largest body accepted, bytes. */
  maxBytes?: number;
  /** Whole fetch including redirects, ms. */
  timeoutMs?: number;
  maxRedirects?: number;
  /** Address policy; defaults to {@link isPublicAddress} (or everything with allowPrivate). */
  isAllowedAddress?: (address: string) => boolean;
  /** DNS lookup, for tests. */
  lookup?: typeof dnsLookup;
}

export type ImageFetcher = (url: string, signal?: AbortSignal) => Promise<{ mimeType: string; data: Buffer }>;

export const IMAGE_FETCH_DEFAULTS = { maxBytes: 20 * 1024 * 1024, timeoutMs: 15_000, maxRedirects: 5 };

/**
 * True for globally routable unicast addresses only. Refused: loopback, RFC 1918 private,
 * link-local, 0.0.0.0/::, carrier-grade NAT, multicast, broadcast, documentation/benchmark
 * ranges, IPv6 unique-local, and every IPv6 form that embeds an IPv4 address (mapped ::ffff:,
 * NAT64, 6to4, Teredo), since the embedded address could be private.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  return parsed.range() === 'unicast';
}

function permissive(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const range = ipaddr.process(address).range();
  return range !== 'multicast' && range !== 'broadcast';
}

export class ImageFetchRefused extends Error {
  override name = 'ImageFetchRefused';
}

export function createImageFetcher(options: ImageFetchOptions = {}): ImageFetcher {
  const maxBytes = options.maxBytes ?? IMAGE_FETCH_DEFAULTS.maxBytes;
  const timeoutMs = options.timeoutMs ?? IMAGE_FETCH_DEFAULTS.timeoutMs;
  const maxRedirects = options.maxRedirects ?? IMAGE_FETCH_DEFAULTS.maxRedirects;
  const allowed = options.isAllowedAddress ?? (options.allowPrivate ? permissive : isPublicAddress);
  const resolve = options.lookup ?? dnsLookup;

  // The socket's lookup: resolve every address, refuse the host if any of them is not allowed.
  const guardedLookup = (
    hostname: string,
    opts: { all?: boolean; family?: number },
    callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    resolve(hostname, { all: true, family: opts.family ?? 0 }, (err, addresses) => {
      if (err) return callback(err, []);
      const list = addresses as LookupAddress[];
      const bad = list.find((a) => !allowed(a.address));
      if (bad || list.length === 0)
        return callback(new ImageFetchRefused(`${hostname} resolves to a non-public address`), []);
      if (opts.all) return callback(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
  const agent = new Agent({
    connect: { lookup: guardedLookup as never, timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });

  return async (rawUrl, signal) => {
    const inline = decodeDataUrl(rawUrl);
    if (inline) return inline;
    // A timer we can clear: a signal that fires after the fetch ended would error its bodies.
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
    try {
      return await fetchFollowing(rawUrl, combined);
    } catch (err) {
      throw toUpstreamError(err, timeout.signal.aborted);
    } finally {
      clearTimeout(timer);
    }
  };

  async function fetchFollowing(rawUrl: string, signal: AbortSignal) {
    let url = parseUrl(rawUrl);
    for (let hop = 0; ; hop++) {
      const host = url.hostname.replace(/^\[|\]$/g, '');
      if (isIP(host) && !allowed(host)) throw new ImageFetchRefused(`${host} is not a public address`);
      const res = await request(url, {
        method: 'GET',
        dispatcher: agent,
        signal,
        headers: { accept: 'image/*', 'user-agent': 'Switchboard-ImageFetch/1' },
      });
      if (res.statusCode >= 300 && res.statusCode < 400 && res.headers.location) {
        discard(res.body);
        if (hop >= maxRedirects) throw new ImageFetchRefused('too many redirects');
        url = parseUrl(new URL(String(res.headers.location), url).toString());
        continue;
      }
      if (res.statusCode !== 200) {
        discard(res.body);
        throw new ImageFetchRefused(`the image URL answered HTTP ${res.statusCode}`);
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        discard(res.body);
        throw new ImageFetchRefused(`the image is larger than ${maxBytes} bytes`);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res.body) {
        size += (chunk as Buffer).length;
        if (size > maxBytes) {
          discard(res.body);
          throw new ImageFetchRefused(`the image is larger than ${maxBytes} bytes`);
        }
        chunks.push(chunk as Buffer);
      }
      const data = Buffer.concat(chunks);
      const mimeType = mediaType(String(res.headers['content-type'] ?? ''), data);
      return { mimeType, data };
    }
  }
}

/** Drops a body we will not read; late errors on it (abort after the fact) are expected. */
function discard(body: NodeJS.ReadableStream & { destroy(): void }): void {
  body.on('error', () => {});
  body.destroy();
}

/** data: URLs carry their bytes: decoded here, nothing fetched. */
function decodeDataUrl(url: string): { mimeType: string; data: Buffer } | null {
  const m = /^data:([^;,]*)((?:;[^;,]*)*),(.*)$/s.exec(url);
  if (!m) return null;
  const base64 = /;base64$/i.test(m[2]!);
  let data: Buffer;
  try {
    data = base64 ? Buffer.from(m[3]!, 'base64') : Buffer.from(decodeURIComponent(m[3]!));
  } catch {
    throw toUpstreamError(new ImageFetchRefused('the data: URL is malformed'), false);
  }
  return { mimeType: m[1] || 'application/octet-stream', data };
}

const shared = new Map<boolean, ImageFetcher>();

/**
 * The relay's fetcher, one per allowPrivate setting (each keeps its own keep-alive agent):
 * `ctx.fetchImage = (url) => fetchImage(url, options.allowPrivateImageFetch)`.
 */
export function fetchImage(url: string, allowPrivate: boolean, signal?: AbortSignal) {
  let fetcher = shared.get(allowPrivate);
  if (!fetcher) {
    fetcher = createImageFetcher({ allowPrivate });
    shared.set(allowPrivate, fetcher);
  }
  return fetcher(url, signal);
}

function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ImageFetchRefused('the image URL is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ImageFetchRefused('only http(s) image URLs can be fetched');
  if (url.username || url.password)
    throw new ImageFetchRefused('image URLs with credentials are not fetched');
  return url;
}

/** The declared type when it is an image (or PDF); otherwise sniffed from the bytes. */
function mediaType(header: string, data: Buffer): string {
  const declared = header.split(';')[0]!.trim().toLowerCase();
  if (declared.startsWith('image/') || declared === 'application/pdf') return declared;
  const sniffed = sniff(data);
  if (sniffed) return sniffed;
  throw new ImageFetchRefused(`the URL did not return an image (${declared || 'no content type'})`);
}

function sniff(b: Buffer): string | null {
  if (b.length >= 8 && b.readUInt32BE(0) === 0x89504e47) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 6 && b.subarray(0, 4).toString('latin1') === 'GIF8') return 'image/gif';
  if (
    b.length >= 12 &&
    b.subarray(0, 4).toString('latin1') === 'RIFF' &&
    b.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  if (b.length >= 5 && b.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

/** The client's URL was bad (or refused): a 400 for the client, never a channel failure. */
function toUpstreamError(err: unknown, timedOut: boolean): UpstreamError {
  if (err instanceof UpstreamError) return err;
  const timeout =
    timedOut ||
    err instanceof undiciErrors.HeadersTimeoutError ||
    err instanceof undiciErrors.BodyTimeoutError;
  const reason = timeout
    ? 'fetching the image timed out'
    : (findRefusal(err) ?? 'the image URL could not be fetched');
  return new UpstreamError({
    status: 400,
    type: 'invalid_request_error',
    code: 'invalid_image_url',
    message: `Image URL refused: ${reason}.`,
    retryable: false,
    fatal: null,
    upstreamStatus: 0,
    detail: `image fetch: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`,
  });
}

function findRefusal(err: unknown): string | null {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++)
    if (e instanceof ImageFetchRefused || e.name === 'ImageFetchRefused') return e.message;
  return null;
}
