import { type MockOpenAI, startMockOpenAI } from '@switchboard/test/mock-upstreams/openai/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayFixture } from '../testing/relay-fixture.js';

const ALLOWED = 'https://a.example';
const OTHER = 'https://b.example';

describe('CORS with an origin list (RELAY_CORS_ORIGINS, RELAY_WORKERS=2)', () => {
  const fx = new RelayFixture('cors');
  let mock: MockOpenAI;
  let key: string;

  beforeAll(async () => {
    mock = await startMockOpenAI();
    await fx.publishSnapshot([{ id: 1, baseUrl: mock.url, keys: ['sk-a'], models: ['gpt-4o'] }]);
    key = await fx.token({ userId: 1, tokenId: 1, userQuota: 100_000_000 });
    await fx.startCluster(2, { RELAY_CORS_ORIGINS: ALLOWED });
  }, 60_000);
  afterAll(async () => {
    await fx.stop();
    await mock.close();
  });

  const chat = (origin: string, auth: string | null) =>
    fetch(`${fx.v1}/chat/completions`, {
      method: 'POST',
      headers: {
        origin,
        'content-type': 'application/json',
        ...(auth ? { authorization: `Bearer ${auth}` } : {}),
      },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }),
    });

  it('a listed origin gets its own origin echoed, with vary and the exposed headers', async () => {
    const res = await chat(ALLOWED, key);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('vary')?.toLowerCase()).toContain('origin');
    const exposed = res.headers.get('access-control-expose-headers') ?? '';
    expect(exposed).toContain('x-request-id');
    expect(exposed).toContain('x-ratelimit-remaining-requests');
    await res.json();
  });

  it('errors carry the headers too, so the browser can read them', async () => {
    const res = await chat(ALLOWED, null);
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(((await res.json()) as { error: { type: string } }).error).toBeTruthy();
  });

  it('an unlisted origin gets no CORS headers (the request itself is still served)', async () => {
    const res = await chat(OTHER, key);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-expose-headers')).toBeNull();
    await res.json();
  });

  it('preflight: 204 before authentication, methods and requested headers allowed', async () => {
    const hits = mock.hits();
    const res = await fetch(`${fx.v1}/chat/completions`, {
      method: 'OPTIONS',
      headers: {
        origin: ALLOWED,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, x-stainless-os',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('vary')?.toLowerCase()).toContain('origin');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toBe(
      'authorization, content-type, x-stainless-os',
    );
    expect(Number(res.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(await res.text()).toBe('');
    // Nothing was relayed.
    expect(mock.hits()).toBe(hits);
  });

  it('preflight from an unlisted origin: no allow-origin, so the browser stops there', async () => {
    const res = await fetch(`${fx.v1}/chat/completions`, {
      method: 'OPTIONS',
      headers: { origin: OTHER, 'access-control-request-method': 'POST' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    await res.arrayBuffer();
  });
});
