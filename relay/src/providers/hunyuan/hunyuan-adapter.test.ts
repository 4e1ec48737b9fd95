import type { ChatCompletionChunk } from '@switchboard/shared/openai';
import type { CnMock } from '@switchboard/test/mock-upstreams/cn-kit';
import { HUNYUAN_TEST_KEY, startMockHunyuan } from '@switchboard/test/mock-upstreams/hunyuan/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AdapterContext, AdapterRequest, StreamPart } from '../contract.js';
import { UpstreamError } from '../contract.js';
import { testAdapterContext } from '../test-context.js';
import { hunyuanAdapter } from './hunyuan-adapter.js';

const KEY = `${HUNYUAN_TEST_KEY.secretId}|${HUNYUAN_TEST_KEY.secretKey}`;
const TOOLS = [
  {
    type: 'function',
    function: { name: 'get_weather', description: 'weather', parameters: { type: 'object', properties: {} } },
  },
];

function chatReq(stream: boolean, extra: Record<string, unknown> = {}, wantsUsage = false): AdapterRequest {
  return {
    endpoint: 'chat.completions',
    model: 'hunyuan-turbo',
    stream,
    clientWantsStreamUsage: wantsUsage,
    body: {
      model: 'hunyuan-turbo',
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

describe('hunyuan adapter against the mock Tencent Cloud API', () => {
  let mock: CnMock;
  let ctx: AdapterContext;
  beforeAll(async () => {
    mock = await startMockHunyuan();
  });
  afterAll(() => mock.close());
  beforeEach(() => {
    mock.setMode(null);
    mock.requests.length = 0;
    ctx = testAdapterContext({ type: 'hunyuan', baseUrl: mock.url, config: { region: 'ap-beijing' } }, KEY);
  });

  it('non-stream: TC3 signature accepted, exact content-type, PascalCase body, usage mapped', async () => {
    const r = await hunyuanAdapter.execute(
      chatReq(false, { temperature: 0.2, top_p: 0.9, max_tokens: 10, EnableEnhancement: false, stop: ['x'] }),
      ctx,
    );
    if (r.kind !== 'json') throw new Error('expected json');
    expect(r.body).toMatchObject({
      choices: [{ message: { role: 'assistant', content: '你好，我是模拟助手。' }, finish_reason: 'stop' }],
    });
    expect(r.usage).toEqual({ prompt_tokens: 11, completion_tokens: 3, total_tokens: 14 });
    const sent = mock.requests[0]!;
    expect(sent.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(sent.headers).toMatchObject({
      'x-tc-action': 'ChatCompletions',
      'x-tc-version': '2023-09-01',
      'x-tc-region': 'ap-beijing',
    });
    expect(sent.body).toMatchInlineSnapshot(`
      {
        "EnableEnhancement": false,
        "Messages": [
          {
            "Content": "Be brief.",
            "Role": "system",
          },
          {
            "Content": "Hi",
            "Role": "user",
          },
        ],
        "Model": "hunyuan-turbo",
        "Stop": [
          "x",
        ],
        "Stream": false,
        "Temperature": 0.2,
        "TopP": 0.9,
      }
    `);
  });

  // Hunyuan API reference: system first only; user (tool) and assistant alternate.
  it('joins system messages and consecutive same-role turns into the order Hunyuan requires', async () => {
    const r = await hunyuanAdapter.execute(
      chatReq(false, {
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Hi' },
          { role: 'developer', content: 'Answer in Chinese.' },
          { role: 'user', content: 'there' },
        ],
      }),
      ctx,
    );
    expect(r.kind).toBe('json');
    expect(mock.requests.at(-1)!.body!.Messages).toEqual([
      { Role: 'system', Content: 'Be brief.\nAnswer in Chinese.' },
      { Role: 'user', Content: 'Hi\nthere' },
    ]);
  });

  it('stream: chunk per frame, usage chunk only when asked', async () => {
    const r = await hunyuanAdapter.execute(chatReq(true, {}, true), ctx);
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
    const plain = await hunyuanAdapter.execute(chatReq(true), ctx);
    if (plain.kind !== 'stream') throw new Error('expected stream');
    expect((await collect(plain.parts)).some((c) => c.usage)).toBe(false);
    expect(plain.usage()?.total_tokens).toBe(14);
  });

  it('tool calls both ways', async () => {
    const r = await hunyuanAdapter.execute(chatReq(false, { tools: TOOLS, tool_choice: 'auto' }), ctx);
    if (r.kind !== 'json') throw new Error('expected json');
    expect(mock.requests[0]!.body!.Tools).toEqual([
      {
        Type: 'function',
        Function: {
          Name: 'get_weather',
          Description: 'weather',
          Parameters: '{"type":"object","properties":{}}',
        },
      },
    ]);
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
    const s = await hunyuanAdapter.execute(chatReq(true, { tools: TOOLS }), ctx);
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
    // The tool result goes back as a tool message with its call id.
    const follow = chatReq(false, { tools: TOOLS });
    follow.body.messages = [
      { role: 'user', content: 'weather?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_mock_1', type: 'function', function: { name: 'get_weather', arguments: '{}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_mock_1', content: 'sunny' },
    ];
    await hunyuanAdapter.execute(follow, ctx);
    expect((mock.requests.at(-1)!.body!.Messages as unknown[]).slice(1)).toEqual([
      {
        Role: 'assistant',
        Content: '',
        ToolCalls: [
          { Id: 'call_mock_1', Type: 'function', Function: { Name: 'get_weather', Arguments: '{}' } },
        ],
      },
      { Role: 'tool', Content: 'sunny', ToolCallId: 'call_mock_1' },
    ]);
  });

  it('first chunk before a mid-stream pause ends', async () => {
    mock.setMode({ pauseAfterChunks: 1, pauseMs: 800 });
    const started = Date.now();
    const r = await hunyuanAdapter.execute(chatReq(true), ctx);
    if (r.kind !== 'stream') throw new Error('expected stream');
    const it = r.parts[Symbol.asyncIterator]();
    await it.next();
    expect(Date.now() - started).toBeLessThan(600);
    while (!(await it.next()).done);
  });

  it('errors: bad secret, rate limit, arrears, server, mid-stream', async () => {
    const bad = testAdapterContext(
      { type: 'hunyuan', baseUrl: mock.url },
      `${HUNYUAN_TEST_KEY.secretId}|wrong-secret-key`,
    );
    const auth = await errorOf(hunyuanAdapter.execute(chatReq(false), bad));
    expect(auth.info).toMatchObject({ status: 401, fatal: 'key', retryable: true });
    expect(auth.info.detail).toContain('AuthFailure.SignatureFailure');
    mock.setMode({ error: 'rate_limit' });
    expect((await errorOf(hunyuanAdapter.execute(chatReq(true), ctx))).info).toMatchObject({
      status: 429,
      retryable: true,
      fatal: null,
    });
    mock.setMode({ error: 'no_balance' });
    const arrears = await errorOf(hunyuanAdapter.execute(chatReq(false), ctx));
    expect(arrears.info).toMatchObject({ fatal: 'key', retryable: true });
    expect(arrears.info.message).not.toContain('欠费');
    mock.setMode({ error: 'server_error' });
    expect((await errorOf(hunyuanAdapter.execute(chatReq(false), ctx))).info).toMatchObject({
      retryable: true,
      fatal: null,
    });
    mock.setMode({ errorAfterChunks: 1 });
    const r = await hunyuanAdapter.execute(chatReq(true), ctx);
    if (r.kind !== 'stream') throw new Error('expected stream');
    expect((await errorOf(collect(r.parts))).info.retryable).toBe(true);
    expect(r.completionText()).toBe('你好');
  });

  it('embeddings: one GetEmbedding call per text, order kept, usage summed', async () => {
    const r = await hunyuanAdapter.execute(
      {
        endpoint: 'embeddings',
        model: 'hunyuan-embedding',
        stream: false,
        clientWantsStreamUsage: false,
        body: { model: 'hunyuan-embedding', input: ['a', 'bb', 'ccc', 'dddd', 'eeeee'], dimensions: 8 },
      },
      ctx,
    );
    if (r.kind !== 'json') throw new Error('expected json');
    expect(mock.requests.map((q) => q.headers['x-tc-action'])).toEqual(Array(5).fill('GetEmbedding'));
    expect(mock.requests.map((q) => q.body!.Input).sort()).toEqual(['a', 'bb', 'ccc', 'dddd', 'eeeee']);
    const data = (r.body as { data: Array<{ index: number; embedding: number[] }> }).data;
    expect(data.map((d) => d.index)).toEqual([0, 1, 2, 3, 4]);
    // The mock's vectors depend on the text length: each row belongs to its own input.
    expect(data.map((d) => d.embedding[0])).toEqual([2, 3, 4, 5, 6].map((n) => n / 97));
    expect(r.usage).toEqual({ prompt_tokens: 15, completion_tokens: 0, total_tokens: 15 });
  });
});
