import {
  BAIDU_TEST_KEY,
  type MockBaidu,
  startMockBaidu,
} from '@switchboard/test/mock-upstreams/baidu/server';
import type { ChatCompletionChunk } from '@switchboard/shared/openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AdapterContext, AdapterRequest, StreamPart } from '../contract.js';
import { UpstreamError } from '../contract.js';
import { MemoryCredentialCache } from '../credential-cache.js';
import { testAdapterContext } from '../test-context.js';
import { baiduAdapter } from './baidu-adapter.js';

type Chunk = ChatCompletionChunk & { choices: ChatCompletionChunk['choices'] };

const KEY = `${BAIDU_TEST_KEY.apiKey}|${BAIDU_TEST_KEY.secretKey}`;

function chatReq(stream: boolean, extra: Record<string, unknown> = {}, wantsUsage = false): AdapterRequest {
  return {
    endpoint: 'chat.completions',
    model: 'ernie-4.0-8k',
    stream,
    clientWantsStreamUsage: wantsUsage,
    body: {
      model: 'ernie-4.0-8k',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
      stream,
      ...extra,
    },
  };
}

async function collect(parts: AsyncIterable<StreamPart>): Promise<Chunk[]> {
  const out: Chunk[] = [];
  let done = false;
  for await (const p of parts) {
    expect(done).toBe(false);
    if (p.data === '[DONE]') done = true;
    else out.push(JSON.parse(p.data) as Chunk);
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

describe('baidu adapter against the mock Qianfan API', () => {
  let mock: MockBaidu;
  let ctx: AdapterContext;
  beforeAll(async () => {
    mock = await startMockBaidu();
  });
  afterAll(() => mock.close());
  beforeEach(() => {
    mock.setMode(null);
    mock.requests.length = 0;
    ctx = testAdapterContext({ type: 'baidu', baseUrl: mock.url }, KEY);
  });

  it('non-stream: system lifted out, endpoint mapped, usage and finish_reason mapped', async () => {
    const result = await baiduAdapter.execute(
      chatReq(false, { temperature: 1.5, max_tokens: 100, stop: 'END', seed: 3, user: 'u1' }),
      ctx,
    );
    expect(result.kind).toBe('json');
    if (result.kind !== 'json') return;
    expect(result.body).toMatchObject({
      object: 'chat.completion',
      model: 'ernie-4.0-8k',
      choices: [
        { index: 0, message: { role: 'assistant', content: '你好，我是模拟助手。' }, finish_reason: 'stop' },
      ],
    });
    expect(result.usage).toEqual({ prompt_tokens: 11, completion_tokens: 3, total_tokens: 14 });
    const sent = mock.requests.find((r) => r.path.includes('/chat/'))!;
    expect(sent.path).toBe('/rpc/2.0/ai_custom/v1/wenxinworkshop/chat/completions_pro');
    expect(sent.body).toMatchInlineSnapshot(`
      {
        "max_output_tokens": 100,
        "messages": [
          {
            "content": "Hi",
            "role": "user",
          },
        ],
        "stop": [
          "END",
        ],
        "stream": false,
        "system": "Be brief.",
        "temperature": 1,
        "user_id": "u1",
      }
    `);
  });

  it('caches the access token across requests', async () => {
    const before = mock.tokensIssued();
    await baiduAdapter.execute(chatReq(false), ctx);
    await baiduAdapter.execute(chatReq(false), ctx);
    expect(mock.tokensIssued() - before).toBe(1);
    expect(mock.requests.filter((r) => r.path === '/oauth/2.0/token')).toHaveLength(1);
  });

  it('concurrent requests share one token fetch; a token is replaced a day before its 30 days end', async () => {
    let now = Date.now();
    const realNow = Date.now;
    const cache = new MemoryCredentialCache(60_000, () => now);
    const c = testAdapterContext({ type: 'baidu', baseUrl: mock.url }, KEY, { cache });
    const before = mock.tokensIssued();
    await Promise.all(Array.from({ length: 5 }, () => baiduAdapter.execute(chatReq(false), c)));
    expect(mock.tokensIssued() - before).toBe(1);
    // 28.9 days on: still the cached token.
    now += 28.9 * 86_400_000;
    await baiduAdapter.execute(chatReq(false), c);
    expect(mock.tokensIssued() - before).toBe(1);
    // 29.1 days on: inside the last day, so a new token is fetched before any call fails.
    now += 0.2 * 86_400_000;
    const calls = mock.requests.length;
    await baiduAdapter.execute(chatReq(false), c);
    expect(mock.tokensIssued() - before).toBe(2);
    expect(mock.requests.slice(calls).map((r) => r.path)).toEqual([
      '/oauth/2.0/token',
      '/rpc/2.0/ai_custom/v1/wenxinworkshop/chat/completions_pro',
    ]);
    expect(Date.now).toBe(realNow);
  });

  it('refreshes an expired token once (error_code 111) and succeeds', async () => {
    await baiduAdapter.execute(chatReq(false), ctx);
    mock.expireTokens();
    const before = mock.tokensIssued();
    const result = await baiduAdapter.execute(chatReq(false), ctx);
    expect(result.kind).toBe('json');
    expect(mock.tokensIssued() - before).toBe(1);
  });

  it('stream: one chunk per upstream frame, usage chunk only when asked', async () => {
    const result = await baiduAdapter.execute(chatReq(true, {}, true), ctx);
    expect(result.kind).toBe('stream');
    if (result.kind !== 'stream') return;
    const chunks = await collect(result.parts);
    expect(chunks.map((c) => c.choices[0]?.delta?.content ?? null)).toEqual([
      '你好',
      '，我是',
      '模拟助手。',
      null,
      null,
    ]);
    expect(chunks[0]!.choices[0].delta.role).toBe('assistant');
    expect(chunks[3]!.choices[0].finish_reason).toBe('stop');
    expect(chunks[4]).toMatchObject({
      choices: [],
      usage: { prompt_tokens: 11, completion_tokens: 3, total_tokens: 14 },
    });
    expect(result.usage()).toEqual({ prompt_tokens: 11, completion_tokens: 3, total_tokens: 14 });
    expect(result.completionText()).toBe('你好，我是模拟助手。');

    const noUsage = await baiduAdapter.execute(chatReq(true), ctx);
    if (noUsage.kind !== 'stream') throw new Error('expected stream');
    const plain = await collect(noUsage.parts);
    expect(plain.some((c) => c.usage)).toBe(false);
    expect(noUsage.usage()?.total_tokens).toBe(14);
  });

  it('stream: the first chunk arrives before a mid-stream pause ends', async () => {
    mock.setMode({ pauseAfterChunks: 1, pauseMs: 800 });
    const started = Date.now();
    const result = await baiduAdapter.execute(chatReq(true), ctx);
    if (result.kind !== 'stream') throw new Error('expected stream');
    const it = result.parts[Symbol.asyncIterator]();
    const first = await it.next();
    expect(JSON.parse(first.value!.data).choices[0].delta.content).toBe('你好');
    expect(Date.now() - started).toBeLessThan(600);
    while (!(await it.next()).done);
    expect(Date.now() - started).toBeGreaterThanOrEqual(750);
  });

  it('wrong key pair → 401 fatal key, retryable, key not echoed', async () => {
    const bad = testAdapterContext(
      { type: 'baidu', baseUrl: mock.url },
      `${BAIDU_TEST_KEY.apiKey}|not-the-secret`,
    );
    const err = await errorOf(baiduAdapter.execute(chatReq(false), bad));
    expect(err.info).toMatchObject({ status: 401, fatal: 'key', retryable: true });
    expect(JSON.stringify(err.info)).not.toContain('not-the-secret');
  });

  it('qps limit → 429 retryable; arrears (17) → fatal key, failover, no balance text for the client', async () => {
    mock.setMode({ error: 'rate_limit' });
    expect((await errorOf(baiduAdapter.execute(chatReq(false), ctx))).info).toMatchObject({
      status: 429,
      retryable: true,
      fatal: null,
    });
    mock.setMode({ error: 'no_balance' });
    const arrears = await errorOf(baiduAdapter.execute(chatReq(true), ctx));
    expect(arrears.info).toMatchObject({ fatal: 'key', retryable: true, status: 503 });
    expect(arrears.info.message).not.toMatch(/limit|balance|quota/i);
    expect(arrears.info.detail).toContain('17');
  });

  it('server error → retryable; invalid request → 400 not retryable', async () => {
    mock.setMode({ error: 'server_error' });
    expect((await errorOf(baiduAdapter.execute(chatReq(false), ctx))).info).toMatchObject({
      retryable: true,
      status: 502,
    });
    mock.setMode(null);
    const req = chatReq(false);
    req.body.messages = [{ role: 'assistant', content: 'x' }];
    expect((await errorOf(baiduAdapter.execute(req, ctx))).info).toMatchObject({
      status: 400,
      retryable: false,
    });
  });

  it('mid-stream error frame → thrown from the stream', async () => {
    mock.setMode({ errorAfterChunks: 1 });
    const result = await baiduAdapter.execute(chatReq(true), ctx);
    if (result.kind !== 'stream') throw new Error('expected stream');
    const err = await errorOf(collect(result.parts));
    expect(err.info.retryable).toBe(true);
    expect(result.completionText()).toBe('你好');
  });

  it('embeddings: floats and base64', async () => {
    const req: AdapterRequest = {
      endpoint: 'embeddings',
      model: 'embedding-v1',
      stream: false,
      clientWantsStreamUsage: false,
      body: { model: 'embedding-v1', input: ['a', 'bb'] },
    };
    const r = await baiduAdapter.execute(req, ctx);
    if (r.kind !== 'json') throw new Error('expected json');
    const body = r.body as { data: Array<{ index: number; embedding: number[] }> };
    expect(body.data.map((d) => d.index)).toEqual([0, 1]);
    expect(body.data[0]!.embedding).toHaveLength(8);
    expect(r.usage).toEqual({ prompt_tokens: 3, completion_tokens: 0, total_tokens: 3 });
    const b64 = await baiduAdapter.execute({ ...req, body: { ...req.body, encoding_format: 'base64' } }, ctx);
    if (b64.kind !== 'json') throw new Error('expected json');
    const enc = (b64.body as { data: Array<{ embedding: string }> }).data[0]!.embedding;
    expect(Buffer.from(enc, 'base64').readFloatLE(0)).toBeCloseTo(body.data[0]!.embedding[0]!, 5);
  });

  it('tools: OpenAI tools ↔ ERNIE functions / function_call, both ways and streamed', async () => {
    const tools = [
      {
        type: 'function',
        function: {
          name: 'get_weather',
          description: 'weather',
          parameters: { type: 'object', properties: {} },
        },
      },
    ];
    const r = await baiduAdapter.execute(
      chatReq(false, { tools, tool_choice: { type: 'function', function: { name: 'get_weather' } } }),
      ctx,
    );
    if (r.kind !== 'json') throw new Error('expected json');
    const sent = mock.requests.find((q) => q.path.includes('/chat/'))!.body!;
    expect(sent.functions).toEqual([
      { name: 'get_weather', description: 'weather', parameters: { type: 'object', properties: {} } },
    ]);
    expect(sent.tool_choice).toEqual({ type: 'function', function: { name: 'get_weather' } });
    const choice = (
      r.body as {
        choices: Array<{
          finish_reason: string;
          message: { tool_calls: Array<{ id: string; function: unknown }> };
        }>;
      }
    ).choices[0]!;
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.tool_calls[0]!.function).toEqual({
      name: 'get_weather',
      arguments: '{"city":"北京"}',
    });

    const s = await baiduAdapter.execute(chatReq(true, { tools }), ctx);
    if (s.kind !== 'stream') throw new Error('expected stream');
    const chunks = await collect(s.parts);
    expect(chunks[0]!.choices[0]!.delta.tool_calls![0]).toMatchObject({
      index: 0,
      type: 'function',
      function: { name: 'get_weather', arguments: '{"city":"北京"}' },
    });
    expect(chunks.at(-1)!.choices[0]!.finish_reason).toBe('tool_calls');

    // The tool's result goes back as ERNIE's "function" turn, named after the call.
    mock.requests.length = 0;
    const follow = chatReq(false, { tools });
    follow.body.messages = [
      { role: 'user', content: 'Weather?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: choice.message.tool_calls[0]!.id,
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"北京"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: choice.message.tool_calls[0]!.id, content: 'sunny' },
    ];
    const answer = await baiduAdapter.execute(follow, ctx);
    if (answer.kind !== 'json') throw new Error('expected json');
    expect(mock.requests.find((q) => q.path.includes('/chat/'))!.body!.messages).toEqual([
      { role: 'user', content: 'Weather?' },
      {
        role: 'assistant',
        content: '',
        function_call: { name: 'get_weather', arguments: '{"city":"北京"}' },
      },
      { role: 'function', name: 'get_weather', content: 'sunny' },
    ]);
    expect(
      (answer.body as { choices: Array<{ message: { content: string } }> }).choices[0]!.message.content,
    ).toBe('你好，我是模拟助手。');
  });
});
