import type { ChatCompletionChunk } from '@switchboard/shared/openai';
import {
  type MockSpark,
  SPARK_TEST_KEY,
  startMockSpark,
} from '@switchboard/test/mock-upstreams/spark/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AdapterContext, AdapterRequest, StreamPart } from '../contract.js';
import { UpstreamError } from '../contract.js';
import { testAdapterContext } from '../test-context.js';
import { sparkAdapter } from './spark-adapter.js';

const KEY = `${SPARK_TEST_KEY.appId}|${SPARK_TEST_KEY.apiKey}|${SPARK_TEST_KEY.apiSecret}`;

function chatReq(
  stream: boolean,
  extra: Record<string, unknown> = {},
  wantsUsage = false,
  model = 'generalv3.5',
): AdapterRequest {
  return {
    endpoint: 'chat.completions',
    model,
    stream,
    clientWantsStreamUsage: wantsUsage,
    body: {
      model,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
      stream,
      ...extra,
    },
  };
}

async function collect(parts: AsyncIterable<StreamPart>): Promise<ChatCompletionChunk[]> {
  const out: ChatCompletionChunk[] = [];
  let done = false;
  for await (const p of parts) {
    expect(done).toBe(false);
    if (p.data === '[DONE]') done = true;
    else out.push(JSON.parse(p.data) as ChatCompletionChunk);
  }
  // A complete stream ends with [DONE]: the deliverer writes parts as they are.
  expect(done).toBe(true);
  return out;
}

async function errorOf(p: Promise<unknown>): Promise<UpstreamError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UpstreamError);
  return err as UpstreamError;
}

