import type { ChatCompletion, ChatCompletionChunk, EmbeddingResponse } from '@switchboard/shared/openai';
import { type GeminiMock, startGeminiMock } from '@switchboard/test/mock-upstreams/gemini/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AdapterContext, AdapterRequest, AdapterResult } from '../contract.js';
import { UpstreamError } from '../contract.js';
import { testAdapterContext } from '../test-context.js';
import { geminiAdapter } from './gemini-adapter.js';

const MODEL = 'gemini-2.5-flash';
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(16, 1)]);
let mock: GeminiMock;
let ctx: AdapterContext;
const fetched: string[] = [];

beforeAll(async () => {
  mock = await startGeminiMock();
  ctx = testAdapterContext({ type: 'gemini', baseUrl: mock.url }, mock.apiKey, {
    fetchImage: async (url) => {
      fetched.push(url);
      return { mimeType: 'image/png', data: PNG };
    },
  });
});
afterAll(() => mock.close());
beforeEach(() => {
  mock.setMode('ok');
  mock.requests.length = 0;
  fetched.length = 0;
});

function chat(body: Record<string, unknown>, opts: Partial<AdapterRequest> = {}): AdapterRequest {
  return {
    endpoint: 'chat.completions',
    body: { model: MODEL, ...body },
    model: MODEL,
    stream: body.stream === true,
    clientWantsStreamUsage: false,
    ...opts,
  };
}

function json(result: AdapterResult): ChatCompletion {
  if (result.kind !== 'json') throw new Error(`expected json, got ${result.kind}`);
  return result.body as ChatCompletion;
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
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
      additionalProperties: false,
    },
  },
};

