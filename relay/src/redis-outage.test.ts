import { startMockOpenAI, type MockOpenAI } from '@switchboard/test/mock-upstreams/openai/server';
import { PrivateRedis } from '@switchboard/test/support/private-redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayFixture } from './testing/relay-fixture.js';

/** A private redis-server (never the shared one) stopped and started under the relay. */
describe('Redis outage', () => {
  let redis: PrivateRedis;
  let mock: MockOpenAI;
  let fx: RelayFixture;
  let key: string;

  beforeAll(async () => {
    redis = await PrivateRedis.start({ appendOnly: true });
    mock = await startMockOpenAI();
    fx = new RelayFixture('outage', redis.url);
    await fx.publishSnapshot([{ id: 1, baseUrl: mock.url, keys: ['sk-up'], models: ['gpt-4o'] }]);
    key = await fx.token({ userId: 1, tokenId: 1, userQuota: 1e8 });
    await fx.startInProcess();
  }, 60_000);
  afterAll(async () => {
    await redis.start().catch(() => {});
    await fx.stop();
    await redis.stop();
    await mock.close();
  });

  const call = () =>
    fetch(`${fx.v1}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], max_tokens: 5 }),
    });

  it('answers 503 with retry-after while Redis is down, and serves again once it is back', async () => {
    expect((await call()).status).toBe(200);
    await redis.stop();
    const down = await call();
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBeTruthy();
    expect((await fetch(`${fx.url}/readyz`)).status).toBe(503);
    await redis.start();
    const deadline = Date.now() + 15_000;
    let status = 0;
    while (Date.now() < deadline && status !== 200) {
      status = (await call()).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
  }, 60_000);
});
