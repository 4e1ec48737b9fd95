import { QUEUES } from '@switchboard/shared/jobs';
import { type MockOpenAI, startMockOpenAI } from '@switchboard/test/mock-upstreams/openai/server';
import OpenAI from 'openai';
import { Agent } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ChannelInput, RelayFixture } from '../testing/relay-fixture.js';

const KEYS = ['sk-k1', 'sk-k2', 'sk-k3'];

const chat = (client: OpenAI) =>
  client.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: 'hi' }],
    max_tokens: 20,
  });

/** The upstream key of each request the mock saw, in arrival order. */
const keysSeen = (mock: MockOpenAI) => mock.requests.map((r) => r.key);

/**
 * Key choice inside one channel. The round-robin cursor lives in each worker's memory, so the
 * exact order is a property of one worker: these run in-process (RELAY_WORKERS=0).
 */
describe('key selection within a channel (one worker)', () => {
  let mock: MockOpenAI;
  let fx: RelayFixture;
  let client: OpenAI;

  beforeAll(async () => {
    mock = await startMockOpenAI();
  });
  afterEach(async () => {
    await fx?.stop();
    mock.reset();
  });
  afterAll(async () => {
    await mock.close();
  });

  async function start(channel: Partial<ChannelInput>) {
    fx = new RelayFixture('keys');
    await fx.publishSnapshot([{ id: 1, baseUrl: mock.url, keys: KEYS, models: ['gpt-4o'], ...channel }]);
    const key = await fx.token({ userId: 1, tokenId: 1, userQuota: 100_000_000 });
    await fx.startInProcess();
    client = new OpenAI({ apiKey: key, baseURL: fx.v1, maxRetries: 0 });
  }

  it('round robin: each key in turn', async () => {
    await start({ keyStrategy: 'round_robin' });
    for (let i = 0; i < 9; i++) await chat(client);
    const seen = keysSeen(mock);
    expect(seen).toHaveLength(9);
    // Every window of three is a permutation of the keys, and the rotation repeats exactly.
    for (let i = 0; i + 3 <= seen.length; i++) expect(new Set(seen.slice(i, i + 3)).size).toBe(3);
    for (let i = 3; i < seen.length; i++) expect(seen[i]).toBe(seen[i - 3]);
  });

  it('random: every key used, shares within a statistical bound, not a rotation', async () => {
    await start({ keyStrategy: 'random' });
    const n = 150;
    for (let i = 0; i < n; i++) await chat(client);
    const seen = keysSeen(mock);
    expect(seen).toHaveLength(n);
    // Binomial(150, 1/3) per key: mean 50, sd ≈ 5.8; ±5 sd.
    for (const k of KEYS) expect(Math.abs(seen.filter((s) => s === k).length - 50)).toBeLessThan(29);
    // A rotation never repeats a key back to back; uniform choice does about a third of the time
    // (mean ≈ 50, sd ≈ 5.8).
    const repeats = seen.filter((s, i) => i > 0 && s === seen[i - 1]).length;
    expect(repeats).toBeGreaterThan(20);
  });

  it('a key disabled in the snapshot is never used; the others keep rotating', async () => {
    await start({ keyStrategy: 'round_robin', disabledKeys: [1] });
    for (let i = 0; i < 6; i++) await chat(client);
    const seen = keysSeen(mock);
    expect(seen).not.toContain('sk-k2');
    expect(seen.filter((k) => k === 'sk-k1')).toHaveLength(3);
    expect(seen.filter((k) => k === 'sk-k3')).toHaveLength(3);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).not.toBe(seen[i - 1]);
  });

  it('random: a disabled key is never drawn', async () => {
    await start({ keyStrategy: 'random', disabledKeys: [0] });
    for (let i = 0; i < 30; i++) await chat(client);
    const seen = keysSeen(mock);
    expect(seen).toHaveLength(30);
    expect(seen).not.toContain('sk-k1');
    expect(new Set(seen)).toEqual(new Set(['sk-k2', 'sk-k3']));
  });
});

