import { startMockOpenAI, type MockOpenAI } from '@switchboard/test/mock-upstreams/openai/server';
import { QUEUES } from '@switchboard/shared/jobs';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RelayFixture } from '../testing/relay-fixture.js';

const chat = (client: OpenAI, model = 'gpt-4o') =>
  client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }], max_tokens: 20 });

describe('routing: tiers, weights, failover, auto-disable, cool-down', () => {
  let mockA: MockOpenAI;
  let mockB: MockOpenAI;
  let mockC: MockOpenAI;
  let fx: RelayFixture;
  let client: OpenAI;

  beforeAll(async () => {
    mockA = await startMockOpenAI();
    mockB = await startMockOpenAI();
    mockC = await startMockOpenAI();
  });
  afterEach(async () => {
    await fx?.stop();
    for (const m of [mockA, mockB, mockC]) m.reset();
  });
  afterAll(async () => {
    await Promise.all([mockA.close(), mockB.close(), mockC.close()]);
  });

  async function start(channels: Parameters<RelayFixture['publishSnapshot']>[0], options = {}) {
    fx = new RelayFixture('routing');
    await fx.publishSnapshot(channels, {
      options: { cooldownMs: 30_000, streamKeepAliveMs: 15_000, ...options } as never,
    });
    const key = await fx.token({ userId: 1, tokenId: 1, userQuota: 100_000_000 });
    await fx.startInProcess();
    client = new OpenAI({ apiKey: key, baseURL: fx.v1, maxRetries: 0 });
  }

  it('highest priority tier first; weighted random inside the tier (statistical bound)', async () => {
    await start([
      { id: 1, baseUrl: mockA.url, keys: ['sk-a'], models: ['gpt-4o'], priority: 10, weight: 3 },
      { id: 2, baseUrl: mockB.url, keys: ['sk-b'], models: ['gpt-4o'], priority: 10, weight: 1 },
      { id: 3, baseUrl: mockC.url, keys: ['sk-c'], models: ['gpt-4o'], priority: 0, weight: 100 },
    ]);
    const n = 400;
    for (let i = 0; i < n; i += 20) await Promise.all(Array.from({ length: 20 }, () => chat(client)));
    const a = mockA.hits();
    const b = mockB.hits();
    expect(mockC.hits()).toBe(0);
    expect(a + b).toBe(n);
    // Binomial(400, 0.75): mean 300, sd ≈ 8.7; ±5 sd.
    expect(Math.abs(a - 300)).toBeLessThan(44);
  });

  it('fails over to the next channel on 5xx / connect reset, and logs each attempt', async () => {
    await start([
      { id: 1, baseUrl: mockA.url, keys: ['sk-a'], models: ['gpt-4o'], priority: 10 },
      { id: 2, baseUrl: mockB.url, keys: ['sk-b'], models: ['gpt-4o'], priority: 5 },
      { id: 3, baseUrl: mockC.url, keys: ['sk-c'], models: ['gpt-4o'], priority: 0 },
    ]);
    mockA.setMode({ error: 'server_error' });
    mockB.setMode({ error: 'reset' });
    const r = await chat(client);
    expect(r.choices[0]!.message.content).toBeTruthy();
    const [rec] = await fx.waitForRecords(1);
    expect(rec!.channelId).toBe(3);
    expect(rec!.attempts.map((a) => [a.channelId, a.status])).toEqual([
      [1, 500],
      [2, 0],
      [3, 200],
    ]);
  });

  it('gives up after retryCount and answers 502/503 without leaking the upstream', async () => {
    await start(
      [
        { id: 1, baseUrl: mockA.url, keys: ['sk-a'], models: ['gpt-4o'], priority: 10 },
        { id: 2, baseUrl: mockB.url, keys: ['sk-b'], models: ['gpt-4o'], priority: 5 },
        { id: 3, baseUrl: mockC.url, keys: ['sk-c'], models: ['gpt-4o'], priority: 0 },
      ],
      { retryCount: 1 },
    );
    for (const m of [mockA, mockB, mockC]) m.setMode({ error: 'unavailable' });
    const err = (await chat(client).catch((e) => e)) as InstanceType<typeof OpenAI.APIError>;
    expect(err.status).toBe(503);
    expect(JSON.stringify(err.error)).not.toContain('127.0.0.1');
    expect(mockC.hits()).toBe(0);
    const [rec] = await fx.waitForRecords(1);
    expect(rec).toMatchObject({ status: 'failed', quota: '0' });
    expect(rec!.attempts).toHaveLength(2);
  });

  it('an upstream insufficient_quota disables the key, never reaches the client, and fails over', async () => {
    await start([
      { id: 1, baseUrl: mockA.url, keys: ['sk-a1', 'sk-a2'], models: ['gpt-4o'], priority: 10 },
      { id: 2, baseUrl: mockB.url, keys: ['sk-b'], models: ['gpt-4o'], priority: 0 },
    ]);
    mockA.setMode({ error: 'insufficient_quota' }, { key: 'sk-a1' });
    mockA.setMode({ error: 'invalid_api_key' }, { key: 'sk-a2' });
    const r = await chat(client);
    expect(r.choices[0]!.message.content).toBeTruthy();
    const state = await fx.redis.hgetall(fx.keys.channelState(1));
    expect(state.disabledKeys!.split(',').sort()).toEqual(['0', '1']);
    expect(state.disabled).toBeTruthy();
    // Both key failures went to the api for persistence.
    let jobs: string[] = [];
    for (let i = 0; i < 40 && jobs.length === 0; i++) {
      jobs = await fx.redis.keys(`${fx.keys.bullPrefix}:${QUEUES.channelEvents}:*`);
      if (jobs.length === 0) await new Promise((r) => setTimeout(r, 50));
    }
    expect(jobs.length).toBeGreaterThan(0);
    // Channel 1 is out of routing now.
    const before = mockA.hits();
    await chat(client);
    expect(mockA.hits()).toBe(before);
  });

  it('cool-down: a channel failing cooldownFailures times rests, shared through Redis', async () => {
    await start(
      [
        { id: 1, baseUrl: mockA.url, keys: ['sk-a'], models: ['gpt-4o'], priority: 10 },
        { id: 2, baseUrl: mockB.url, keys: ['sk-b'], models: ['gpt-4o'], priority: 0 },
      ],
      { cooldownFailures: 2, cooldownMs: 60_000 },
    );
    mockA.setMode({ error: 'rate_limit' });
    await chat(client);
    await chat(client);
    const until = Number(await fx.redis.hget(fx.keys.channelState(1), 'cooldownUntil'));
    expect(until).toBeGreaterThan(Date.now());
    mockA.setMode(null);
    const hits = mockA.hits();
    await chat(client);
    expect(mockA.hits()).toBe(hits);
    expect(mockB.hits()).toBe(3);
  });

  it('per-channel first-byte timeout: a slow upstream is abandoned and the next channel answers', async () => {
    await start([
      {
        id: 1,
        baseUrl: mockA.url,
        keys: ['sk-a'],
        models: ['gpt-4o'],
        priority: 10,
        timeouts: { connectMs: 1000, firstByteMs: 500, streamIdleMs: 1000 },
      },
      { id: 2, baseUrl: mockB.url, keys: ['sk-b'], models: ['gpt-4o'], priority: 0 },
    ]);
    mockA.setMode({ delayMs: 4_000 });
    const t0 = performance.now();
    await chat(client);
    // undici's timers are coarse (about half a second); far below the upstream's 4 s.
    expect(performance.now() - t0).toBeLessThan(2_500);
    const [rec] = await fx.waitForRecords(1);
    expect(rec!.channelId).toBe(2);
    expect(rec!.attempts[0]).toMatchObject({ channelId: 1, status: 0 });
    expect(rec!.attempts[0]!.error).toContain('HEADERS_TIMEOUT');
  });

  it('when every channel of a route rests, one is still tried rather than failing outright', async () => {
    await start([{ id: 1, baseUrl: mockA.url, keys: ['sk-a'], models: ['gpt-4o'] }], {
      cooldownFailures: 1,
      cooldownMs: 60_000,
    });
    mockA.setMode({ error: 'unavailable' });
    await expect(chat(client)).rejects.toMatchObject({ status: 503 });
    expect(Number(await fx.redis.hget(fx.keys.channelState(1), 'cooldownUntil'))).toBeGreaterThan(Date.now());
    mockA.setMode(null);
    const r = await chat(client);
    expect(r.choices[0]!.message.content).toBeTruthy();
  });
});
