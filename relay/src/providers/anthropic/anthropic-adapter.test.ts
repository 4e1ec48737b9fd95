import type { ChatCompletion, ChatCompletionChunk } from '@switchboard/shared/openai';
import { type AnthropicMock, startAnthropicMock } from '@switchboard/test/mock-upstreams/anthropic/server';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AdapterContext, AdapterRequest, AdapterResult } from '../contract.js';
import { UpstreamError } from '../contract.js';
import { testAdapterContext } from '../test-context.js';
import { anthropicAdapter } from './anthropic-adapter.js';

let mock: AnthropicMock;
let ctx: AdapterContext;

beforeAll(async () => {
  mock = await startAnthropicMock();
  ctx = testAdapterContext({ type: 'anthropic', baseUrl: mock.url }, mock.apiKey);
});
afterAll(() => mock.close());
beforeEach(() => {
  mock.setMode('ok');
  mock.requests.length = 0;
});

function chat(body: Record<string, unknown>, opts: Partial<AdapterRequest> = {}): AdapterRequest {
  const stream = body.stream === true;
  return {
    endpoint: 'chat.completions',
    body: { model: 'claude-sonnet-4-20250514', ...body },
    model: 'claude-sonnet-4-20250514',
    stream,
    clientWantsStreamUsage: false,
    ...opts,
  };
}

async function collect(result: AdapterResult): Promise<ChatCompletionChunk[]> {
  if (result.kind !== 'stream') throw new Error(`expected a stream, got ${result.kind}`);
  const out: ChatCompletionChunk[] = [];
  let done = false;
  for await (const part of result.parts) {
    expect(done).toBe(false);
    if (part.data === '[DONE]') done = true;
    else out.push(JSON.parse(part.data) as ChatCompletionChunk);
  }
  expect(done).toBe(true);
  return out;
}

async function failure(p: Promise<unknown>): Promise<UpstreamError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UpstreamError);
  return err as UpstreamError;
}

const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

