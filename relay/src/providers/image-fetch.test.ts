import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamError } from './contract.js';
import { createImageFetcher, fetchImage, isPublicAddress } from './image-fetch.js';

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 7)]);
let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/cat.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      return res.end(PNG);
    }
    if (url.pathname === '/untyped') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      return res.end(PNG);
    }
    if (url.pathname === '/page') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end('<html></html>');
    }
    if (url.pathname === '/big') {
      // No content-length: the limit must hold while streaming.
      res.writeHead(200, { 'content-type': 'image/png' });
      res.write(PNG);
      return res.end(Buffer.alloc(4096));
    }
    if (url.pathname === '/slow') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.write(PNG);
      return setTimeout(() => res.end(), 2000);
    }
    if (url.pathname === '/loop') {
      res.writeHead(301, { location: '/loop' });
      return res.end();
    }
    if (url.pathname === '/redirect') {
      res.writeHead(302, { location: url.searchParams.get('to') ?? '/cat.png' });
      return res.end();
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

async function refusal(p: Promise<unknown>): Promise<UpstreamError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UpstreamError);
  const u = err as UpstreamError;
  expect(u.info).toMatchObject({ status: 400, retryable: false, fatal: null, code: 'invalid_image_url' });
  return u;
}

/** Pretends 127.0.0.1 is the public internet and every other address is private. */
const onlyFirstLoopbackIsPublic = (a: string) => a === '127.0.0.1';
/** Test DNS: "public.test" → 127.0.0.1, "rebind.test" → 127.0.0.2, anything else fails. */
const testLookup = ((host: string, _opts: unknown, cb: (e: Error | null, a: unknown) => void) => {
  const table: Record<string, string> = { 'public.test': '127.0.0.1', 'rebind.test': '127.0.0.2' };
  const address = table[host];
  if (!address) return cb(Object.assign(new Error(`ENOTFOUND ${host}`), { code: 'ENOTFOUND' }), []);
  cb(null, [{ address, family: 4 }]);
}) as never;

describe('isPublicAddress', () => {
  it.each([
    ['127.0.0.1', false],
    ['10.0.0.1', false],
    ['172.16.5.4', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['0.0.0.0', false],
    ['100.64.0.1', false],
    ['224.0.0.1', false],
    ['::1', false],
    ['::', false],
    ['fc00::1', false],
    ['fd12:3456::1', false],
    ['fe80::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:8.8.8.8', false],
    ['64:ff9b::a00:1', false],
    ['not-an-ip', false],
    ['8.8.8.8', true],
    ['1.1.1.1', true],
    ['2606:4700:4700::1111', true],
  ])('%s → %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe('image fetcher with the default policy', () => {
  const fetchImage = createImageFetcher();

  it('refuses a literal loopback address', async () => {
    const err = await refusal(fetchImage(`http://127.0.0.1:${port}/cat.png`));
    expect(err.info.message).toMatch(/not a public address/);
  });

  it('refuses a host name that resolves to loopback (checked after DNS)', async () => {
    const err = await refusal(fetchImage(`http://localhost:${port}/cat.png`));
    expect(err.info.message).toMatch(/non-public address/);
  });

  it('refuses IPv6 loopback, mapped and unique-local literals', async () => {
    await refusal(fetchImage(`http://[::1]:${port}/cat.png`));
    await refusal(fetchImage(`http://[::ffff:127.0.0.1]:${port}/cat.png`));
    await refusal(fetchImage(`http://[fd00::1]:${port}/cat.png`));
    await refusal(fetchImage(`http://0.0.0.0:${port}/cat.png`));
  });

  it('refuses other schemes and credentials in the URL', async () => {
    await refusal(fetchImage('file:///etc/passwd'));
    await refusal(fetchImage('ftp://example.com/a.png'));
    await refusal(fetchImage('https://user:pw@example.com/a.png'));
    await refusal(fetchImage('not a url'));
  });
});

describe('image fetcher mechanics (127.0.0.1 treated as public)', () => {
  const fetchImage = createImageFetcher({
    isAllowedAddress: onlyFirstLoopbackIsPublic,
    lookup: testLookup,
    maxBytes: 1024,
    timeoutMs: 500,
  });

  it('fetches an image and keeps its type', async () => {
    const got = await fetchImage(`http://public.test:${port}/cat.png`);
    expect(got.mimeType).toBe('image/png');
    expect(got.data.equals(PNG)).toBe(true);
  });

  it('sniffs the type when the server says octet-stream, refuses non-images', async () => {
    expect((await fetchImage(`http://public.test:${port}/untyped`)).mimeType).toBe('image/png');
    await refusal(fetchImage(`http://public.test:${port}/page`));
  });

  it('follows a redirect to an allowed host', async () => {
    const got = await fetchImage(`http://public.test:${port}/redirect?to=/cat.png`);
    expect(got.data.equals(PNG)).toBe(true);
  });

  it('refuses a redirect to a private literal address', async () => {
    const to = encodeURIComponent(`http://127.0.0.2:${port}/cat.png`);
    const err = await refusal(fetchImage(`http://public.test:${port}/redirect?to=${to}`));
    expect(err.info.message).toMatch(/not a public address/);
  });

  it('refuses a redirect to a host that resolves to a private address', async () => {
    const to = encodeURIComponent(`http://rebind.test:${port}/cat.png`);
    const err = await refusal(fetchImage(`http://public.test:${port}/redirect?to=${to}`));
    expect(err.info.message).toMatch(/non-public address/);
  });

  it('stops redirect loops', async () => {
    const err = await refusal(fetchImage(`http://public.test:${port}/loop`));
    expect(err.info.message).toMatch(/too many redirects/);
  });

  it('enforces the size limit while streaming', async () => {
    const err = await refusal(fetchImage(`http://public.test:${port}/big`));
    expect(err.info.message).toMatch(/larger than 1024 bytes/);
  });

  it('enforces the time limit', async () => {
    const started = Date.now();
    const err = await refusal(fetchImage(`http://public.test:${port}/slow`));
    expect(err.info.message).toMatch(/timed out/);
    expect(Date.now() - started).toBeLessThan(1500);
  });
});

describe('image fetcher, data: URLs and the shared entry point', () => {
  it('decodes data: URLs without fetching', async () => {
    const got = await fetchImage(`data:image/png;base64,${PNG.toString('base64')}`, false);
    expect(got).toEqual({ mimeType: 'image/png', data: PNG });
  });

  it('fetchImage(url, allowPrivate) applies the setting', async () => {
    await refusal(fetchImage(`http://localhost:${port}/cat.png`, false));
    expect((await fetchImage(`http://localhost:${port}/cat.png`, true)).mimeType).toBe('image/png');
  });
});

describe('image fetcher with allowPrivate', () => {
  it('fetches from loopback for self-hosted setups', async () => {
    const fetchImage = createImageFetcher({ allowPrivate: true });
    const got = await fetchImage(`http://localhost:${port}/cat.png`);
    expect(got.mimeType).toBe('image/png');
  });
});
