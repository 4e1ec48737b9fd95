import {
  startMockOpenAI,
  type MockOpenAI,
  REPLY_WORDS,
} from '@switchboard/test/mock-upstreams/openai/server';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayFixture } from './testing/relay-fixture.js';

/** The real relay process tree: node:cluster primary with RELAY_WORKERS=2. */
describe('relay cluster (RELAY_WORKERS=2)', () => {
  const fx = new RelayFixture('cluster');
  let mock: MockOpenAI;
  let mockBackup: MockOpenAI;

  beforeAll(async () => {
    mock = await startMockOpenAI({ record: false });
    mockBackup = await startMockOpenAI({ record: false });
    await fx.publishSnapshot([
      { id: 1, baseUrl: mock.url, keys: ['sk-main'], models: ['gpt-4o', 'gpt-4o-mini'], priority: 10 },
      { id: 2, baseUrl: mockBackup.url, keys: ['sk-backup'], models: ['gpt-4o-mini'], priority: 0 },
      { id: 3, baseUrl: mock.url, keys: ['sk-dying'], models: ['dying-model'], priority: 10 },
      { id: 4, baseUrl: mockBackup.url, keys: ['sk-ok'], models: ['dying-model'], priority: 0 },
    ]);
    await fx.startCluster(2, { RELAY_TRUSTED_DUMMY: '1' });
  }, 60_000);
  afterAll(async () => {
    await fx.stop();
    await mock.close();
    await mockBackup.close();
  });

  it('300 concurrent requests, 50 ms upstream delay, small quota: exact accounting, never negative', async () => {
    mock.setMode({ delayMs: 50 });
    // Each request reserves at most prompt bound + 20 output tokens; the balance covers ~100 of them.
    const key = await fx.token({ userId: 7, tokenId: 70, userQuota: 12_000 });
    const client = new OpenAI({ apiKey: key, baseURL: fx.v1, maxRetries: 0 });
    const before = await fx.userQuota(7);
    // Half of them streamed (billed from the usage chunk the gateway asks for).
    const results = await Promise.allSettled(
      Array.from({ length: 300 }, async (_, i) => {
        const params = {
          model: 'gpt-4o',
          messages: [{ role: 'user' as const, content: `request ${i}` }],
          max_tokens: 20,
        };
        if (i % 2 === 0) return client.chat.completions.create(params);
        const stream = await client.chat.completions.create({ ...params, stream: true });
        for await (const _ of stream);
        return stream;
      }),
    );
    mock.setMode(null);
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    const refused = results.filter(
      (r) => r.status === 'rejected' && (r.reason as InstanceType<typeof OpenAI.APIError>).status === 429,
    ).length;
    expect(ok + refused).toBe(300);
    expect(ok).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
    const records = (await fx.waitForRecords(ok)).filter((r) => r.userId === 7);
    expect(records).toHaveLength(ok);
    expect(new Set(records.map((r) => r.requestId)).size).toBe(ok);
    const after = await fx.userQuota(7);
    const logged = records.reduce((sum, r) => sum + BigInt(r.quota), 0n);
    expect(before - after).toBe(logged);
    expect(after >= 0n).toBe(true);
  });

  it('auto-disable on an invalid key is seen by both workers', async () => {
    mock.setMode({ error: 'invalid_api_key' }, { key: 'sk-dying' });
    const key = await fx.token({ userId: 8, tokenId: 80, userQuota: 10_000_000 });
    const client = new OpenAI({ apiKey: key, baseURL: fx.v1, maxRetries: 0 });
    const first = await client.chat.completions.create({
      model: 'dying-model',
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(first.choices[0]!.message.content).toBe(REPLY_WORDS.join(''));
    const hitsAfterDisable = mock.hits('sk-dying');
    expect(hitsAfterDisable).toBe(1);
    await new Promise((r) => setTimeout(r, 200));
    // Connections are spread over both workers; none may try the dead channel again.
    const many = await Promise.all(
      Array.from({ length: 20 }, () => {
        const c = new OpenAI({ apiKey: key, baseURL: fx.v1, maxRetries: 0 });
        return c.chat.completions.create({
          model: 'dying-model',
          messages: [{ role: 'user', content: 'x' }],
        });
      }),
    );
    expect(many).toHaveLength(20);
    expect(mock.hits('sk-dying')).toBe(hitsAfterDisable);
  });

  it('a stream whose upstream pauses 1 s delivers its first chunk before the pause ends', async () => {
    mock.setMode({ pauseAfterChunks: 2, pauseMs: 1_000 });
    const key = await fx.token({ userId: 9, tokenId: 90, userQuota: 10_000_000 });
    const t0 = performance.now();
    const res = await fetch(`${fx.v1}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }], stream: true }),
    });
    const reader = res.body!.getReader();
    const { value } = await reader.read();
    const firstAt = performance.now() - t0;
    expect(new TextDecoder().decode(value)).toContain('data: {');
    expect(firstAt).toBeLessThan(800);
    let rest = '';
    for (;;) {
      const r = await reader.read();
      if (r.done) break;
      rest += new TextDecoder().decode(r.value);
    }
    expect(performance.now() - t0).toBeGreaterThan(1_000);
    expect(rest).toContain('[DONE]');
    mock.setMode(null);
  });

  it('a client that disconnects mid-stream is billed for what was produced', async () => {
    mock.setMode({ pauseAfterChunks: 4, pauseMs: 2_000, noUsage: true });
    const key = await fx.token({ userId: 10, tokenId: 100, userQuota: 10_000_000 });
    const controller = new AbortController();
    const res = await fetch(`${fx.v1}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'tell me' }],
        stream: true,
      }),
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    let got = '';
    while (!got.includes(REPLY_WORDS[2]!)) got += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    const before = BigInt(10_000_000);
    const rec = await fx.waitForRecord((r) => r.userId === 10);
    expect(rec).toMatchObject({ status: 'aborted', stream: true, usageEstimated: true });
    expect(rec!.completionTokens).toBeGreaterThan(0);
    expect(rec!.completionTokens).toBeLessThan(REPLY_WORDS.length);
    expect(before - (await fx.userQuota(10))).toBe(BigInt(rec!.quota));
    mock.setMode(null);
  });

  it('/metrics aggregates every worker', async () => {
    const t0 = performance.now();
    const text = await (await fetch(`${fx.url}/metrics`)).text();
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(text).toContain('relay_requests_total');
    expect(text).toMatch(/relay_requests_total\{[^}]*model="gpt-4o"/);
  });
});