describe('anthropic adapter, non-stream', () => {
  // Anthropic's docs: alter temperature or top_p, not both; Claude 4.5 models answer 400.
  it('sends temperature without top_p when a client sets both (Claude 4.5 refuses both)', async () => {
    const model = 'claude-sonnet-4-5-20250929';
    const result = await anthropicAdapter.execute(
      chat({ model, messages: [{ role: 'user', content: 'Hi' }], temperature: 0.3, top_p: 0.9 }, { model }),
      ctx,
    );
    expect(result.kind).toBe('json');
    expect(mock.requests[0]!.body).toMatchObject({ temperature: 0.3 });
    expect(mock.requests[0]!.body).not.toHaveProperty('top_p');
    await anthropicAdapter.execute(
      chat({ model, messages: [{ role: 'user', content: 'Hi' }], top_p: 0.9 }, { model }),
      ctx,
    );
    expect(mock.requests[1]!.body).toMatchObject({ top_p: 0.9 });
  });

  it('sends system apart, merges turns, defaults max_tokens, drops OpenAI-only fields', async () => {
    const result = await anthropicAdapter.execute(
      chat({
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'developer', content: [{ type: 'text', text: 'Answer in English.' }] },
          { role: 'user', content: 'Hi' },
          { role: 'user', content: 'there' },
        ],
        temperature: 1.5,
        top_p: 0.9,
        stop: 'END',
        user: 'u-1',
        frequency_penalty: 0.5,
        n: 1,
        response_format: { type: 'json_object' },
        top_k: 5,
      }),
      ctx,
    );
    expect(mock.requests[0]!.headers['x-api-key']).toBe(mock.apiKey);
    expect(mock.requests[0]!.headers['anthropic-version']).toBe('2023-06-01');
    expect(mock.requests[0]!.body).toEqual({
      model: 'claude-sonnet-4-20250514',
      max_tokens: 4096,
      system: [
        { type: 'text', text: 'Be brief.' },
        { type: 'text', text: 'Answer in English.' },
      ],
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Hi' },
            { type: 'text', text: 'there' },
          ],
        },
      ],
      temperature: 1,
      stop_sequences: ['END'],
      metadata: { user_id: 'u-1' },
      top_k: 5,
    });
    expect(result.kind).toBe('json');
    if (result.kind !== 'json') return;
    const body = result.body as ChatCompletion;
    expect(body.object).toBe('chat.completion');
    expect(body.choices[0]!.message).toMatchObject({
      role: 'assistant',
      content: 'Hello! You said: Hi there',
    });
    expect(body.choices[0]!.finish_reason).toBe('stop');
    expect(result.usage).toEqual(body.usage);
    expect(result.usage!.completion_tokens).toBe(5);
  });

  it('uses max_completion_tokens and maps max_tokens stop to length', async () => {
    const result = await anthropicAdapter.execute(
      chat({
        messages: [{ role: 'user', content: 'one two three four' }],
        max_completion_tokens: 2,
        max_tokens: 99,
      }),
      ctx,
    );
    expect((mock.requests[0]!.body as { max_tokens: number }).max_tokens).toBe(2);
    if (result.kind !== 'json') throw new Error('json expected');
    expect((result.body as ChatCompletion).choices[0]!.finish_reason).toBe('length');
  });

  it('adds cache reads and writes to prompt_tokens with their details', async () => {
    mock.setMode('ok', { cacheReadTokens: 1000, cacheWriteTokens: 200 });
    const result = await anthropicAdapter.execute(chat({ messages: [{ role: 'user', content: 'Hi' }] }), ctx);
    if (result.kind !== 'json') throw new Error('json expected');
    const input = Math.ceil(
      JSON.stringify(['', (mock.requests[0]!.body as { messages: unknown }).messages]).length / 4,
    );
    expect(result.usage).toEqual({
      prompt_tokens: input + 1200,
      completion_tokens: 4,
      total_tokens: input + 1204,
      prompt_tokens_details: { cached_tokens: 1000, cache_write_tokens: 200 },
    });
  });

  it('converts images: data URLs to base64 sources, http URLs to url sources', async () => {
    const png = Buffer.from('89504e470d0a1a0a', 'hex').toString('base64');
    await anthropicAdapter.execute(
      chat({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is this?' },
              { type: 'image_url', image_url: { url: `data:image/png;base64,${png}` } },
              { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg', detail: 'high' } },
            ],
          },
        ],
      }),
      ctx,
    );
    expect((mock.requests[0]!.body as { messages: unknown[] }).messages[0]).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: 'What is this?' },
        { type: 'image', source: { type: 'base64', media_type: 'image/png', data: png } },
        { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
      ],
    });
  });

  it('tools both ways: tool_use → tool_calls, then tool_calls + tool result → tool_use/tool_result', async () => {
    const first = await anthropicAdapter.execute(
      chat({
        messages: [{ role: 'user', content: 'Weather in Paris?' }],
        tools: [weatherTool],
        tool_choice: { type: 'function', function: { name: 'get_weather' } },
        parallel_tool_calls: false,
      }),
      ctx,
    );
    const sent = mock.requests[0]!.body as Record<string, unknown>;
    expect(sent.tools).toEqual([
      {
        name: 'get_weather',
        description: 'Weather for a city',
        input_schema: weatherTool.function.parameters,
      },
    ]);
    expect(sent.tool_choice).toEqual({ type: 'tool', name: 'get_weather', disable_parallel_tool_use: true });
    if (first.kind !== 'json') throw new Error('json expected');
    const choice = (first.body as ChatCompletion).choices[0]!;
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBeNull();
    const call = choice.message.tool_calls![0]!;
    expect(call).toMatchObject({
      type: 'function',
      function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
    });
    expect(call.id).toMatch(/^toolu_/);

    const second = await anthropicAdapter.execute(
      chat({
        messages: [
          { role: 'user', content: 'Weather in Paris?' },
          { role: 'assistant', content: null, tool_calls: [call] },
          { role: 'tool', tool_call_id: call.id, content: 'Sunny, 21°C' },
        ],
        tools: [weatherTool],
        tool_choice: 'auto',
      }),
      ctx,
    );
    expect((mock.requests[1]!.body as { messages: unknown[] }).messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: [{ type: 'tool_use', id: call.id, name: 'get_weather', input: { city: 'Paris' } }],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: call.id, content: [{ type: 'text', text: 'Sunny, 21°C' }] },
        ],
      },
    ]);
    if (second.kind !== 'json') throw new Error('json expected');
    expect((second.body as ChatCompletion).choices[0]!.message.content).toBe('Hello! Tool said: Sunny, 21°C');
  });

  it('system and assistant history keep text only: refusal parts become text, others are left out', async () => {
    await anthropicAdapter.execute(
      chat({
        messages: [
          {
            role: 'system',
            content: [
              { type: 'text', text: 'Rules.' },
              { type: 'image_url', image_url: { url: 'x' } },
            ],
          },
          { role: 'user', content: 'Q1' },
          {
            role: 'assistant',
            content: [
              { type: 'refusal', refusal: 'I cannot.' },
              { type: 'input_audio', input_audio: { data: 'AAAA', format: 'wav' } },
            ],
          },
          { role: 'user', content: 'Q2' },
        ],
      }),
      ctx,
    );
    const sent = mock.requests[0]!.body as { system: unknown; messages: unknown[] };
    expect(sent.system).toEqual([{ type: 'text', text: 'Rules.' }]);
    expect(sent.messages[1]).toEqual({ role: 'assistant', content: [{ type: 'text', text: 'I cannot.' }] });
  });

  it("Anthropic's own server tools pass through beside converted function tools", async () => {
    const search = { type: 'web_search_20250305', name: 'web_search', max_uses: 2 };
    await anthropicAdapter.execute(
      chat({
        messages: [{ role: 'user', content: 'News?' }],
        tools: [weatherTool, search],
        tool_choice: 'none',
      }),
      ctx,
    );
    expect((mock.requests[0]!.body as { tools: unknown[] }).tools).toEqual([
      {
        name: 'get_weather',
        description: 'Weather for a city',
        input_schema: weatherTool.function.parameters,
      },
      search,
    ]);
  });

  it('lists models (a base URL ending in /v1 works too)', async () => {
    const withV1 = testAdapterContext({ type: 'anthropic', baseUrl: `${mock.url}/v1/` }, mock.apiKey);
    expect(await anthropicAdapter.listModels!(withV1)).toHaveLength(2);
    expect(await anthropicAdapter.listModels!(ctx)).toEqual([
      'claude-sonnet-4-20250514',
      'claude-3-5-haiku-20241022',
    ]);
  });
});

