import { startMockOpenAI, type MockOpenAI } from '@switchboard/test/mock-upstreams/openai/server';
import { userShard } from '@switchboard/shared/redis-keys';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayFixture, USAGE_SHARDS } from '../testing/relay-fixture.js';
import { promptUpperBound } from './price-request.js';

/** The quota wiring of a real relay: rate-limit headers and Responses follow-up bounds. */
describe('quota through the relay', () => {
  const fx = new RelayFixture('qhttp');
  let mock: MockOpenAI;
  let limitedKey: string;
  let responsesKey: string;
  const RESPONSES_USER = 4;

  beforeAll(async () => {
    mock = await startMockOpenAI({ keys: ['sk-upstream-1'] });
    await fx.publishSnapshot([{ id: 7, baseUrl: mock.url, keys: ['sk-upstream-1'], models: ['gpt-4o'] }]);
    limitedKey = await fx.token({
      userId: 3,
      tokenId: 31,
      userQuota: 10_000_000,
      record: { rpm: 100, tpm: 50_000 },
    });
    responsesKey = await fx.token({ userId: RESPONSES_USER, tokenId: 41, userQuota: 10_000_000 });
    await fx.startInProcess();
  });
  afterAll(async () => {
    await fx.stop();
    await mock.close();
  });

  it('a reply carries the requests and tokens windows, the tokens one holding the request’s bound', async () => {
    const body = { model: 'gpt-4o', max_tokens: 100, messages: [{ role: 'user', content: 'hello there' }] };
    const r = await fetch(`${fx.v1}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${limitedKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('x-ratelimit-limit-requests')).toBe('100');
    expect(r.headers.get('x-ratelimit-remaining-requests')).toBe('99');
    expect(r.headers.get('x-ratelimit-limit-tokens')).toBe('50000');
    expect(r.headers.get('x-ratelimit-remaining-tokens')).toBe(String(50_000 - promptUpperBound(body) - 100));
    expect(r.headers.get('x-ratelimit-reset-tokens')).toMatch(/^(1m0s|\d+(\.\d+)?s)$/);
    await r.json();
  });

  it('a Responses reply leaves its context; a follow-up reserves it on top of its own bound', async () => {
    const client = new OpenAI({ apiKey: responsesKey, baseURL: fx.v1, maxRetries: 0 });
    const created = await client.responses.create({ model: 'gpt-4o', input: 'hello' });
    const contextKey = fx.keys.responseContext(userShard(RESPONSES_USER, USAGE_SHARDS), created.id);
    const expected = String((created.usage?.input_tokens ?? 0) + (created.usage?.output_tokens ?? 0));
    expect(Number(expected)).toBeGreaterThan(0);
    // Settlement runs after the reply has gone out.
    for (let i = 0; i < 100 && (await fx.redis.get(contextKey)) !== expected; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(await fx.redis.get(contextKey)).toBe(expected);

    const followUp = { model: 'gpt-4o', input: 'and then?', previous_response_id: created.id };
    await expect(client.responses.create(followUp)).resolves.toMatchObject({ status: 'completed' });
    // A context the balance cannot cover: the follow-up is refused, a fresh request is not.
    await fx.redis.set(contextKey, '100000000');
    await expect(client.responses.create(followUp)).rejects.toMatchObject({
      status: 429,
      code: 'insufficient_quota',
    });
    await expect(client.responses.create({ model: 'gpt-4o', input: 'and then?' })).resolves.toMatchObject({
      status: 'completed',
    });
  });
});