describe('a fatal key error disables that key only (RELAY_WORKERS=2)', () => {
  const fx = new RelayFixture('keys2w');
  let mock: MockOpenAI;
  let key: string;
  const agents: Agent[] = [];

  beforeAll(async () => {
    mock = await startMockOpenAI();
    await fx.publishSnapshot([
      { id: 1, baseUrl: mock.url, keys: KEYS, models: ['gpt-4o'], keyStrategy: 'round_robin' },
    ]);
    key = await fx.token({ userId: 1, tokenId: 1, userQuota: 100_000_000 });
    await fx.startCluster(2);
  }, 60_000);
  afterAll(async () => {
    await fx.stop();
    await Promise.all([mock.close(), ...agents.map((a) => a.close())]);
  });

  /** A connection of its own per request: the primary deals connections to both workers. */
  function chatOnNewConnection() {
    const agent = new Agent({ pipelining: 0 });
    agents.push(agent);
    return chat(
      new OpenAI({
        apiKey: key,
        baseURL: fx.v1,
        maxRetries: 0,
        fetchOptions: { dispatcher: agent } as never,
      }),
    );
  }

  it('401 invalid key: that key goes, the request is retried on a sibling key, both workers skip it', async () => {
    mock.setMode({ error: 'invalid_api_key' }, { key: 'sk-k2' });
    // Round robin reaches the bad key within three requests per worker.
    for (let i = 0; i < 8 && mock.hits('sk-k2') === 0; i++) {
      const r = await chatOnNewConnection();
      expect(r.choices[0]!.message.content).toBeTruthy();
    }
    expect(mock.hits('sk-k2')).toBe(1);
    const rec = await fx.waitForRecord((r) => r.attempts.some((a) => a.keyIndex === 1));
    expect(rec).toMatchObject({ status: 'success', channelId: 1 });
    expect(rec!.attempts).toHaveLength(2);
    expect(rec!.attempts[0]).toMatchObject({ channelId: 1, keyIndex: 1, status: 401 });
    expect(rec!.attempts[1]).toMatchObject({ channelId: 1, status: 200 });
    expect([0, 2]).toContain(rec!.attempts[1]!.keyIndex);

    const state = await fx.redis.hgetall(fx.keys.channelState(1));
    expect(state.disabledKeys).toBe('1');
    expect(state.disabled ?? '').toBe('');

    // Let the channel-state announcement reach the other worker, then spread requests.
    await new Promise((r) => setTimeout(r, 500));
    const k1 = mock.hits('sk-k1');
    const k3 = mock.hits('sk-k3');
    const many = await Promise.all(Array.from({ length: 20 }, () => chatOnNewConnection()));
    expect(many.every((r) => Boolean(r.choices[0]!.message.content))).toBe(true);
    expect(mock.hits('sk-k2')).toBe(1);
    // The channel keeps serving with both remaining keys.
    expect(mock.hits('sk-k1')).toBeGreaterThan(k1);
    expect(mock.hits('sk-k3')).toBeGreaterThan(k3);
    expect(mock.hits('sk-k1') - k1 + (mock.hits('sk-k3') - k3)).toBe(20);

    // The fact went to the api for persistence, as a key (not channel) event.
    let names: string[] = [];
    for (let i = 0; i < 40 && !names.includes('auto-disable-key'); i++) {
      const jobKeys = await fx.redis.keys(`${fx.keys.bullPrefix}:${QUEUES.channelEvents}:*`);
      const hashes = [];
      for (const k of jobKeys) if ((await fx.redis.type(k)) === 'hash') hashes.push(k);
      names = (await Promise.all(hashes.map((k) => fx.redis.hget(k, 'name')))).filter(
        (n): n is string => n !== null,
      );
      if (!names.includes('auto-disable-key')) await new Promise((r) => setTimeout(r, 50));
    }
    expect(names).toContain('auto-disable-key');
    expect(names).not.toContain('auto-disable-channel');
  }, 60_000);
});
