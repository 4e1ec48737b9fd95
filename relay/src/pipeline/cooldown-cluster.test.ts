import { type MockOpenAI, startMockOpenAI } from '@switchboard/test/mock-upstreams/openai/server';
import OpenAI from 'openai';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayFixture } from '../testing/relay-fixture.js';

const COOLDOWN_MS = 8_000;

describe('circuit breaker across workers (RELAY_WORKERS=2)', () => {
  const fx = new RelayFixture('cooldown');
  let mockA: MockOpenAI;
  let mockB: MockOpenAI;
  let key: string;
  const agents: Agent[] = [];

  beforeAll(async () => {
    mockA = await startMockOpenAI();
    mockB = await startMockOpenAI();
    await fx.publishSnapshot(
      [
        { id: 1, baseUrl: mockA.url, keys: ['sk-a'], models: ['gpt-4o'], priority: 10 },
        { id: 2, baseUrl: mockB.url, keys: ['sk-b'], models: ['gpt-4o'], priority: 0 },
      ],
      { options: { cooldownFailures: 2, cooldownMs: COOLDOWN_MS, streamKeepAliveMs: 15_000 } as never },
    );
    key = await fx.token({ userId: 1, tokenId: 1, userQuota: 100_000_000 });
    await fx.startCluster(2);
  }, 60_000);
  afterAll(async () => {
    await fx.stop();
    await Promise.all([mockA.close(), mockB.close(), ...agents.map((a) => a.close())]);
  });

  /**
   * One request on a connection of its own: the cluster primary hands new connections to the
   * workers in turn, so a batch of these reaches both workers.
   */
  function chatOnNewConnection() {
    const agent = new Agent({ pipelining: 0 });
    agents.push(agent);
    const client = new OpenAI({
      apiKey: key,
      baseURL: fx.v1,
      maxRetries: 0,
      fetchOptions: { dispatcher: agent } as never,
    });
    return client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
      max_tokens: 20,
    });
  }

  it('a tripped channel is skipped by every worker while it rests, and serves again after', async () => {
    mockA.setMode({ error: 'unavailable' });
    // Two retryable failures (each request still answered by channel 2) trip the breaker.
    for (let i = 0; i < 2; i++) {
      const r = await chatOnNewConnection();
      expect(r.choices[0]!.message.content).toBeTruthy();
    }
    expect(mockA.hits()).toBe(2);
    const until = Number(await fx.redis.hget(fx.keys.channelState(1), 'cooldownUntil'));
    expect(until).toBeGreaterThan(Date.now());
    // Healthy again: any worker that still routed to it would now be served by it.
    mockA.setMode(null);
    // Let the channel-state announcement reach the other worker.
    await new Promise((r) => setTimeout(r, 500));

    const resting = await Promise.all(Array.from({ length: 20 }, () => chatOnNewConnection()));
    expect(resting).toHaveLength(20);
    // Only meaningful while the cool-down lasted (8 s is far more than 20 requests need).
    expect(Date.now()).toBeLessThan(until);
    expect(mockA.hits()).toBe(2);
    expect(mockB.hits()).toBe(22);

    await new Promise((r) => setTimeout(r, until - Date.now() + 300));
    const after = await Promise.all(Array.from({ length: 20 }, () => chatOnNewConnection()));
    expect(after).toHaveLength(20);
    // The preferred tier is back for both workers.
    expect(mockA.hits()).toBe(22);
    expect(mockB.hits()).toBe(22);
    const records = await fx.waitForRecords(42);
    expect(records.filter((r) => r.status === 'success')).toHaveLength(42);
    expect(records.filter((r) => r.channelId === 1)).toHaveLength(20);
  }, 60_000);
});
