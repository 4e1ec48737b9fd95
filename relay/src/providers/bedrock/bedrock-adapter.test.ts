import { CN_REPLY, CN_REPLY_CHUNKS } from '@switchboard/test/mock-upstreams/cn-kit';
import {
  BEDROCK_SESSION_KEY,
  BEDROCK_TEST_KEY,
  type BedrockMock,
  startMockBedrock,
} from '@switchboard/test/mock-upstreams/bedrock/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AdapterRequest, AdapterResult, StreamPart } from '../contract.js';
import { UpstreamError } from '../contract.js';
import { testAdapterContext } from '../test-context.js';
import { bedrockAdapter, bedrockEndpoint } from './bedrock-adapter.js';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
const KEY = `${BEDROCK_TEST_KEY.accessKeyId}|${BEDROCK_TEST_KEY.secretAccessKey}`;
const PNG_1PX =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

function chatReq(body: Record<string, unknown>, stream = false, wantsUsage = false): AdapterRequest {
  return {
    endpoint: 'chat.completions',
    body: { model: MODEL, ...body, ...(stream ? { stream: true } : {}) },
    model: MODEL,
    stream,
    clientWantsStreamUsage: wantsUsage,
  };
}

async function collect(result: AdapterResult): Promise<StreamPart[]> {
  if (result.kind !== 'stream') throw new Error('expected a stream');
  const out: StreamPart[] = [];
  for await (const p of result.parts) out.push(p);
  return out;
}

async function upstreamError(p: Promise<unknown>): Promise<UpstreamError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UpstreamError);
  return err as UpstreamError;
}