describe('anthropic adapter, stream', () => {
  it('converts the event sequence into role, content, finish and usage chunks', async () => {
    mock.setMode('ok', { cacheReadTokens: 10 });
    const result = await anthropicAdapter.execute(
      chat({ messages: [{ role: 'user', content: 'Hi' }], stream: true }, { clientWantsStreamUsage: true }),
      ctx,
    );
    expect((mock.requests[0]!.body as { stream: boolean }).stream).toBe(true);
    const chunks = await collect(result);
    expect(chunks[0]!.choices[0]!.delta).toEqual({ role: 'assistant', content: '' });
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe('Hello! You said: Hi');
    expect(chunks.filter((c) => c.choices[0]?.delta.content).length).toBe(4);
    const finish = chunks.find((c) => c.choices[0]?.finish_reason);
    expect(finish!.choices[0]!.finish_reason).toBe('stop');
    const last = chunks[chunks.length - 1]!;
    expect(last.choices).toEqual([]);
    expect(last.usage).toMatchObject({ completion_tokens: 4, prompt_tokens_details: { cached_tokens: 10 } });
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
    if (result.kind !== 'stream') return;
    expect(result.usage()).toEqual(last.usage);
    expect(result.completionText()).toBe('Hello! You said: Hi');
  });

  it('leaves the usage chunk out when the client did not ask for it', async () => {
    const result = await anthropicAdapter.execute(
      chat({ messages: [{ role: 'user', content: 'Hi' }], stream: true }),
      ctx,
    );
    const chunks = await collect(result);
    expect(chunks.every((c) => c.choices.length === 1 && !c.usage)).toBe(true);
    if (result.kind === 'stream') expect(result.usage()?.completion_tokens).toBe(4);
  });

  it('streams tool calls with index, id, name, then argument fragments', async () => {
    const chunks = await collect(
      await anthropicAdapter.execute(
        chat({ messages: [{ role: 'user', content: 'Weather?' }], tools: [weatherTool], stream: true }),
        ctx,
      ),
    );
    const calls = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
    expect(calls[0]).toMatchObject({
      index: 0,
      type: 'function',
      function: { name: 'get_weather', arguments: '' },
    });
    expect(calls[0]!.id).toMatch(/^toolu_/);
    expect(calls.slice(1).every((c) => c.index === 0 && c.id === undefined)).toBe(true);
    expect(calls.map((c) => c.function?.arguments ?? '').join('')).toBe('{"city":"Paris"}');
    expect(chunks.find((c) => c.choices[0]?.finish_reason)!.choices[0]!.finish_reason).toBe('tool_calls');
  });

  it('yields the first chunk before a mid-stream pause ends', async () => {
    mock.setMode('pause', { pauseMs: 800 });
    const started = Date.now();
    const result = await anthropicAdapter.execute(
      chat({ messages: [{ role: 'user', content: 'Hi' }], stream: true }),
      ctx,
    );
    if (result.kind !== 'stream') throw new Error('stream expected');
    const it = result.parts[Symbol.asyncIterator]();
    await it.next();
    const second = await it.next();
    expect(JSON.parse(second.value.data).choices[0].delta.content).toBe('Hello! ');
    expect(Date.now() - started).toBeLessThan(600);
    for (let r = await it.next(); !r.done; r = await it.next());
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
  });

  it('a stream left early releases its connection for the next request', async () => {
    // An upstream that keeps sending after the consumer stopped reading: without draining
    // or dropping the body, backpressure would hold the only connection until bodyTimeout.
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (req.headers['x-test'] === 'second') {
          res.writeHead(200, { 'content-type': 'application/json' });
          return res.end(
            JSON.stringify({
              id: 'msg_2',
              type: 'message',
              role: 'assistant',
              model: 'm',
              content: [],
              stop_reason: 'end_turn',
              usage: { input_tokens: 1, output_tokens: 1 },
            }),
          );
        }
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(
          'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_1","model":"m","usage":{"input_tokens":1,"output_tokens":1}}}\n\n',
        );
        res.write(`: ${'x'.repeat(4 * 1024 * 1024)}\n\n`);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const single = (headers: Record<string, string>, dispatcher: Agent) =>
      testAdapterContext({ type: 'anthropic', baseUrl: base, headers }, 'sk-ant-x', { dispatcher });
    const agent = new Agent({ connections: 1, bodyTimeout: 20_000 });
    try {
      const result = await anthropicAdapter.execute(
        chat({ messages: [{ role: 'user', content: 'Hi' }], stream: true }),
        single({}, agent),
      );
      if (result.kind !== 'stream') throw new Error('stream expected');
      const it = result.parts[Symbol.asyncIterator]();
      await it.next();
      await it.return?.(undefined);
      const started = Date.now();
      const next = await anthropicAdapter.execute(
        chat({ messages: [{ role: 'user', content: 'again' }] }),
        single({ 'x-test': 'second' }, agent),
      );
      expect(next.kind).toBe('json');
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      server.closeAllConnections();
      server.close();
      await agent.close();
    }
  });

  it('raises an error event mid-stream as a retryable UpstreamError after the chunks before it', async () => {
    mock.setMode('stream_error');
    const result = await anthropicAdapter.execute(
      chat({ messages: [{ role: 'user', content: 'Hi' }], stream: true }),
      ctx,
    );
    if (result.kind !== 'stream') throw new Error('stream expected');
    const seen: string[] = [];
    const err = await failure(
      (async () => {
        for await (const p of result.parts) seen.push(p.data);
      })(),
    );
    expect(seen.length).toBe(2);
    expect(err.info).toMatchObject({ status: 503, retryable: true, fatal: null, upstreamStatus: 529 });
  });
});

