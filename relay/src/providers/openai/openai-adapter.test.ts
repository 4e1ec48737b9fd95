import { readFileSync } from 'node:fs';
import { startMockOpenAI, type MockOpenAI } from '@switchboard/test/mock-upstreams/openai/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdapterRequest, UpstreamError } from '../contract.js';
import { testAdapterContext } from '../test-context.js';
import { createOpenAICompatibleAdapter } from './openai-adapter.js';
import { mapOpenAIError, sanitizeUpstreamMessage } from './openai-error.js';
import { openaiStream } from './openai-stream.js';
import { extractUsage } from './openai-usage.js';

const fixture = readFileSync(new URL('./__fixtures__/chat-stream-with-usage.sse', import.meta.url));

async function* chunks(buf: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

describe('OpenAI stream handling', () => {
  it('forwards every event verbatim, strips the usage-only chunk the client did not ask for, keeps usage', async () => {
    const s = await openaiStream(chunks(fixture, 7), {
      flavor: 'chat',
      stripUsageChunk: true,
      mapError: (e) => e,
    });
    const parts: string[] = [];
    for await (const p of s.parts) parts.push(p.data);
    expect(parts).toHaveLength(5);
    expect(parts.at(-1)).toBe('[DONE]');
    expect(parts.some((p) => p.includes('"prompt_tokens"'))).toBe(false);
    expect(s.usage()).toMatchObject({
      prompt_tokens: 9,
      completion_tokens: 3,
      prompt_tokens_details: { cached_tokens: 4 },
    });
    expect(s.completionText()).toBe('Hello 你好');
  });

  it('keeps the usage chunk when the client asked for it', async () => {
    const s = await openaiStream(chunks(fixture, 1000), {
      flavor: 'chat',
      stripUsageChunk: false,
      mapError: (e) => e,
    });
    const parts: string[] = [];
    for await (const p of s.parts) parts.push(p.data);
    expect(parts).toHaveLength(6);
  });
});

describe('OpenAI error mapping', () => {
  it('an upstream insufficient_quota is fatal for the key and never reported as the client’s', () => {
    const e = mapOpenAIError(
      429,
      JSON.stringify({
        error: {
          message: 'You exceeded your current quota',
          type: 'insufficient_quota',
          code: 'insufficient_quota',
        },
      }),
    );
    expect(e.info).toMatchObject({ fatal: 'key', retryable: true, status: 503 });
    expect(e.info.code).not.toBe('insufficient_quota');
    expect(e.info.type).not.toBe('insufficient_quota');
  });

  it('rate limits and 5xx are retryable; bad requests are not and keep a safe message', () => {
    expect(
      mapOpenAIError(429, '{"error":{"code":"rate_limit_exceeded","message":"slow"}}').info,
    ).toMatchObject({ retryable: true, fatal: null, status: 429 });
    expect(mapOpenAIError(502, 'Bad gateway').info).toMatchObject({ retryable: true, status: 502 });
    const bad = mapOpenAIError(
      400,
      JSON.stringify({
        error: {
          message: "Invalid value for 'temperature' at https://internal.corp/x with sk-abcdef123456",
          type: 'invalid_request_error',
          code: null,
          param: 'temperature',
        },
      }),
    );
    expect(bad.info).toMatchObject({ retryable: false, status: 400 });
    expect(bad.info.message).not.toContain('internal.corp');
    expect(bad.info.message).not.toContain('abcdef123456');
  });

  it('sanitizes keys, URLs and hosts', () => {
    expect(
      sanitizeUpstreamMessage(
        'key sk-proj-AAAABBBB at http://10.0.0.5:8080/v1 via 10.0.0.5:8080 and api.svc.cluster',
      ),
    ).toBe('key sk-*** at [url] via [host] and [host]');
  });

  it('extracts usage from the end of a JSON body without a full parse', () => {
    const body = Buffer.from(
      '{"id":"x","choices":[{"message":{"content":"{\\"usage\\": fake}"}}],"usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}',
    );
    expect(extractUsage(body)).toMatchObject({ prompt_tokens: 3, completion_tokens: 2 });
  });
});

describe('OpenAI-compatible adapter against the mock upstream', () => {
  let mock: MockOpenAI;
  beforeAll(async () => {
    mock = await startMockOpenAI({ keys: ['sk-good'] });
  });
  afterAll(() => mock.close());

  const req = (over: Partial<AdapterRequest> = {}): AdapterRequest => ({
    endpoint: 'chat.completions',
    body: { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] },
    model: 'gpt-4o',
    stream: false,
    clientWantsStreamUsage: false,
    ...over,
  });

  it('sends the client bytes untouched when the body did not change', async () => {
    const adapter = createOpenAICompatibleAdapter('deepseek');
    const bytes = Buffer.from(
      '{ "messages":[{"role":"user","content":"hi"}],  "model":"gpt-4o", "x_unknown": 1e400 }',
    );
    const out = await adapter.execute(
      req({ bodyBytes: bytes }),
      testAdapterContext({ type: 'deepseek', baseUrl: `${mock.url}/v1` }, 'sk-good'),
    );
    expect(out.kind).toBe('json');
    expect(mock.requests.at(-1)!.raw.equals(bytes)).toBe(true);
    expect(mock.requests.at(-1)!.headers.authorization).toBe('Bearer sk-good');
  });

  it('asks for stream usage only when the channel wants it', async () => {
    const adapter = createOpenAICompatibleAdapter('openai');
    const ctx = testAdapterContext(
      { type: 'openai', baseUrl: `${mock.url}/v1`, streamUsage: false },
      'sk-good',
    );
    const out = await adapter.execute(
      req({ stream: true, body: { model: 'gpt-4o', messages: [], stream: true } }),
      ctx,
    );
    if (out.kind !== 'stream') throw new Error('expected stream');
    for await (const _ of out.parts);
    expect(mock.requests.at(-1)!.body!.stream_options).toBeUndefined();
    expect(out.usage()).toBeNull();
  });

  it('maps a wrong key to a fatal UpstreamError and a dead port to a retryable one', async () => {
    const adapter = createOpenAICompatibleAdapter('openai');
    const err = await adapter
      .execute(req(), testAdapterContext({ type: 'openai', baseUrl: `${mock.url}/v1` }, 'sk-bad'))
      .catch((e) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect((err as UpstreamError).info).toMatchObject({ fatal: 'key', upstreamStatus: 401 });
    const dead = await adapter
      .execute(req(), testAdapterContext({ type: 'openai', baseUrl: 'http://127.0.0.1:1/v1' }, 'sk-good'))
      .catch((e) => e);
    expect((dead as UpstreamError).info).toMatchObject({ retryable: true, upstreamStatus: 0, status: 502 });
  });

  it('lists models', async () => {
    const adapter = createOpenAICompatibleAdapter('openai');
    expect(
      await adapter.listModels!(testAdapterContext({ type: 'openai', baseUrl: `${mock.url}/v1` }, 'sk-good')),
    ).toContain('gpt-4o');
  });
});

describe('Mistral through the OpenAI-compatible adapter', () => {
  let mock: MockOpenAI;
  beforeAll(async () => {
    mock = await startMockOpenAI({ keys: ['sk-good'], flavor: 'mistral' });
  });
  afterAll(() => mock.close());

  // Mistral answers 422 extra_forbidden for stream_options and max_completion_tokens.
  it('never sends stream_options, renames max_completion_tokens, and still gets stream usage', async () => {
    const adapter = createOpenAICompatibleAdapter('mistral');
    const ctx = testAdapterContext({ type: 'mistral', baseUrl: `${mock.url}/v1` }, 'sk-good');
    const body = {
      model: 'mistral-small-latest',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
      max_completion_tokens: 50,
    };
    const out = await adapter.execute(
      { endpoint: 'chat.completions', body, model: body.model, stream: true, clientWantsStreamUsage: true },
      ctx,
    );
    if (out.kind !== 'stream') throw new Error('expected stream');
    for await (const _ of out.parts);
    const sent = mock.requests.at(-1)!.body!;
    expect(sent.stream_options).toBeUndefined();
    expect(sent.max_completion_tokens).toBeUndefined();
    expect(sent.max_tokens).toBe(50);
    expect(out.usage()).toMatchObject({ prompt_tokens: expect.any(Number), completion_tokens: 9 });
  });

  it('does not add stream_options for the channel either', async () => {
    const adapter = createOpenAICompatibleAdapter('mistral');
    const ctx = testAdapterContext(
      { type: 'mistral', baseUrl: `${mock.url}/v1`, streamUsage: true },
      'sk-good',
    );
    const body = { model: 'mistral-small-latest', messages: [{ role: 'user', content: 'hi' }], stream: true };
    const out = await adapter.execute(
      { endpoint: 'chat.completions', body, model: body.model, stream: true, clientWantsStreamUsage: false },
      ctx,
    );
    if (out.kind !== 'stream') throw new Error('expected stream');
    for await (const _ of out.parts);
    expect(mock.requests.at(-1)!.body!.stream_options).toBeUndefined();
    expect(out.usage()).not.toBeNull();
  });
});