describe('bedrock adapter against the mock Bedrock Runtime', () => {
  let mock: BedrockMock;
  const ctx = (key = KEY, region = 'eu-west-3') =>
    testAdapterContext({ type: 'bedrock', baseUrl: mock.url, config: { region } }, key, {
      fetchImage: async () => ({ mimeType: 'image/png', data: Buffer.from(PNG_1PX, 'base64') }),
    });

  beforeAll(async () => {
    mock = await startMockBedrock({ region: 'eu-west-3' });
  });
  beforeEach(() => {
    mock.setMode(null);
    mock.setError(null);
    mock.setCache(null);
    mock.requests.length = 0;
  });
  afterAll(() => mock.close());

  it('non-stream: Converse body from an OpenAI request, signed, answer and usage mapped', async () => {
    const r = await bedrockAdapter.execute(
      chatReq({
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Hi' },
          {
            role: 'user',
            content: [
              { type: 'text', text: 'and this' },
              { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_1PX}` } },
              { type: 'image_url', image_url: { url: 'https://images.example/cat.png' } },
            ],
          },
          {
            role: 'assistant',
            content: null,
            tool_calls: [{ id: 'tu_1', type: 'function', function: { name: 'f', arguments: '{"a":1}' } }],
          },
          { role: 'tool', tool_call_id: 'tu_1', content: '{"ok":true}' },
          { role: 'tool', tool_call_id: 'tu_2', content: 'plain text' },
        ],
        max_tokens: 100,
        temperature: 1.5,
        top_p: 0.9,
        stop: 'END',
        presence_penalty: 1,
        additionalModelRequestFields: { top_k: 5 },
      }),
      ctx(),
    );
    expect(r.kind).toBe('json');
    if (r.kind !== 'json') return;
    const sent = mock.requests[0]!;
    // The model id's ":" is encoded once in the path (the signature covers it encoded twice).
    expect(sent.path).toBe('/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse');
    expect(String(sent.headers.authorization)).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAMOCKBEDROCK00001\/\d{8}\/eu-west-3\/bedrock\/aws4_request, SignedHeaders=accept;content-type;host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
    expect(sent.body).toEqual({
      messages: [
        {
          role: 'user',
          content: [
            { text: 'Hi' },
            { text: 'and this' },
            { image: { format: 'png', source: { bytes: PNG_1PX } } },
            { image: { format: 'png', source: { bytes: PNG_1PX } } },
          ],
        },
        { role: 'assistant', content: [{ toolUse: { toolUseId: 'tu_1', name: 'f', input: { a: 1 } } }] },
        {
          role: 'user',
          content: [
            { toolResult: { toolUseId: 'tu_1', content: [{ json: { ok: true } }] } },
            { toolResult: { toolUseId: 'tu_2', content: [{ text: 'plain text' }] } },
          ],
        },
      ],
      system: [{ text: 'Be brief.' }],
      inferenceConfig: { maxTokens: 100, temperature: 1, topP: 0.9, stopSequences: ['END'] },
      additionalModelRequestFields: { top_k: 5 },
    });
    const body = r.body as {
      id: string;
      choices: Array<{ message: { content: string }; finish_reason: string }>;
    };
    expect(body.id).toBe('chatcmpl-a0b1c2d3-0000-4000-8000-mockrequest02');
    expect(body.choices[0]!.message.content).toBe(CN_REPLY);
    expect(body.choices[0]!.finish_reason).toBe('stop');
    // The mock counts top-level text blocks: 'Be brief.', 'Hi', 'and this'.
    expect(r.usage).toEqual({ prompt_tokens: 9 + 2 + 8, completion_tokens: 3, total_tokens: 22 });
  });

  it('tools: toolSpec/toolChoice sent, toolUse returned as tool_calls', async () => {
    const r = await bedrockAdapter.execute(
      chatReq({
        messages: [{ role: 'user', content: 'Weather?' }],
        tools: [
          {
            type: 'function',
            function: { name: 'get_weather', description: 'd', parameters: { type: 'object' } },
          },
        ],
        tool_choice: 'required',
      }),
      ctx(),
    );
    expect(mock.requests[0]!.body!.toolConfig).toEqual({
      tools: [
        { toolSpec: { name: 'get_weather', description: 'd', inputSchema: { json: { type: 'object' } } } },
      ],
      toolChoice: { any: {} },
    });
    if (r.kind !== 'json') throw new Error('json expected');
    const choice = (
      r.body as { choices: Array<{ finish_reason: string; message: { tool_calls?: unknown } }> }
    ).choices[0]!;
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.tool_calls).toEqual([
      {
        id: 'tooluse_mock01',
        type: 'function',
        function: { name: 'get_weather', arguments: '{"city":"北京"}' },
      },
    ]);
  });

  it('temporary credentials: the session token is sent and signed', async () => {
    const k = `${BEDROCK_SESSION_KEY.accessKeyId}|${BEDROCK_SESSION_KEY.secretAccessKey}|${BEDROCK_SESSION_KEY.sessionToken}`;
    const r = await bedrockAdapter.execute(chatReq({ messages: [{ role: 'user', content: 'Hi' }] }), ctx(k));
    expect(r.kind).toBe('json');
    expect(mock.requests[0]!.headers['x-amz-security-token']).toBe(BEDROCK_SESSION_KEY.sessionToken);
    expect(String(mock.requests[0]!.headers.authorization)).toContain('x-amz-security-token');
  });

  it('stream: event-stream frames decoded incrementally into chunks, cache usage, [DONE] last', async () => {
    mock.setCache({ read: 100, write: 20 });
    mock.setMode({ pauseAfterChunks: 1, pauseMs: 400 });
    const t0 = performance.now();
    const r = await bedrockAdapter.execute(
      chatReq({ messages: [{ role: 'user', content: 'Hi' }] }, true, true),
      ctx(),
    );
    if (r.kind !== 'stream') throw new Error('stream expected');
    const arrivals: Array<{ data: string; at: number }> = [];
    for await (const p of r.parts) arrivals.push({ data: p.data, at: performance.now() - t0 });
    expect(mock.requests[0]!.path).toMatch(/\/converse-stream$/);
    expect(arrivals.at(-1)!.data).toBe('[DONE]');
    const chunks = arrivals.slice(0, -1).map((a) => JSON.parse(a.data));
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe(CN_REPLY);
    expect(chunks.filter((c) => c.choices[0]?.delta.content).length).toBe(CN_REPLY_CHUNKS.length);
    // The first word was out before the upstream's 400 ms pause ended.
    const firstWord = arrivals.find((a) => a.data.includes(CN_REPLY_CHUNKS[0]!))!;
    expect(arrivals.at(-1)!.at - firstWord.at).toBeGreaterThanOrEqual(350);
    expect(chunks.find((c) => c.choices[0]?.finish_reason)?.choices[0].finish_reason).toBe('stop');
    const usage = chunks.at(-1).usage;
    expect(usage).toEqual({
      prompt_tokens: 2 + 100 + 20,
      completion_tokens: 3,
      total_tokens: 125,
      prompt_tokens_details: { cached_tokens: 100, cache_write_tokens: 20 },
    });
    expect(r.usage()).toEqual(usage);
    expect(r.completionText()).toBe(CN_REPLY);
  });

  it('stream tools: toolUse start and input deltas become tool_calls chunks', async () => {
    const r = await bedrockAdapter.execute(
      chatReq(
        {
          messages: [{ role: 'user', content: 'Weather?' }],
          tools: [{ type: 'function', function: { name: 'get_weather' } }],
        },
        true,
      ),
      ctx(),
    );
    const chunks = (await collect(r)).slice(0, -1).map((p) => JSON.parse(p.data));
    const calls = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
    expect(calls[0]).toMatchObject({ index: 0, id: 'tooluse_mock01', function: { name: 'get_weather' } });
    expect(calls.map((c: { function: { arguments: string } }) => c.function.arguments).join('')).toBe(
      '{"city":"北京"}',
    );
    expect(chunks.at(-1).choices[0].finish_reason).toBe('tool_calls');
  });

  it('errors: status, retry and key decisions per Bedrock exception', async () => {
    const call = (key = KEY, region = 'eu-west-3') =>
      upstreamError(
        bedrockAdapter.execute(chatReq({ messages: [{ role: 'user', content: 'Hi' }] }), ctx(key, region)),
      );

    mock.setMode({ error: 'rate_limit' });
    expect((await call()).info).toMatchObject({
      status: 429,
      retryable: true,
      fatal: null,
      upstreamStatus: 429,
    });
    mock.setMode({ error: 'auth' });
    expect((await call()).info).toMatchObject({ status: 401, retryable: true, fatal: 'key' });
    mock.setMode({ error: 'no_balance' });
    const billing = await call();
    expect(billing.info).toMatchObject({ status: 503, retryable: true, fatal: 'key' });
    expect(billing.message).not.toMatch(/payment/i);
    mock.setMode({ error: 'server_error' });
    expect((await call()).info).toMatchObject({ status: 502, retryable: true, fatal: null });
    mock.setMode(null);

    mock.setError('AccessDeniedException');
    expect((await call()).info).toMatchObject({ status: 401, fatal: 'key' });
    mock.setError('ModelNotReadyException');
    expect((await call()).info).toMatchObject({ status: 429, retryable: true, code: 'model_not_ready' });
    mock.setError('ServiceUnavailableException');
    expect((await call()).info).toMatchObject({ status: 503, retryable: true, fatal: null });
    mock.setError(null);

    // The mock verifies with its own SigV4 code: a wrong secret or region is refused.
    const wrongSecret = await call(`${BEDROCK_TEST_KEY.accessKeyId}|not-the-secret-key`);
    expect(wrongSecret.info).toMatchObject({ status: 401, fatal: 'key', upstreamStatus: 403 });
    expect(wrongSecret.info.detail).not.toContain('not-the-secret-key');
    expect((await call(KEY, 'us-west-2')).info).toMatchObject({ upstreamStatus: 403 });
    expect((await call('just-one-part')).info).toMatchObject({
      status: 401,
      fatal: 'key',
      upstreamStatus: 0,
    });

    const invalid = await upstreamError(bedrockAdapter.execute(chatReq({ messages: [] }), ctx()));
    expect(invalid.info).toMatchObject({ status: 400, retryable: false, fatal: null });
    expect(invalid.message).toMatch(/must start with a user message/);
  });

  it('stream errors: an exception frame after content, a connection dropped mid-stream', async () => {
    mock.setMode({ errorAfterChunks: 1 });
    const r = await bedrockAdapter.execute(
      chatReq({ messages: [{ role: 'user', content: 'Hi' }] }, true),
      ctx(),
    );
    if (r.kind !== 'stream') throw new Error('stream expected');
    const seen: string[] = [];
    const err = await (async () => {
      for await (const p of r.parts) seen.push(p.data);
    })().catch((e: unknown) => e);
    expect(seen.join('')).toContain(CN_REPLY_CHUNKS[0]);
    expect(err).toBeInstanceOf(UpstreamError);
    expect((err as UpstreamError).info).toMatchObject({ status: 429, retryable: true });

    mock.setMode({ dropAfterChunks: 2 });
    const d = await bedrockAdapter.execute(
      chatReq({ messages: [{ role: 'user', content: 'Hi' }] }, true),
      ctx(),
    );
    const dropped = await collect(d).catch((e: unknown) => e);
    expect(dropped).toBeInstanceOf(UpstreamError);
    expect((dropped as UpstreamError).info.retryable).toBe(true);
  });

  it('other endpoints are refused as unsupported', async () => {
    const err = await upstreamError(
      bedrockAdapter.execute({ ...chatReq({ input: 'x' }), endpoint: 'embeddings' }, ctx()),
    );
    expect(err.info).toMatchObject({ status: 400, code: 'unsupported_endpoint' });
  });
});

describe('bedrockEndpoint', () => {
  it('the region field decides the AWS host; other hosts are kept; empty URL built from the region', () => {
    expect(
      bedrockEndpoint({
        baseUrl: 'https://bedrock-runtime.us-east-1.amazonaws.com',
        config: { region: 'eu-west-1' },
      }),
    ).toEqual({ region: 'eu-west-1', baseUrl: 'https://bedrock-runtime.eu-west-1.amazonaws.com' });
    expect(
      bedrockEndpoint({ baseUrl: 'https://bedrock-runtime-fips.us-west-2.amazonaws.com/', config: {} }),
    ).toEqual({ region: 'us-west-2', baseUrl: 'https://bedrock-runtime-fips.us-west-2.amazonaws.com/' });
    expect(bedrockEndpoint({ baseUrl: '', config: { region: 'ap-northeast-1' } })).toEqual({
      region: 'ap-northeast-1',
      baseUrl: 'https://bedrock-runtime.ap-northeast-1.amazonaws.com',
    });
    expect(bedrockEndpoint({ baseUrl: 'http://127.0.0.1:9000', config: {} })).toEqual({
      region: 'us-east-1',
      baseUrl: 'http://127.0.0.1:9000',
    });
  });
});