describe('anthropic adapter, error event before any content', () => {
  it('fails execute itself, so the relay can still fail over', async () => {
    mock.setMode('stream_error_first');
    const err = await failure(
      anthropicAdapter.execute(chat({ messages: [{ role: 'user', content: 'Hi' }], stream: true }), ctx),
    );
    expect(err.info).toMatchObject({ status: 503, retryable: true, upstreamStatus: 529 });
  });
});

describe('anthropic adapter, errors', () => {
  const req = () => chat({ messages: [{ role: 'user', content: 'Hi' }] });

  it('invalid key → 401, fatal for the key, failover allowed, key never echoed', async () => {
    const bad = testAdapterContext({ type: 'anthropic', baseUrl: mock.url }, 'sk-ant-wrong-key-123456');
    const err = await failure(anthropicAdapter.execute(req(), bad));
    expect(err.info).toMatchObject({ status: 401, fatal: 'key', retryable: true, upstreamStatus: 401 });
    expect(JSON.stringify(err.info)).not.toContain('sk-ant-wrong-key-123456');
  });

  it('429 → retryable rate limit', async () => {
    mock.setMode('rate_limit');
    const err = await failure(anthropicAdapter.execute(req(), ctx));
    expect(err.info).toMatchObject({ status: 429, type: 'rate_limit_error', retryable: true, fatal: null });
  });

  it('529 overloaded → 503 retryable', async () => {
    mock.setMode('overloaded');
    const err = await failure(anthropicAdapter.execute(req(), ctx));
    expect(err.info).toMatchObject({ status: 503, retryable: true, fatal: null, upstreamStatus: 529 });
  });

  it('500 → retryable', async () => {
    mock.setMode('server_error');
    const err = await failure(anthropicAdapter.execute(req(), ctx));
    expect(err.info).toMatchObject({ status: 502, retryable: true, fatal: null });
  });

  it('credit balance too low → key disabled and failover; the client never reads it', async () => {
    mock.setMode('credit_exhausted');
    const err = await failure(anthropicAdapter.execute(req(), ctx));
    expect(err.info).toMatchObject({ fatal: 'key', retryable: true, status: 503 });
    expect(err.info.message).not.toMatch(/credit|balance/i);
    expect(err.info.detail).toMatch(/credit balance is too low/);
  });

  it('400 invalid_request → 400, not retryable, upstream message kept', async () => {
    const err = await failure(
      anthropicAdapter.execute(
        chat({ messages: [{ role: 'user', content: 'Hi' }], thinking: 'yes', top_k: 1 }),
        ctx,
      ),
    );
    expect(err.info).toMatchObject({
      status: 400,
      type: 'invalid_request_error',
      retryable: false,
      fatal: null,
    });
    expect(mock.requests).toHaveLength(1);
  });

  it('bad image URL is refused before any call', async () => {
    const err = await failure(
      anthropicAdapter.execute(
        chat({
          messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'ftp://x/y.png' } }] }],
        }),
        ctx,
      ),
    );
    expect(err.info.status).toBe(400);
    expect(mock.requests).toHaveLength(0);
  });

  it('connection refused → retryable 502', async () => {
    const dead = testAdapterContext({ type: 'anthropic', baseUrl: 'http://127.0.0.1:1' }, mock.apiKey);
    const err = await failure(anthropicAdapter.execute(req(), dead));
    expect(err.info).toMatchObject({ status: 502, retryable: true, upstreamStatus: 0 });
  });
});
