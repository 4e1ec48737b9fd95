import { type MockOpenAI, startMockOpenAI } from '@switchboard/test/mock-upstreams/openai/server';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayFixture } from '../../testing/relay-fixture.js';
import { frame, type SseUpstream, startSseUpstream } from './__fixtures__/sse-upstream.js';

/**
 * Through the whole relay with the official SDK: channel A answers 200 and sends an error as
 * its first SSE event, channel B streams normally. The client must get B's stream, clean, and
 * the usage record must show A's failed attempt.
 */
describe('OpenAI-compatible first-event stream error fails over', () => {
  let broken: SseUpstream;
  let healthy: MockOpenAI;
  let fx: RelayFixture;
  let client: OpenAI;

  beforeAll(async () => {
    broken = await startSseUpstream((res) => {
      res.write(': ping\n\n');
      res.write(
        frame({
          error: {
            message: 'The engine is currently overloaded, please try again later.',
            type: 'server_error',
            param: null,
            code: null,
          },
        }),
      );
    });
    healthy = await startMockOpenAI();
    fx = new RelayFixture('firstevt');
    await fx.publishSnapshot([
      { id: 1, type: 'deepseek', baseUrl: broken.url, keys: ['sk-a'], models: ['gpt-4o'], priority: 10 },
      { id: 2, baseUrl: healthy.url, keys: ['sk-b'], models: ['gpt-4o'], priority: 0 },
    ]);
    const key = await fx.token({ userId: 1, tokenId: 1, userQuota: 100_000_000 });
    await fx.startInProcess();
    client = new OpenAI({ apiKey: key, baseURL: fx.v1, maxRetries: 0 });
  });
  afterAll(async () => {
    await fx?.stop();
    await Promise.all([broken?.close(), healthy?.close()]);
  });

  it('the client reads channel B’s stream; the record shows A’s failure', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
    let text = '';
    let finish: string | null = null;
    for await (const c of stream) {
      text += c.choices[0]?.delta.content ?? '';
      finish = c.choices[0]?.finish_reason ?? finish;
    }
    expect(text.length).toBeGreaterThan(0);
    expect(finish).toBe('stop');
    expect(broken.hits).toBe(1);
    expect(healthy.hits()).toBe(1);
    await broken.waitAbandoned(1);

    const rec = await fx.waitForRecord((r) => r.channelId === 2);
    expect(rec).toMatchObject({ status: 'success', httpStatus: 200, stream: true });
    expect(rec!.attempts.map((a) => [a.channelId, a.status])).toEqual([
      [1, 503],
      [2, 200],
    ]);
    expect(rec!.attempts[0]!.error).toContain('stream error event');
  });
});