describe('spark adapter against the mock Spark WebSocket API', () => {
  let mock: MockSpark;
  let ctx: AdapterContext;
  beforeAll(async () => {
    mock = await startMockSpark();
  });
  afterAll(() => mock.close());
  beforeEach(() => {
    mock.setMode(null);
    mock.requests.length = 0;
    ctx = testAdapterContext({ type: 'spark', baseUrl: mock.url }, KEY);
  });

  it('non-stream: signed URL accepted, path/domain from the model, usage mapped', async () => {
    const r = await sparkAdapter.execute(
      chatReq(false, { temperature: 0.5, max_tokens: 100, top_k: 4, seed: 9, user: 'u1' }),
      ctx,
    );
    if (r.kind !== 'json') throw new Error('expected json');
    expect(r.body).toMatchObject({
      choices: [{ message: { role: 'assistant', content: '你好，我是模拟助手。' }, finish_reason: 'stop' }],
    });
    expect(r.usage).toEqual({ prompt_tokens: 11, completion_tokens: 3, total_tokens: 14 });
    expect(mock.requests[0]!.path).toBe('/v3.5/chat');
    expect(mock.requests[0]!.body).toMatchInlineSnapshot(`
      {
        "header": {
          "app_id": "a1b2c3d4",
          "uid": "u1",
        },
        "parameter": {
          "chat": {
            "domain": "generalv3.5",
            "max_tokens": 100,
            "temperature": 0.5,
            "top_k": 4,
          },
        },
        "payload": {
          "message": {
            "text": [
              {
                "content": "Be brief.",
                "role": "system",
              },
              {
                "content": "Hi",
                "role": "user",
              },
            ],
          },
        },
      }
    `);
  });

  it('friendly model names map to their version', async () => {
    await sparkAdapter.execute(chatReq(false, {}, false, 'spark-4.0-ultra'), ctx);
    await sparkAdapter.execute(chatReq(false, {}, false, 'lite'), ctx);
    expect(mock.requests.map((r) => r.path)).toEqual(['/v4.0/chat', '/v1.1/chat']);
    const err = await errorOf(sparkAdapter.execute(chatReq(false, {}, false, 'gpt-4o'), ctx));
    expect(err.info).toMatchObject({ status: 400, retryable: false });
  });

  it('stream: a chunk per frame, usage chunk only when asked', async () => {
    const r = await sparkAdapter.execute(chatReq(true, {}, true), ctx);
    if (r.kind !== 'stream') throw new Error('expected stream');
    const chunks = await collect(r.parts);
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? null)).toEqual([
      '你好',
      '，我是',
      '模拟助手。',
      null,
      null,
    ]);
    expect(chunks[3]!.choices[0]!.finish_reason).toBe('stop');
    expect(chunks[4]!.usage).toEqual({ prompt_tokens: 11, completion_tokens: 3, total_tokens: 14 });
    const plain = await sparkAdapter.execute(chatReq(true), ctx);
    if (plain.kind !== 'stream') throw new Error('expected stream');
    expect((await collect(plain.parts)).some((c) => c.usage)).toBe(false);
    expect(plain.completionText()).toBe('你好，我是模拟助手。');
  });

  it('first chunk before a mid-stream pause ends', async () => {
    mock.setMode({ pauseAfterChunks: 1, pauseMs: 800 });
    const started = Date.now();
    const r = await sparkAdapter.execute(chatReq(true), ctx);
    if (r.kind !== 'stream') throw new Error('expected stream');
    const it = r.parts[Symbol.asyncIterator]();
    await it.next();
    expect(Date.now() - started).toBeLessThan(600);
    while (!(await it.next()).done);
  });

  it('a "success" with empty content is a retryable error, not an empty answer', async () => {
    mock.setMode({ error: 'empty_content' });
    for (const stream of [false, true]) {
      const err = await errorOf(sparkAdapter.execute(chatReq(stream), ctx));
      expect(err.info).toMatchObject({ retryable: true, status: 502 });
      expect(err.info.detail).toContain('empty content');
    }
  });

  it('errors: bad secret → 401 at handshake, 11202 → 429, 11200 → fatal key, busy → retryable, mid-stream', async () => {
    const bad = testAdapterContext(
      { type: 'spark', baseUrl: mock.url },
      `${SPARK_TEST_KEY.appId}|${SPARK_TEST_KEY.apiKey}|wrong-secret`,
    );
    const auth = await errorOf(sparkAdapter.execute(chatReq(true), bad));
    expect(auth.info).toMatchObject({ status: 401, fatal: 'key', retryable: true, upstreamStatus: 401 });
    expect(JSON.stringify(auth.info)).not.toMatch(/authorization=|wrong-secret/);
    expect(mock.refused).toContain(401);

    mock.setMode({ error: 'rate_limit' });
    expect((await errorOf(sparkAdapter.execute(chatReq(false), ctx))).info).toMatchObject({
      status: 429,
      retryable: true,
      fatal: null,
    });
    mock.setMode({ error: 'no_balance' });
    const quota = await errorOf(sparkAdapter.execute(chatReq(true), ctx));
    expect(quota.info).toMatchObject({ fatal: 'key', retryable: true });
    expect(quota.info.message).not.toContain('业务量');
    mock.setMode({ error: 'server_error' });
    expect((await errorOf(sparkAdapter.execute(chatReq(false), ctx))).info).toMatchObject({
      retryable: true,
    });
    mock.setMode({ errorAfterChunks: 1 });
    const r = await sparkAdapter.execute(chatReq(true), ctx);
    if (r.kind !== 'stream') throw new Error('expected stream');
    expect((await errorOf(collect(r.parts))).info.retryable).toBe(true);
    expect(r.completionText()).toBe('你好');
  });

  it('client abort closes the socket', async () => {
    mock.setMode({ pauseAfterChunks: 1, pauseMs: 2000 });
    const ac = new AbortController();
    const c = testAdapterContext({ type: 'spark', baseUrl: mock.url }, KEY, { signal: ac.signal });
    const r = await sparkAdapter.execute(chatReq(true), c);
    if (r.kind !== 'stream') throw new Error('expected stream');
    const it = r.parts[Symbol.asyncIterator]();
    await it.next();
    const started = Date.now();
    setTimeout(() => ac.abort(), 50);
    const err = await errorOf(it.next());
    expect(err.info.retryable).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a silence longer than the channel idle timeout ends the stream with a retryable 504', async () => {
    mock.setMode({ pauseAfterChunks: 1, pauseMs: 1500 });
    const c = testAdapterContext(
      {
        type: 'spark',
        baseUrl: mock.url,
        timeouts: { connectMs: 2000, firstByteMs: 2000, streamIdleMs: 300 },
      },
      KEY,
    );
    const r = await sparkAdapter.execute(chatReq(true), c);
    if (r.kind !== 'stream') throw new Error('expected stream');
    const err = await errorOf(collect(r.parts));
    expect(err.info).toMatchObject({ status: 504, retryable: true, code: 'upstream_timeout' });
    expect(r.completionText()).toBe('你好');
  });

  it('an unreachable host is a retryable 502 whose detail carries no signed URL', async () => {
    const { freePort } = await import('@switchboard/test/support/ports');
    const c = testAdapterContext({ type: 'spark', baseUrl: `ws://127.0.0.1:${await freePort()}` }, KEY);
    const err = await errorOf(sparkAdapter.execute(chatReq(false), c));
    expect(err.info).toMatchObject({ status: 502, retryable: true, fatal: null, upstreamStatus: 0 });
    expect(err.info.detail).not.toMatch(/authorization|ws:\/\//);
  });

  it('a socket closed before the final frame is an error, not a complete answer', async () => {
    mock.setMode({ dropAfterChunks: 1 });
    const r = await sparkAdapter.execute(chatReq(true), ctx);
    if (r.kind !== 'stream') throw new Error('expected stream');
    expect((await errorOf(collect(r.parts))).info).toMatchObject({ retryable: true, status: 502 });
    expect(r.completionText()).toBe('你好');
    expect((await errorOf(sparkAdapter.execute(chatReq(false), ctx))).info.detail).toContain(
      'before the final frame',
    );
  });
});
