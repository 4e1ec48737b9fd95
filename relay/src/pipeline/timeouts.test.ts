import {
  type MockOpenAI,
  REPLY_WORDS,
  startMockOpenAI,
} from '@switchboard/test/mock-upstreams/openai/server';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayFixture } from '../testing/relay-fixture.js';
import { startSilentUpstream, startUnacceptingPort } from '../testing/stalling-upstreams.js';

// Short per-channel timeouts; the misbehaving upstreams hang far longer (or forever), so any
// answer within the test's time proves the timeout fired. Bounds stay loose: undici's timers
// are coarse and the machine is shared.
const SHORT = { connectMs: 1_000, firstByteMs: 1_000, streamIdleMs: 1_000 };
const LOOSE_BOUND_MS = 10_000;

describe('per-channel timeouts (RELAY_WORKERS=2)', () => {
  const fx = new RelayFixture('timeouts');
  let mock: MockOpenAI;
  let unaccepting: Awaited<ReturnType<typeof startUnacceptingPort>>;
  let silent: Awaited<ReturnType<typeof startSilentUpstream>>;
  let client: OpenAI;

  beforeAll(async () => {
    mock = await startMockOpenAI();
    unaccepting = await startUnacceptingPort();
    silent = await startSilentUpstream();
    await fx.publishSnapshot([
      // connect timeout, then failover
      {
        id: 1,
        baseUrl: unaccepting.url,
        keys: ['sk-x'],
        models: ['m-connect'],
        priority: 10,
        timeouts: SHORT,
      },
      { id: 2, baseUrl: mock.url, keys: ['sk-ok'], models: ['m-connect'], priority: 0 },
      // first-byte timeout, then failover
      { id: 3, baseUrl: silent.url, keys: ['sk-x'], models: ['m-first-byte'], priority: 10, timeouts: SHORT },
      { id: 4, baseUrl: mock.url, keys: ['sk-ok'], models: ['m-first-byte'], priority: 0 },
      // first-byte timeout, nothing else to try
      { id: 5, baseUrl: silent.url, keys: ['sk-x'], models: ['m-alone'], timeouts: SHORT },
      // the stream stalls after its first content event
      { id: 6, baseUrl: mock.url, keys: ['sk-stall'], models: ['m-idle'], timeouts: SHORT },
    ]);
    const key = await fx.token({ userId: 1, tokenId: 1, userQuota: 100_000_000 });
    await fx.startCluster(2);
    client = new OpenAI({ apiKey: key, baseURL: fx.v1, maxRetries: 0 });
  }, 60_000);
  afterAll(async () => {
    await fx.stop();
    await Promise.all([mock.close(), unaccepting.close(), silent.close()]);
  });

  const ask = (model: string) =>
    client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }], max_tokens: 20 });

  it('connect timeout: a port that never completes the handshake is abandoned for the next channel', async () => {
    const t0 = performance.now();
    const r = await ask('m-connect');
    expect(performance.now() - t0).toBeLessThan(LOOSE_BOUND_MS);
    expect(r.choices[0]!.message.content).toBe(REPLY_WORDS.join(''));
    const rec = await fx.waitForRecord((x) => x.model === 'm-connect');
    expect(rec).toMatchObject({ status: 'success', channelId: 2 });
    expect(rec!.attempts.map((a) => [a.channelId, a.status])).toEqual([
      [1, 0],
      [2, 200],
    ]);
    expect(rec!.attempts[0]!.error).toContain('CONNECT_TIMEOUT');
  });

  it('first-byte timeout: an upstream that never sends headers is abandoned for the next channel', async () => {
    const before = silent.connections();
    const r = await ask('m-first-byte');
    expect(r.choices[0]!.message.content).toBe(REPLY_WORDS.join(''));
    // The silent upstream really got the request (this is not a connect failure).
    expect(silent.connections()).toBeGreaterThan(before);
    const rec = await fx.waitForRecord((x) => x.model === 'm-first-byte');
    expect(rec).toMatchObject({ status: 'success', channelId: 4 });
    expect(rec!.attempts[0]).toMatchObject({ channelId: 3, status: 0 });
    expect(rec!.attempts[0]!.error).toContain('HEADERS_TIMEOUT');
  });

  it('first-byte timeout with no other channel: a 504 OpenAI error, nothing billed', async () => {
    const t0 = performance.now();
    const err = (await ask('m-alone').catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>;
    expect(performance.now() - t0).toBeLessThan(LOOSE_BOUND_MS);
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect(err.status).toBe(504);
    expect(err.code).toBe('upstream_timeout');
    expect(JSON.stringify(err.error)).not.toContain('127.0.0.1');
    const rec = await fx.waitForRecord((x) => x.model === 'm-alone');
    expect(rec).toMatchObject({ status: 'failed', httpStatus: 504, quota: '0', channelId: null });
    expect(rec!.attempts).toHaveLength(1);
    expect(rec!.attempts[0]!.error).toContain('HEADERS_TIMEOUT');
  });

  it('stream idle timeout: the client gets an SSE error event; one record, partial, output billed', async () => {
    // Role delta and the first word, then 20 s of silence.
    mock.setMode({ pauseAfterChunks: 2, pauseMs: 20_000, noUsage: true }, { key: 'sk-stall' });
    const before = await fx.userQuota(1);
    const stream = await client.chat.completions.create({
      model: 'm-idle',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
    let text = '';
    const t0 = performance.now();
    const err = await (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    })().catch((e: unknown) => e);
    expect(performance.now() - t0).toBeLessThan(LOOSE_BOUND_MS);
    // The official SDK raises the relay's in-stream error event as an APIError.
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect((err as InstanceType<typeof OpenAI.APIError>).code).toBe('upstream_timeout');
    expect(text).toBe(REPLY_WORDS[0]);
    const rec = await fx.waitForRecord((x) => x.model === 'm-idle');
    expect(rec).toMatchObject({ status: 'partial', stream: true, channelId: 6, usageEstimated: true });
    expect(rec!.errorMessage).toContain('BODY_TIMEOUT');
    expect(rec!.completionTokens).toBeGreaterThan(0);
    expect(BigInt(rec!.quota)).toBeGreaterThan(0n);
    await new Promise((r) => setTimeout(r, 300));
    const records = (await fx.usageRecords()).filter((x) => x.model === 'm-idle');
    expect(records).toHaveLength(1);
    expect(before - (await fx.userQuota(1))).toBe(BigInt(rec!.quota));
  });
});