describe('gemini adapter, non-stream', () => {
  // Gemini 2.5+ answer 400 "Penalty is not enabled for models/…"; the 2.0 models take penalties.
  it('drops OpenAI penalties for Gemini 2.5+, keeps them for 2.0', async () => {
    const penalties = { presence_penalty: 0.5, frequency_penalty: 0.3 };
    const messages = [{ role: 'user', content: 'Hi' }];
    json(await geminiAdapter.execute(chat({ messages, ...penalties }), ctx));
    expect(mock.requests[0]!.body).not.toHaveProperty('generationConfig');
    await geminiAdapter.execute({ ...chat({ messages, ...penalties }), model: 'gemini-2.0-flash' }, ctx);
    expect(mock.requests[1]!.body).toMatchObject({
      generationConfig: { presencePenalty: 0.5, frequencyPenalty: 0.3 },
    });
  });

  it('sends systemInstruction, user/model roles and generationConfig; key only in the header', async () => {
    const completion = json(
      await geminiAdapter.execute(
        chat({
          messages: [
            { role: 'system', content: 'Be brief.' },
            { role: 'user', content: 'Hi' },
            { role: 'assistant', content: 'Hello.' },
            { role: 'user', content: 'How are you?' },
          ],
          max_completion_tokens: 100,
          temperature: 0.2,
          top_p: 0.8,
          stop: ['END'],
          seed: 7,
          response_format: { type: 'json_object' },
          logit_bias: { 1: 2 },
          safetySettings: [{ category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_NONE' }],
        }),
        ctx,
      ),
    );
    const sent = mock.requests[0]!;
    expect(sent.path).toBe(`/v1beta/models/${MODEL}:generateContent`);
    expect(sent.headers['x-goog-api-key']).toBe(mock.apiKey);
    expect(sent.body).toEqual({
      contents: [
        { role: 'user', parts: [{ text: 'Hi' }] },
        { role: 'model', parts: [{ text: 'Hello.' }] },
        { role: 'user', parts: [{ text: 'How are you?' }] },
      ],
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
      generationConfig: {
        maxOutputTokens: 100,
        temperature: 0.2,
        topP: 0.8,
        stopSequences: ['END'],
        seed: 7,
        responseMimeType: 'application/json',
      },
      safetySettings: [{ category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_NONE' }],
    });
    expect(completion.choices[0]!.message.content).toBe('Hello! You said: How are you?');
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    expect(completion.model).toBe(MODEL);
  });

  it('counts thoughts as reasoning (inside completion_tokens) and cached content as cached', async () => {
    mock.setMode('ok', { thoughtsTokens: 30, cachedTokens: 5 });
    const result = await geminiAdapter.execute(chat({ messages: [{ role: 'user', content: 'Hi' }] }), ctx);
    const completion = json(result);
    const prompt = Math.ceil(
      JSON.stringify(['', (mock.requests[0]!.body as { contents: unknown }).contents]).length / 4,
    );
    expect(result.kind === 'json' && result.usage).toEqual({
      prompt_tokens: prompt,
      completion_tokens: 4 + 30,
      total_tokens: prompt + 34,
      prompt_tokens_details: { cached_tokens: 5 },
      completion_tokens_details: { reasoning_tokens: 30 },
    });
    expect(completion.choices[0]!.message.reasoning_content).toBe('Thinking about it. ');
    expect(completion.choices[0]!.message.content).toBe('Hello! You said: Hi');
  });

  it('maps MAX_TOKENS to length and SAFETY to content_filter, and a blocked prompt too', async () => {
    const long = json(
      await geminiAdapter.execute(
        chat({ messages: [{ role: 'user', content: 'a b c d' }], max_tokens: 2 }),
        ctx,
      ),
    );
    expect(long.choices[0]!.finish_reason).toBe('length');
    mock.setMode('safety');
    const unsafe = json(
      await geminiAdapter.execute(chat({ messages: [{ role: 'user', content: 'x' }] }), ctx),
    );
    expect(unsafe.choices[0]!.finish_reason).toBe('content_filter');
    mock.setMode('blocked_prompt');
    const blocked = json(
      await geminiAdapter.execute(chat({ messages: [{ role: 'user', content: 'x' }] }), ctx),
    );
    expect(blocked.choices).toEqual([
      {
        index: 0,
        message: { role: 'assistant', content: '', refusal: null },
        finish_reason: 'content_filter',
      },
    ]);
  });

  it('inlines images: data URLs decoded, http URLs through ctx.fetchImage', async () => {
    const gif = Buffer.from('GIF89a').toString('base64');
    const completion = json(
      await geminiAdapter.execute(
        chat({
          messages: [
            {
              role: 'user',
              content: [
                { type: 'text', text: 'Compare' },
                { type: 'image_url', image_url: { url: `data:image/gif;base64,${gif}` } },
                { type: 'image_url', image_url: { url: 'https://images.example.com/cat.png' } },
              ],
            },
          ],
        }),
        ctx,
      ),
    );
    expect(fetched).toEqual(['https://images.example.com/cat.png']);
    expect((mock.requests[0]!.body as { contents: unknown[] }).contents[0]).toEqual({
      role: 'user',
      parts: [
        { text: 'Compare' },
        { inlineData: { mimeType: 'image/gif', data: gif } },
        { inlineData: { mimeType: 'image/png', data: PNG.toString('base64') } },
      ],
    });
    expect(completion.choices[0]!.message.content).toContain('[image/gif, image/png]');
  });

  it('File API and YouTube URLs become fileData references, not fetches', async () => {
    const file = 'https://generativelanguage.googleapis.com/v1beta/files/abc-123';
    const video = 'https://www.youtube.com/watch?v=9hE5-98ZeCg';
    await geminiAdapter.execute(
      chat({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'image_url', image_url: { url: file } },
              { type: 'image_url', image_url: { url: video } },
            ],
          },
        ],
      }),
      ctx,
    );
    expect(fetched).toEqual([]);
    expect((mock.requests[0]!.body as { contents: Array<{ parts: unknown[] }> }).contents[0]!.parts).toEqual([
      { fileData: { fileUri: file } },
      { fileData: { fileUri: video } },
    ]);
  });

  it('an image the fetcher refuses fails the request with its 400, before any upstream call', async () => {
    const refusing = testAdapterContext({ type: 'gemini', baseUrl: mock.url }, mock.apiKey, {
      fetchImage: async () => {
        throw new UpstreamError({
          status: 400,
          type: 'invalid_request_error',
          code: 'invalid_image_url',
          message: 'Image URL refused: 127.0.0.1 is not a public address.',
          retryable: false,
          fatal: null,
          upstreamStatus: 0,
          detail: 'image fetch',
        });
      },
    });
    const err = await failure(
      geminiAdapter.execute(
        chat({
          messages: [
            { role: 'user', content: [{ type: 'image_url', image_url: { url: 'http://127.0.0.1/x' } }] },
          ],
        }),
        refusing,
      ),
    );
    expect(err.info).toMatchObject({ status: 400, code: 'invalid_image_url', retryable: false });
    expect(mock.requests).toHaveLength(0);
  });

  it('tools both ways: functionCall → tool_calls (signature kept in the id) → functionResponse', async () => {
    const first = json(
      await geminiAdapter.execute(
        chat({
          messages: [{ role: 'user', content: 'Weather in Paris?' }],
          tools: [weatherTool],
          tool_choice: { type: 'function', function: { name: 'get_weather' } },
        }),
        ctx,
      ),
    );
    const sent = mock.requests[0]!.body as Record<string, unknown>;
    expect(sent.tools).toEqual([
      {
        functionDeclarations: [
          {
            name: 'get_weather',
            description: 'Weather for a city',
            parametersJsonSchema: weatherTool.function.parameters,
          },
        ],
      },
    ]);
    expect(sent.toolConfig).toEqual({
      functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['get_weather'] },
    });
    const choice = first.choices[0]!;
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBeNull();
    const call = choice.message.tool_calls![0]!;
    expect(call.function).toEqual({ name: 'get_weather', arguments: '{"city":"Paris"}' });

    const second = json(
      await geminiAdapter.execute(
        chat({
          messages: [
            { role: 'user', content: 'Weather in Paris?' },
            { role: 'assistant', content: null, tool_calls: [call] },
            { role: 'tool', tool_call_id: call.id, content: '{"temp":21}' },
          ],
          tools: [weatherTool],
        }),
        ctx,
      ),
    );
    expect((mock.requests[1]!.body as { contents: unknown[] }).contents.slice(1)).toEqual([
      {
        role: 'model',
        parts: [
          {
            functionCall: { name: 'get_weather', args: { city: 'Paris' } },
            thoughtSignature: 'c2lnLTEyMw==',
          },
        ],
      },
      { role: 'user', parts: [{ functionResponse: { name: 'get_weather', response: { temp: 21 } } }] },
    ]);
    expect(second.choices[0]!.message.content).toBe('Hello! Tool said: {"temp":21}');
  });

  it('wraps a non-object tool result, as functionResponse.response must be an object', async () => {
    await geminiAdapter.execute(
      chat({
        messages: [
          { role: 'user', content: 'Weather?' },
          {
            role: 'assistant',
            content: null,
            tool_calls: [
              { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{}' } },
            ],
          },
          { role: 'tool', tool_call_id: 'call_1', content: 'Sunny' },
        ],
      }),
      ctx,
    );
    const contents = (mock.requests[0]!.body as { contents: Array<{ parts: unknown[] }> }).contents;
    expect(contents[2]!.parts).toEqual([
      { functionResponse: { name: 'get_weather', response: { result: 'Sunny' } } },
    ]);
  });

  it('a replayed call without signature gets the documented skip value on Gemini 3 only', async () => {
    const messages = [
      { role: 'user', content: 'Weather?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_from_elsewhere', type: 'function', function: { name: 'get_weather', arguments: '{}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_from_elsewhere', content: '{"ok":true}' },
    ];
    await geminiAdapter.execute({ ...chat({ messages }), model: 'gemini-3-pro-preview' }, ctx);
    await geminiAdapter.execute(chat({ messages }), ctx);
    const part = (i: number) =>
      (mock.requests[i]!.body as { contents: Array<{ parts: Array<Record<string, unknown>> }> }).contents[1]!
        .parts[0]!;
    expect(part(0).thoughtSignature).toBe('skip_thought_signature_validator');
    expect(part(1).thoughtSignature).toBeUndefined();
  });

  it('system and assistant history keep text only; no image is fetched for them', async () => {
    await geminiAdapter.execute(
      chat({
        messages: [
          {
            role: 'system',
            content: [
              { type: 'text', text: 'Rules.' },
              { type: 'image_url', image_url: { url: 'https://images.example.com/a.png' } },
            ],
          },
          { role: 'user', content: 'Q1' },
          { role: 'assistant', content: [{ type: 'refusal', refusal: 'I cannot.' }] },
          { role: 'user', content: 'Q2' },
        ],
      }),
      ctx,
    );
    const sent = mock.requests[0]!.body as { systemInstruction: unknown; contents: unknown[] };
    expect(sent.systemInstruction).toEqual({ parts: [{ text: 'Rules.' }] });
    expect(sent.contents[1]).toEqual({ role: 'model', parts: [{ text: 'I cannot.' }] });
    expect(fetched).toEqual([]);
  });

  it("Gemini's own tools pass through beside the function declarations", async () => {
    await geminiAdapter.execute(
      chat({
        messages: [{ role: 'user', content: 'News?' }],
        tools: [weatherTool, { googleSearch: {} }],
        tool_choice: 'none',
      }),
      ctx,
    );
    const sent = mock.requests[0]!.body as { tools: unknown[] };
    expect(sent.tools).toEqual([
      {
        functionDeclarations: [
          {
            name: 'get_weather',
            description: 'Weather for a city',
            parametersJsonSchema: weatherTool.function.parameters,
          },
        ],
      },
      { googleSearch: {} },
    ]);
  });

  it('lists models across pages (a base URL ending in /v1beta works too)', async () => {
    const withVersion = testAdapterContext({ type: 'gemini', baseUrl: `${mock.url}/v1beta` }, mock.apiKey);
    expect(await geminiAdapter.listModels!(withVersion)).toHaveLength(3);
    expect(await geminiAdapter.listModels!(ctx)).toEqual([
      'gemini-2.5-flash',
      'gemini-2.5-pro',
      'text-embedding-004',
    ]);
  });
});

describe('gemini adapter, stream', () => {
  it('converts each SSE event as it comes: role, content, finish, usage', async () => {
    mock.setMode('ok', { thoughtsTokens: 3 });
    const result = await geminiAdapter.execute(
      chat({ messages: [{ role: 'user', content: 'Hi' }], stream: true }, { clientWantsStreamUsage: true }),
      ctx,
    );
    expect(mock.requests[0]!.path).toBe(`/v1beta/models/${MODEL}:streamGenerateContent?alt=sse`);
    const chunks = await collect(result);
    expect(chunks[0]!.choices[0]!.delta).toEqual({ role: 'assistant', content: '' });
    expect(chunks.map((c) => c.choices[0]?.delta.reasoning_content ?? '').join('')).toBe(
      'Thinking about it. ',
    );
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('Hello! You said: Hi');
    expect(chunks.filter((c) => c.choices[0]?.delta.content).length).toBe(4);
    expect(chunks.filter((c) => c.choices[0]?.finish_reason).map((c) => c.choices[0]!.finish_reason)).toEqual(
      ['stop'],
    );
    const last = chunks[chunks.length - 1]!;
    expect(last.choices).toEqual([]);
    expect(last.usage).toMatchObject({
      completion_tokens: 7,
      completion_tokens_details: { reasoning_tokens: 3 },
    });
    if (result.kind === 'stream') expect(result.usage()).toEqual(last.usage);
  });

  it('streams a function call as one tool-call delta with index, id, name and arguments', async () => {
    const chunks = await collect(
      await geminiAdapter.execute(
        chat({ messages: [{ role: 'user', content: 'Weather?' }], tools: [weatherTool], stream: true }),
        ctx,
      ),
    );
    const calls = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      index: 0,
      type: 'function',
      function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
    });
    expect(calls[0]!.id).toMatch(/^call_/);
    expect(chunks.find((c) => c.choices[0]?.finish_reason)!.choices[0]!.finish_reason).toBe('tool_calls');
    expect(chunks.some((c) => c.usage)).toBe(false);
  });

  it('yields the first chunk before a mid-stream pause ends', async () => {
    mock.setMode('pause', { pauseMs: 800 });
    const started = Date.now();
    const result = await geminiAdapter.execute(
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

  it('an error event mid-stream becomes a retryable UpstreamError', async () => {
    mock.setMode('stream_error');
    const result = await geminiAdapter.execute(
      chat({ messages: [{ role: 'user', content: 'Hi' }], stream: true }),
      ctx,
    );
    if (result.kind !== 'stream') throw new Error('stream expected');
    let seen = 0;
    const err = await failure(
      (async () => {
        for await (const _ of result.parts) seen++;
      })(),
    );
    expect(seen).toBe(2);
    expect(err.info).toMatchObject({ status: 503, retryable: true });
  });
});

describe('gemini adapter, embeddings', () => {
  const embed = (body: Record<string, unknown>) =>
    geminiAdapter.execute(
      {
        endpoint: 'embeddings',
        body: { model: 'text-embedding-004', ...body },
        model: 'text-embedding-004',
        stream: false,
        clientWantsStreamUsage: false,
      },
      ctx,
    );

  it('one string → embedContent, floats', async () => {
    const result = await embed({ input: 'hello', dimensions: 4 });
    expect(mock.requests[0]!.path).toBe('/v1beta/models/text-embedding-004:embedContent');
    expect(mock.requests[0]!.body).toEqual({
      content: { parts: [{ text: 'hello' }] },
      outputDimensionality: 4,
    });
    if (result.kind !== 'json') throw new Error('json expected');
    const body = result.body as EmbeddingResponse;
    expect(body.data).toHaveLength(1);
    expect((body.data[0]!.embedding as number[]).length).toBe(4);
  });

  it('a list → batchEmbedContents, base64 when asked, same numbers as floats', async () => {
    const floats = (await embed({ input: ['a', 'b'] })) as { body: EmbeddingResponse };
    const b64 = (await embed({ input: ['a', 'b'], encoding_format: 'base64' })) as {
      body: EmbeddingResponse;
    };
    expect(mock.requests[0]!.path).toBe('/v1beta/models/text-embedding-004:batchEmbedContents');
    expect(mock.requests[0]!.body).toEqual({
      requests: [
        { model: 'models/text-embedding-004', content: { parts: [{ text: 'a' }] } },
        { model: 'models/text-embedding-004', content: { parts: [{ text: 'b' }] } },
      ],
    });
    const decoded = Buffer.from(b64.body.data[1]!.embedding as string, 'base64');
    const values = Array.from({ length: decoded.length / 4 }, (_, i) => decoded.readFloatLE(i * 4));
    expect(values).toEqual((floats.body.data[1]!.embedding as number[]).map((v) => Math.fround(v)));
  });

  it('token-id input is refused with a 400', async () => {
    const err = await failure(embed({ input: [[1, 2, 3]] }));
    expect(err.info.status).toBe(400);
    expect(mock.requests).toHaveLength(0);
  });
});

describe('gemini adapter, errors', () => {
  const req = () => chat({ messages: [{ role: 'user', content: 'Hi' }] });

  it("an invalid key (Google's 400 API_KEY_INVALID) → 401, key fatal, key not echoed", async () => {
    const bad = testAdapterContext({ type: 'gemini', baseUrl: mock.url }, 'AIzaWrongKey0000000000');
    const err = await failure(geminiAdapter.execute(req(), bad));
    expect(err.info).toMatchObject({ status: 401, fatal: 'key', retryable: true, upstreamStatus: 400 });
    expect(JSON.stringify(err.info)).not.toContain('AIzaWrongKey0000000000');
  });

  it('per-minute 429 → retryable rate limit, key kept', async () => {
    mock.setMode('rate_limit');
    const err = await failure(geminiAdapter.execute(req(), ctx));
    expect(err.info).toMatchObject({ status: 429, retryable: true, fatal: null });
  });

  it('daily quota exhausted and prepaid credits depleted → key disabled, failover, hidden from client', async () => {
    for (const mode of ['daily_quota', 'billing'] as const) {
      mock.setMode(mode);
      const err = await failure(geminiAdapter.execute(req(), ctx));
      expect(err.info).toMatchObject({ status: 503, retryable: true, fatal: 'key', upstreamStatus: 429 });
      expect(err.info.message).not.toMatch(/quota|billing|credit/i);
    }
  });

  it('503 overloaded and 500 → retryable', async () => {
    mock.setMode('overloaded');
    expect((await failure(geminiAdapter.execute(req(), ctx))).info).toMatchObject({
      status: 503,
      retryable: true,
    });
    mock.setMode('server_error');
    const err = await failure(geminiAdapter.execute(req(), ctx));
    expect(err.info).toMatchObject({ status: 502, retryable: true });
    expect(err.info.message).not.toContain('https://');
  });

  it('400 INVALID_ARGUMENT → 400 not retryable, message passed on', async () => {
    const err = await failure(
      geminiAdapter.execute(
        chat({ messages: [{ role: 'user', content: 'Hi' }], generationConfig: { bogus: 1 } }),
        ctx,
      ),
    );
    expect(err.info).toMatchObject({ status: 400, retryable: false, fatal: null });
    expect(err.info.message).toMatch(/Unknown name "bogus"/);
  });
});
