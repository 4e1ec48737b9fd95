import type { ChatCompletionChunk } from '@switchboard/shared/openai';
import type { CnMock } from '@switchboard/test/mock-upstreams/cn-kit';
import { QWEN_MODELS, QWEN_TEST_KEY, startMockQwen } from '@switchboard/test/mock-upstreams/qwen/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AdapterContext, AdapterRequest, StreamPart } from '../contract.js';
import { UpstreamError } from '../contract.js';
import { testAdapterContext } from '../test-context.js';
import { qwenAdapter } from './qwen-adapter.js';

const TOOLS = [
  {
    type: 'function',
    function: {
      name: 'get_weather',
      parameters: { type: 'object', properties: { city: { type: 'string' } } },
    },
  },
];

function chatReq(stream: boolean, extra: Record<string, unknown> = {}, wantsUsage = false): AdapterRequest {
  return {
    endpoint: 'chat.completions',
    model: 'qwen-plus',
    stream,
    clientWantsStreamUsage: wantsUsage,
    body: {
      model: 'qwen-plus',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
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

describe('qwen adapter against the mock DashScope API', () => {
  let mock: CnMock;
  let ctx: AdapterContext;
  beforeAll(async () => {
    mock = await startMockQwen();
  });
  afterAll(() => mock.close());
  beforeEach(() => {
    mock.setMode(null);
    mock.requests.length = 0;
    ctx = testAdapterContext({ type: 'qwen', baseUrl: mock.url }, QWEN_TEST_KEY);
  });

  it('non-stream: native body with parameters, usage mapped', async () => {
    const r = await qwenAdapter.execute(
      chatReq(false, {
        temperature: 0.3,
        max_completion_tokens: 50,
        frequency_penalty: 1,
        enable_search: true,
        seed: 7,
      }),
      ctx,
    );
    if (r.kind !== 'json') throw new Error('expected json');
    expect(r.body).toMatchObject({
      object: 'chat.completion',
      model: 'qwen-plus',
      choices: [{ message: { role: 'assistant', content: '你好，我是模拟助手。' }, finish_reason: 'stop' }],
    });
    expect(r.usage).toEqual({ prompt_tokens: 11, completion_tokens: 3, total_tokens: 14 });
    const sent = mock.requests[0]!;
    expect(sent.headers.authorization).toBe(`Bearer ${QWEN_TEST_KEY}`);
    expect(sent.headers['x-dashscope-sse']).toBeUndefined();
    expect(sent.body).toMatchInlineSnapshot(`
      {
        "input": {
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
        },
        "model": "qwen-plus",
        "parameters": {
          "enable_search": true,
          "max_tokens": 50,
          "result_format": "message",
          "seed": 7,
          "temperature": 0.3,
        },
      }
    `);
  });

  it('temperature 2 and top_p 0 (valid for OpenAI) are clamped into DashScope ranges [0, 2) and (0, 1]', async () => {
    const r = await qwenAdapter.execute(chatReq(false, { temperature: 2, top_p: 0 }), ctx);
    expect(r.kind).toBe('json');
    expect(mock.requests.at(-1)!.body!.parameters).toMatchObject({ temperature: 1.99, top_p: 0.01 });
  });

  it('stream: incremental output, one chunk per event, usage chunk when asked', async () => {
    const r = await qwenAdapter.execute(
      chatReq(true, { stream_options: { include_usage: true } }, true),
      ctx,
    );
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
    expect(chunks[4]).toMatchObject({
      choices: [],
      usage: { prompt_tokens: 11, completion_tokens: 3, total_tokens: 14 },
    });
    const sent = mock.requests[0]!;
    expect(sent.headers['x-dashscope-sse']).toBe('enable');
    expect((sent.body!.parameters as Record<string, unknown>).incremental_output).toBe(true);
    expect(sent.body!.parameters).not.toHaveProperty('stream_options');
  });

  it('tool calls, non-stream and stream', async () => {
    const r = await qwenAdapter.execute(chatReq(false, { tools: TOOLS, tool_choice: 'auto' }), ctx);
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
                function: { name: 'get_weather', arguments: '{"city": "北京"}' },
              },
            ],
          },
        },
      ],
    });
    const s = await qwenAdapter.execute(chatReq(true, { tools: TOOLS }), ctx);
    if (s.kind !== 'stream') throw new Error('expected stream');
    const chunks = await collect(s.parts);
    expect(chunks[0]!.choices[0]!.delta.tool_calls).toEqual([
      {
        index: 0,
        id: 'call_mock_1',
        type: 'function',
        function: { name: 'get_weather', arguments: '{"city":' },
      },
    ]);
    expect(chunks[1]!.choices[0]!.delta.tool_calls).toEqual([
      { index: 0, function: { arguments: ' "北京"}' } },
    ]);
    expect(chunks.at(-1)!.choices[0]!.finish_reason).toBe('tool_calls');
  });

  it('first chunk before a mid-stream pause ends', async () => {
    mock.setMode({ pauseAfterChunks: 1, pauseMs: 800 });
    const started = Date.now();
    const r = await qwenAdapter.execute(chatReq(true), ctx);
    if (r.kind !== 'stream') throw new Error('expected stream');
    const it = r.parts[Symbol.asyncIterator]();
    await it.next();
    expect(Date.now() - started).toBeLessThan(600);
    while (!(await it.next()).done);
  });

  it('errors: key, rate limit, arrears, server, mid-stream', async () => {
    const bad = testAdapterContext({ type: 'qwen', baseUrl: mock.url }, 'sk-wrong-key-123456');
    expect((await errorOf(qwenAdapter.execute(chatReq(false), bad))).info).toMatchObject({
      status: 401,
      fatal: 'key',
      retryable: true,
    });
    mock.setMode({ error: 'rate_limit' });
    expect((await errorOf(qwenAdapter.execute(chatReq(true), ctx))).info).toMatchObject({
      status: 429,
      retryable: true,
      fatal: null,
    });
    mock.setMode({ error: 'no_balance' });
    const arrears = await errorOf(qwenAdapter.execute(chatReq(false), ctx));
    expect(arrears.info).toMatchObject({ fatal: 'key', retryable: true });
    expect(arrears.info.message).not.toMatch(/standing|Arrearage/);
    expect(arrears.info.detail).toContain('Arrearage');
    mock.setMode({ error: 'server_error' });
    expect((await errorOf(qwenAdapter.execute(chatReq(false), ctx))).info).toMatchObject({
      retryable: true,
      status: 502,
      upstreamStatus: 500,
    });
    mock.setMode({ errorAfterChunks: 2 });
    const r = await qwenAdapter.execute(chatReq(true), ctx);
    if (r.kind !== 'stream') throw new Error('expected stream');
    expect((await errorOf(collect(r.parts))).info.retryable).toBe(true);
    expect(r.completionText()).toBe('你好，我是');
  });

  it('bad request → 400, message kept for the client', async () => {
    const req = chatReq(false);
    req.body.messages = [];
    const err = await errorOf(qwenAdapter.execute(req, ctx));
    expect(err.info).toMatchObject({ status: 400, retryable: false });
    expect(err.info.message).toContain('messages');
  });

  it('embeddings with dimensions, floats and base64', async () => {
    const req: AdapterRequest = {
      endpoint: 'embeddings',
      model: 'text-embedding-v3',
      stream: false,
      clientWantsStreamUsage: false,
      body: { model: 'text-embedding-v3', input: ['a', 'bb'], dimensions: 4, encoding_format: 'base64' },
    };
    const r = await qwenAdapter.execute(req, ctx);
    if (r.kind !== 'json') throw new Error('expected json');
    expect(mock.requests[0]!.body).toEqual({
      model: 'text-embedding-v3',
      input: { texts: ['a', 'bb'] },
      parameters: { dimension: 4 },
    });
    const data = (r.body as { data: Array<{ embedding: string; index: number }> }).data;
    expect(data.map((d) => d.index)).toEqual([0, 1]);
    expect(Buffer.from(data[0]!.embedding, 'base64').length).toBe(16);
    expect(r.usage?.prompt_tokens).toBe(3);
  });

  it('vision: qwen-vl goes to multimodal-generation with {text}/{image} items; text models drop images', async () => {
    const image = { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } };
    const messages = [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: [{ type: 'text', text: 'What is it?' }, image] },
    ];
    const vl: AdapterRequest = {
      ...chatReq(false),
      model: 'qwen-vl-plus',
      body: { model: 'qwen-vl-plus', messages },
    };
    const r = await qwenAdapter.execute(vl, ctx);
    if (r.kind !== 'json') throw new Error('expected json');
    expect((r.body as { choices: Array<{ message: { content: string } }> }).choices[0]!.message.content).toBe(
      '你好，我是模拟助手。',
    );
    expect(mock.requests[0]!.path).toBe('/api/v1/services/aigc/multimodal-generation/generation');
    expect((mock.requests[0]!.body!.input as { messages: unknown }).messages).toEqual([
      { role: 'system', content: [{ text: 'Be brief.' }] },
      { role: 'user', content: [{ text: 'What is it?' }, { image: 'https://example.com/cat.png' }] },
    ]);
    const s = await qwenAdapter.execute({ ...vl, stream: true, body: { ...vl.body, stream: true } }, ctx);
    if (s.kind !== 'stream') throw new Error('expected stream');
    expect((await collect(s.parts)).map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe(
      '你好，我是模拟助手。',
    );

    const debug: string[] = [];
    const logged = testAdapterContext({ type: 'qwen', baseUrl: mock.url }, QWEN_TEST_KEY, {
      log: { debug: (m) => debug.push(m), warn: (m) => debug.push(m) },
    });
    await qwenAdapter.execute(chatReq(false, { messages }), logged);
    expect(
      (mock.requests.at(-1)!.body!.input as { messages: Array<{ content: unknown }> }).messages[1]!.content,
    ).toBe('What is it?');
    expect(debug.join('\n')).toContain('dropped a "image_url" content part');
  });

  it('client abort mid-stream stops reading at once and is not retryable', async () => {
    mock.setMode({ pauseAfterChunks: 1, pauseMs: 2000 });
    const ac = new AbortController();
    const c = testAdapterContext({ type: 'qwen', baseUrl: mock.url }, QWEN_TEST_KEY, { signal: ac.signal });
    const r = await qwenAdapter.execute(chatReq(true), c);
    if (r.kind !== 'stream') throw new Error('expected stream');
    const it = r.parts[Symbol.asyncIterator]();
    await it.next();
    const started = Date.now();
    setTimeout(() => ac.abort(), 50);
    const err = await errorOf(it.next());
    expect(err.info.retryable).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(r.completionText()).toBe('你好');
  });

  it('lists models through the compatible-mode endpoint; a bad key is a fatal key error', async () => {
    expect(await qwenAdapter.listModels!(ctx)).toEqual(QWEN_MODELS);
    const bad = testAdapterContext({ type: 'qwen', baseUrl: mock.url }, 'sk-wrong-key-123456');
    expect((await errorOf(qwenAdapter.listModels!(bad))).info).toMatchObject({ status: 401, fatal: 'key' });
  });
});
