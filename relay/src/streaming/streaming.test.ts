import { type ChannelTestResult, QUEUES } from '@switchboard/shared/jobs';
import { startMockOpenAI, type MockOpenAI } from '@switchboard/test/mock-upstreams/openai/server';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayFixture } from '../testing/relay-fixture.js';

describe('streaming behaviour, header passthrough, graceful shutdown, channel tasks', () => {
  const fx = new RelayFixture('stream');
  let mock: MockOpenAI;
  let key: string;

  beforeAll(async () => {
    mock = await startMockOpenAI({ keys: ['sk-s'] });
    await fx.publishSnapshot(
      [
        {
          id: 1,
          baseUrl: mock.url,
          keys: ['sk-s'],
          models: ['gpt-4o'],
          headers: { 'x-static': 'from-admin' },
          passthroughHeaders: ['x-forwarded-for', 'user-agent'],
        },
        { id: 2, baseUrl: mock.url, keys: ['sk-wrong'], models: ['other'], status: 'manually_disabled' },
      ],
      { options: { streamKeepAliveMs: 150 } as never },
    );
    key = await fx.token({ userId: 1, tokenId: 1, userQuota: 1e8 });
    await fx.startInProcess({ RELAY_SHUTDOWN_GRACE_MS: '5000' });
  });
  afterAll(async () => {
    await fx.stop();
    await mock.close();
  });

  const streamReq = (headers: Record<string, string> = {}) =>
    fetch(`${fx.v1}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }], stream: true }),
    });

  it('sends keep-alive comments while the upstream is silent', async () => {
    mock.setMode({ pauseAfterChunks: 1, pauseMs: 700 });
    const text = await (await streamReq()).text();
    mock.setMode(null);
    expect(text).toContain(': keep-alive');
    expect(text).toContain('[DONE]');
  });

  it('copies configured client headers and the channel headers upstream, nothing else', async () => {
    await streamReq({
      'x-forwarded-for': '203.0.113.9',
      'user-agent': 'my-app/1.0',
      'x-secret-client': 'no',
    }).then((r) => r.text());
    const h = mock.requests.at(-1)!.headers;
    // Not copied as sent: no trusted proxies here, so upstream gets the peer's address.
    expect(h['x-forwarded-for']).toBe('127.0.0.1');
    expect(h['user-agent']).toBe('my-app/1.0');
    expect(h['x-static']).toBe('from-admin');
    expect(h['x-secret-client']).toBeUndefined();
  });

  it('an upstream that breaks mid-stream yields an SSE error event the SDK raises; billed as partial', async () => {
    mock.setMode({ dropAfterChunks: 3, noUsage: true });
    const client = new OpenAI({ apiKey: key, baseURL: fx.v1, maxRetries: 0 });
    const stream = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
    });
    let text = '';
    const err = await (async () => {
      for await (const c of stream) text += c.choices[0]?.delta.content ?? '';
    })()
      .catch((e) => e)
      .finally(() => mock.setMode(null));
    expect(err).toBeInstanceOf(Error);
    expect(text.length).toBeGreaterThan(0);
    const rec = await fx.waitForRecord((r) => r.status === 'partial');
    expect(rec!.completionTokens).toBeGreaterThan(0);
  });

  it('runs channel tasks from the api: test, models, balance (also for a disabled channel)', async () => {
    const connection = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
      maxRetriesPerRequest: null,
    });
    const queue = new Queue(QUEUES.channelTasks, { connection, prefix: fx.keys.bullPrefix });
    const events = new QueueEvents(QUEUES.channelTasks, {
      connection: connection.duplicate(),
      prefix: fx.keys.bullPrefix,
    });
    await events.waitUntilReady();
    try {
      const test = await (await queue.add('test', { kind: 'test', channelId: 1 })).waitUntilFinished(
        events,
        10_000,
      );
      expect(test as ChannelTestResult).toMatchObject({ ok: true, status: 200, model: 'gpt-4o' });
      const bad = await (await queue.add('test', { kind: 'test', channelId: 2 })).waitUntilFinished(
        events,
        10_000,
      );
      expect(bad as ChannelTestResult).toMatchObject({ ok: false, status: 401, fatal: true });
      expect((bad as ChannelTestResult).error).not.toContain('sk-wrong');
      const models = await (await queue.add('models', { kind: 'models', channelId: 1 })).waitUntilFinished(
        events,
        10_000,
      );
      expect((models as { models: string[] }).models).toContain('gpt-4o');
      const balance = await (await queue.add('balance', { kind: 'balance', channelId: 1 })).waitUntilFinished(
        events,
        10_000,
      );
      expect(balance).toEqual({ balanceUsd: null });
    } finally {
      await events.close();
      await queue.close();
      connection.disconnect();
    }
  });

  it('graceful shutdown lets an open stream finish and settles it', async () => {
    mock.setMode({ chunkDelayMs: 60 });
    const res = await streamReq();
    const reading = res.text();
    await new Promise((r) => setTimeout(r, 100));
    const closing = fx.worker!.close();
    const text = await reading;
    await closing;
    fx.worker = null;
    mock.setMode(null);
    expect(text).toContain('[DONE]');
    const records = await fx.usageRecords();
    expect(records.filter((r) => r.status === 'success').length).toBeGreaterThanOrEqual(3);
  });
});
