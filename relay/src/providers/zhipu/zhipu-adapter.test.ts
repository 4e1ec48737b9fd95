import type { ChatCompletionChunk } from '@switchboard/shared/openai';
import {
  type MockZhipu,
  startMockZhipu,
  ZHIPU_TEST_KEY,
} from '@switchboard/test/mock-upstreams/zhipu/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AdapterContext, AdapterRequest, StreamPart } from '../contract.js';
import { UpstreamError } from '../contract.js';
import { MemoryCredentialCache } from '../credential-cache.js';
import { testAdapterContext } from '../test-context.js';
import { zhipuAdapter } from './zhipu-adapter.js';

const KEY = `${ZHIPU_TEST_KEY.id}.${ZHIPU_TEST_KEY.secret}`;
const TOOLS = [
  { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } },
];

function chatReq(stream: boolean, extra: Record<string, unknown> = {}, wantsUsage = false): AdapterRequest {
  return {
    endpoint: 'chat.completions',
    model: 'glm-4-plus',
    stream,
    clientWantsStreamUsage: wantsUsage,
    body: {
      model: 'glm-4-plus',
      messages: [
        { role: 'developer', content: 'Be brief.' },
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

describe('zhipu adapter against the mock GLM v4 API', () => {
  let mock: MockZhipu;
  let ctx: AdapterContext;
  beforeAll(async () => {
    mock = await startMockZhipu();
  });
  afterAll(() => mock.close());
  beforeEach(() => {
    mock.setMode(null);
    mock.requests.length = 0;
    ctx = testAdapterContext({ type: 'zhipu', baseUrl: mock.url }, KEY);
  });

  it('non-stream: JWT accepted, body OpenAI-like with GLM fixes, usage mapped', async () => {
    const r = await zhipuAdapter.execute(
      chatReq(false, {
        temperature: 1.7,
        max_completion_tokens: 64,
        user: 'user-123456',
        seed: 1,
        response_format: { type: 'json_object' },
      }),
      ctx,
    );
    if (r.kind !== 'json') throw new Error('expected json');
    expect(r.body).toMatchObject({
      choices: [{ message: { content: '你好，我是模拟助手。' }, finish_reason: 'stop' }],
    });
    expect(r.usage).toEqual({ prompt_tokens: 11, completion_tokens: 3, total_tokens: 14 });
    expect(mock.acceptedKeyIds).toContain(ZHIPU_TEST_KEY.id);
    expect(mock.requests[0]!.body).toMatchInlineSnapshot(`
      {
        "max_tokens": 64,
        "messages": [
          {
            "content": "Be brief.",
            "role": "system",
          },
          {
            "content": "Hi",
            "role": "user",
          },
        ],
        "model": "glm-4-plus",
        "response_format": {
          "type": "json_object",
        },
        "stream": false,
        "temperature": 1,
        "user_id": "user-123456",
      }
    `);
  });

  it('image parts (glm-4v) and GLM-only fields pass through as sent', async () => {
    const image = { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } };
    await zhipuAdapter.execute(
      chatReq(false, {
        messages: [{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, image] }],
        do_sample: false,
        request_id: 'req-1',
      }),
      ctx,
    );
    expect(mock.requests[0]!.body).toMatchObject({
      messages: [{ role: 'user', content: [{ type: 'text', text: 'What is this?' }, image] }],
      do_sample: false,
      request_id: 'req-1',
    });
  });

  it('JWT is cached, and signed again once the cache lets it go', async () => {
    let now = Date.now();
    const cache = new MemoryCredentialCache(60_000, () => now);
    const c = testAdapterContext({ type: 'zhipu', baseUrl: mock.url }, KEY, { cache });
    await zhipuAdapter.execute(chatReq(false), c);
    await zhipuAdapter.execute(chatReq(false), c);
    const [a, b] = mock.requests.map((r) => r.headers.authorization);
    expect(a).toBe(b);
    const payload = JSON.parse(Buffer.from(String(a).split('.')[1]!, 'base64url').toString());
    expect(payload.api_key).toBe(ZHIPU_TEST_KEY.id);
    expect(payload.exp - payload.timestamp).toBe(3_600_000);
    now += 3_600_000;
    await new Promise((r) => setTimeout(r, 5));
    await zhipuAdapter.execute(chatReq(false), c);
    expect(mock.requests[2]!.headers.authorization).not.toBe(a);
  });

  it('stream: chunk per event, finish and usage mapped, [DONE] not forwarded', async () => {
    const r = await zhipuAdapter.execute(chatReq(true, {}, true), ctx);
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
    const plain = await zhipuAdapter.execute(chatReq(true), ctx);
    if (plain.kind !== 'stream') throw new Error('expected stream');
    expect((await collect(plain.parts)).some((c) => c.usage)).toBe(false);
    expect(plain.usage()?.total_tokens).toBe(14);
  });

  it('tool calls, non-stream and stream', async () => {
    const r = await zhipuAdapter.execute(chatReq(false, { tools: TOOLS, tool_choice: 'auto' }), ctx);
    if (r.kind !== 'json') throw new Error('expected json');
    expect(r.body).toMatchObject({
      choices: [
        {
          finish_reason: 'tool_calls',
          message: {
            tool_calls: [
              {
                id: 'call_mock_1',
                type: 'function',
                function: { name: 'get_weather', arguments: '{"city":"北京"}' },
              },
            ],
          },
        },
      ],
    });
    const s = await zhipuAdapter.execute(chatReq(true, { tools: TOOLS }), ctx);
    if (s.kind !== 'stream') throw new Error('expected stream');
    const chunks = await collect(s.parts);
    expect(chunks[0]!.choices[0]!.delta.tool_calls).toEqual([
      {
        index: 0,
        id: 'call_mock_1',
        type: 'function',
        function: { name: 'get_weather', arguments: '{"city":"北京"}' },
      },
    ]);
    expect(chunks.at(-1)!.choices[0]!.finish_reason).toBe('tool_calls');
  });

  it('first chunk before a mid-stream pause ends', async () => {
    mock.setMode({ pauseAfterChunks: 1, pauseMs: 800 });
    const started = Date.now();
    const r = await zhipuAdapter.execute(chatReq(true), ctx);
    if (r.kind !== 'stream') throw new Error('expected stream');
    const it = r.parts[Symbol.asyncIterator]();
    await it.next();
    expect(Date.now() - started).toBeLessThan(600);
    while (!(await it.next()).done);
  });

  it('errors: bad secret, rate limit, arrears 1113, server, mid-stream', async () => {
    const bad = testAdapterContext({ type: 'zhipu', baseUrl: mock.url }, `${ZHIPU_TEST_KEY.id}.wrong-secret`);
    const auth = await errorOf(zhipuAdapter.execute(chatReq(false), bad));
    expect(auth.info).toMatchObject({ status: 401, fatal: 'key', retryable: true });
    mock.setMode({ error: 'rate_limit' });
    expect((await errorOf(zhipuAdapter.execute(chatReq(true), ctx))).info).toMatchObject({
      status: 429,
      fatal: null,
      retryable: true,
    });
    mock.setMode({ error: 'no_balance' });
    const arrears = await errorOf(zhipuAdapter.execute(chatReq(false), ctx));
    expect(arrears.info).toMatchObject({ fatal: 'key', retryable: true });
    expect(arrears.info.status).not.toBe(429);
    expect(arrears.info.message).not.toContain('欠费');
    mock.setMode({ error: 'server_error' });
    expect((await errorOf(zhipuAdapter.execute(chatReq(false), ctx))).info).toMatchObject({
      retryable: true,
      upstreamStatus: 500,
    });
    mock.setMode({ errorAfterChunks: 1 });
    const r = await zhipuAdapter.execute(chatReq(true), ctx);
    if (r.kind !== 'stream') throw new Error('expected stream');
    expect((await errorOf(collect(r.parts))).info.retryable).toBe(true);
    // finish_reason "network_error" (GLM docs: inference failed) is an error, stream or not.
    mock.setMode({ finishReason: 'network_error' });
    expect((await errorOf(zhipuAdapter.execute(chatReq(false), ctx))).info.retryable).toBe(true);
    const s = await zhipuAdapter.execute(chatReq(true), ctx);
    if (s.kind !== 'stream') throw new Error('expected stream');
    expect((await errorOf(collect(s.parts))).info.retryable).toBe(true);
  });

  it('embeddings', async () => {
    const r = await zhipuAdapter.execute(
      {
        endpoint: 'embeddings',
        model: 'embedding-3',
        stream: false,
        clientWantsStreamUsage: false,
        body: { model: 'embedding-3', input: ['hello', 'x'], encoding_format: 'float', dimensions: 256 },
      },
      ctx,
    );
    if (r.kind !== 'json') throw new Error('expected json');
    expect(mock.requests[0]!.body).toEqual({ model: 'embedding-3', input: ['hello', 'x'], dimensions: 256 });
    expect((r.body as { data: unknown[] }).data).toHaveLength(2);
    expect(r.usage).toEqual({ prompt_tokens: 6, completion_tokens: 0, total_tokens: 6 });
  });
});
