import { hashTokenKey } from '@switchboard/shared/crypto';
import { startMockOpenAI, type MockOpenAI } from '@switchboard/test/mock-upstreams/openai/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RelayFixture } from '../testing/relay-fixture.js';

const body = JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], max_tokens: 5 });

async function call(fx: RelayFixture, key: string, headers: Record<string, string> = {}, host = '127.0.0.1') {
  const res = await fetch(`http://${host}:${fx.port}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
    body,
  });
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as { error?: { code: string } },
  };
}

describe('access: IP whitelist, trusted proxies, token changes, rate limits, empty Redis', () => {
  let mock: MockOpenAI;
  let fx: RelayFixture;
  beforeAll(async () => {
    mock = await startMockOpenAI();
  });
  afterEach(async () => fx?.stop());
  afterAll(async () => mock.close());

  async function start(env: Record<string, string> = {}) {
    fx = new RelayFixture('access');
    await fx.publishSnapshot([{ id: 1, baseUrl: mock.url, keys: ['sk-up'], models: ['gpt-4o'] }]);
    await fx.startInProcess(env);
  }

  it('without trusted proxies, X-Forwarded-For is ignored', async () => {
    await start();
    const key = await fx.token({
      userId: 1,
      tokenId: 1,
      userQuota: 1e7,
      record: { ipWhitelist: ['10.0.0.0/8'] },
    });
    const r = await call(fx, key, { 'x-forwarded-for': '10.1.2.3' });
    expect(r.status).toBe(403);
    expect(r.body.error!.code).toBe('ip_not_allowed');
    const local = await fx.token({
      userId: 1,
      tokenId: 2,
      userQuota: 1e7,
      record: { ipWhitelist: ['127.0.0.0/8'] },
    });
    expect((await call(fx, local)).status).toBe(200);
  });

  it('through a trusted proxy: IPv4, IPv6, IPv4-mapped IPv6, and no spoofing past an untrusted hop', async () => {
    await start({ TRUSTED_PROXIES: '127.0.0.1/32,::1/128' });
    const v4 = await fx.token({
      userId: 1,
      tokenId: 1,
      userQuota: 1e7,
      record: { ipWhitelist: ['10.0.0.0/8'] },
    });
    expect((await call(fx, v4, { 'x-forwarded-for': '10.1.2.3' })).status).toBe(200);
    expect((await call(fx, v4, { 'x-forwarded-for': '::ffff:10.9.9.9' })).status).toBe(200);
    // The client claims 10.1.2.3 but reached the proxy from 8.8.8.8: the untrusted hop wins.
    expect((await call(fx, v4, { 'x-forwarded-for': '10.1.2.3, 8.8.8.8' })).status).toBe(403);
    const v6 = await fx.token({
      userId: 1,
      tokenId: 2,
      userQuota: 1e7,
      record: { ipWhitelist: ['2001:db8::/32'] },
    });
    expect((await call(fx, v6, { 'x-forwarded-for': '2001:db8::5' })).status).toBe(200);
    expect((await call(fx, v6, { 'x-forwarded-for': '2001:db9::5' })).status).toBe(403);
    const mapped = await fx.token({
      userId: 1,
      tokenId: 3,
      userQuota: 1e7,
      record: { ipWhitelist: ['::ffff:10.0.0.0/104'] },
    });
    expect((await call(fx, mapped, { 'x-forwarded-for': '10.4.4.4' })).status).toBe(200);
  });

  it('a dual-stack listener sees IPv4 clients as ::ffff:a.b.c.d and matches IPv4 rules', async () => {
    await start({ RELAY_HOST: '::' });
    const key = await fx.token({
      userId: 1,
      tokenId: 1,
      userQuota: 1e7,
      record: { ipWhitelist: ['127.0.0.1/32'] },
    });
    expect((await call(fx, key)).status).toBe(200);
    const v6only = await fx.token({
      userId: 1,
      tokenId: 2,
      userQuota: 1e7,
      record: { ipWhitelist: ['::1/128'] },
    });
    expect((await call(fx, v6only, {}, '[::1]')).status).toBe(200);
    expect((await call(fx, v6only)).status).toBe(403);
  });

  it('token changes pushed by the api apply at once; expiry and disabled users refuse', async () => {
    await start();
    const key = await fx.token({ userId: 1, tokenId: 1, userQuota: 1e7 });
    expect((await call(fx, key)).status).toBe(200);
    const hash = hashTokenKey(key);
    const rec = JSON.parse((await fx.redis.hget(fx.keys.token(hash), 'd'))!);
    await fx.redis.hset(fx.keys.token(hash), 'd', JSON.stringify({ ...rec, status: 'disabled' }));
    await fx.announce({ kind: 'tokens', keyHashes: [hash] });
    await new Promise((r) => setTimeout(r, 100));
    const disabled = await call(fx, key);
    expect(disabled.status).toBe(401);
    expect(disabled.body.error!.code).toBe('token_disabled');
    const expired = await fx.token({
      userId: 1,
      tokenId: 2,
      userQuota: 1e7,
      record: { expiresAt: Date.now() - 1 },
    });
    expect((await call(fx, expired)).body.error!.code).toBe('token_expired');
    const userOff = await fx.token({
      userId: 1,
      tokenId: 3,
      userQuota: 1e7,
      record: { userStatus: 'disabled' },
    });
    expect((await call(fx, userOff)).status).toBe(401);
  });

  it('per-token rpm: 429 with x-ratelimit headers; token quota exhausted says do not retry', async () => {
    await start();
    const key = await fx.token({ userId: 1, tokenId: 1, userQuota: 1e7, record: { rpm: 2 } });
    expect((await call(fx, key)).headers.get('x-ratelimit-remaining-requests')).toBe('1');
    expect((await call(fx, key)).status).toBe(200);
    const limited = await call(fx, key);
    expect(limited.status).toBe(429);
    expect(limited.body.error!.code).toBe('rate_limit_exceeded');
    expect(limited.headers.get('x-ratelimit-limit-requests')).toBe('2');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const small = await fx.token({ userId: 2, tokenId: 2, userQuota: 1e7, tokenQuota: 5 });
    const refused = await call(fx, small);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-should-retry')).toBe('false');
  });

  it('empty Redis (no snapshot) answers 503 with retry-after, never 401, until config arrives', async () => {
    fx = new RelayFixture('empty');
    await fx.startInProcess();
    const key = 'sk-whatever-not-known-yet';
    const r = await call(fx, key);
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBeTruthy();
    expect((await fetch(`${fx.url}/readyz`)).status).toBe(503);
    await fx.publishSnapshot([{ id: 1, baseUrl: mock.url, keys: ['sk-up'], models: ['gpt-4o'] }]);
    const real = await fx.token({ userId: 1, tokenId: 1, userQuota: 1e7 });
    await new Promise((r) => setTimeout(r, 150));
    expect((await call(fx, real)).status).toBe(200);
    // Redis emptied while running (restart without persistence): unknown keys get 503, not 401.
    await fx.redis.del(fx.keys.configSnapshot);
    expect((await call(fx, 'sk-another-unknown')).status).toBe(503);
  });

  it('body size is checked after decompression', async () => {
    await start({ RELAY_BODY_LIMIT: '2000' });
    const key = await fx.token({ userId: 1, tokenId: 1, userQuota: 1e7 });
    const { gzipSync } = await import('node:zlib');
    const big = gzipSync(
      JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'a'.repeat(50_000) }] }),
    );
    expect(big.length).toBeLessThan(2000);
    const res = await fetch(`${fx.v1}/chat/completions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      },
      body: big,
    });
    expect(res.status).toBe(413);
  });
});
