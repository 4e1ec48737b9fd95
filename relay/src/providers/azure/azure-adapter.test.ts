import type { ChatCompletion, ChatCompletionChunk, EmbeddingResponse } from '@switchboard/shared/openai';
import { type AzureMock, startAzureMock } from '@switchboard/test/mock-upstreams/azure/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AdapterContext, AdapterRequest, AdapterResult } from '../contract.js';
import { UpstreamError } from '../contract.js';
import { testAdapterContext } from '../test-context.js';
import { azureAdapter } from './azure-adapter.js';

let mock: AzureMock;
let ctx: AdapterContext;

beforeAll(async () => {
  mock = await startAzureMock();
  ctx = testAdapterContext(
    { type: 'azure', baseUrl: mock.url, config: { apiVersion: '2024-10-21' } },
    mock.apiKey,
  );
});
afterAll(() => mock.close());
beforeEach(() => {
  mock.setMode('ok');
  mock.requests.length = 0;
});

function chat(body: Record<string, unknown>, opts: Partial<AdapterRequest> = {}): AdapterRequest {
  return {
    endpoint: 'chat.completions',
    body: { model: 'gpt-4o', ...body },
    model: 'gpt-4o',
    stream: body.stream === true,
    clientWantsStreamUsage: false,
    ...opts,
  };
}

function parseJsonBody(result: AdapterResult): unknown {
  if (result.kind !== 'json') throw new Error(`expected json, got ${result.kind}`);
  return Buffer.isBuffer(result.body) ? JSON.parse(result.body.toString('utf8')) : result.body;
}

async function collect(result: AdapterResult): Promise<{ chunks: ChatCompletionChunk[]; done: boolean }> {
  if (result.kind !== 'stream') throw new Error(`expected a stream, got ${result.kind}`);
  const chunks: ChatCompletionChunk[] = [];
  let done = false;
  for await (const part of result.parts) {
    if (part.data === '[DONE]') done = true;
    else chunks.push(JSON.parse(part.data) as ChatCompletionChunk);
  }
  return { chunks, done };
}

async function failure(p: Promise<unknown>): Promise<UpstreamError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UpstreamError);
  return err as UpstreamError;
}

describe('azure adapter', () => {
  it('posts to the deployment with api-version and the api-key header, body unchanged', async () => {
    const body = {
      messages: [{ role: 'user', content: 'Hi' }],
      temperature: 0.3,
      some_new_field: { kept: true },
    };
    const result = await azureAdapter.execute(chat(body), ctx);
    const sent = mock.requests[0]!;
    expect(sent.path).toBe('/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21');
    expect(sent.headers['api-key']).toBe(mock.apiKey);
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.body).toEqual({ model: 'gpt-4o', ...body });
    const completion = parseJsonBody(result) as ChatCompletion;
    expect(completion.choices[0]!.message.content).toBe('Hello! You said: Hi');
    expect(result.kind === 'json' && result.usage?.completion_tokens).toBe(4);
  });

  it('defaults the api-version and tolerates a base URL ending in /openai', async () => {
    const plain = testAdapterContext({ type: 'azure', baseUrl: `${mock.url}/openai/` }, mock.apiKey);
    await azureAdapter.execute(chat({ messages: [{ role: 'user', content: 'Hi' }] }), plain);
    expect(mock.requests[0]!.path).toBe('/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21');
  });

  it('streams chunks as they come, asks for usage and strips it when the client did not', async () => {
    const result = await azureAdapter.execute(
      chat({ messages: [{ role: 'user', content: 'Hi' }], stream: true }),
      ctx,
    );
    expect((mock.requests[0]!.body as Record<string, unknown>).stream_options).toEqual({
      include_usage: true,
    });
    const { chunks, done } = await collect(result);
    expect(done).toBe(true);
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('Hello! You said: Hi');
    expect(chunks.some((c) => c.usage)).toBe(false);
    if (result.kind === 'stream') expect(result.usage()?.completion_tokens).toBe(4);
  });

  it('keeps the usage chunk when the client asked for it', async () => {
    const result = await azureAdapter.execute(
      chat(
        {
          messages: [{ role: 'user', content: 'Hi' }],
          stream: true,
          stream_options: { include_usage: true },
        },
        { clientWantsStreamUsage: true },
      ),
      ctx,
    );
    const { chunks } = await collect(result);
    expect(chunks[chunks.length - 1]!.usage).toMatchObject({ completion_tokens: 4 });
  });

  it('yields the first chunk before a mid-stream pause ends', async () => {
    mock.setMode('pause', { pauseMs: 800 });
    const started = Date.now();
    const result = await azureAdapter.execute(
      chat({ messages: [{ role: 'user', content: 'Hi' }], stream: true }),
      ctx,
    );
    if (result.kind !== 'stream') throw new Error('stream expected');
    const it = result.parts[Symbol.asyncIterator]();
    let first = '';
    while (!first.includes('Hello')) first = (await it.next()).value.data;
    expect(Date.now() - started).toBeLessThan(600);
    for (let r = await it.next(); !r.done; r = await it.next());
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
  });

  it('passes tool calls through', async () => {
    const tools = [
      { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } },
    ];
    const completion = parseJsonBody(
      await azureAdapter.execute(chat({ messages: [{ role: 'user', content: 'Weather?' }], tools }), ctx),
    ) as ChatCompletion;
    expect(completion.choices[0]!.finish_reason).toBe('tool_calls');
    expect(completion.choices[0]!.message.tool_calls![0]!.function.name).toBe('get_weather');
  });

  it('embeddings go to the embeddings deployment, base64 passed through', async () => {
    const result = await azureAdapter.execute(
      {
        endpoint: 'embeddings',
        body: { model: 'my-embeddings', input: ['a', 'b'], encoding_format: 'base64' },
        model: 'my-embeddings',
        stream: false,
        clientWantsStreamUsage: false,
      },
      ctx,
    );
    expect(mock.requests[0]!.path).toBe(
      '/openai/deployments/my-embeddings/embeddings?api-version=2024-10-21',
    );
    const body = parseJsonBody(result) as EmbeddingResponse;
    expect(typeof body.data[0]!.embedding).toBe('string');
    expect(result.kind === 'json' && result.usage?.prompt_tokens).toBe(2);
  });
});

describe('azure adapter, errors', () => {
  const req = () => chat({ messages: [{ role: 'user', content: 'Hi' }] });

  it('invalid key → 401, key fatal, failover allowed', async () => {
    const bad = testAdapterContext({ type: 'azure', baseUrl: mock.url }, 'wrong-key-0123456789');
    const err = await failure(azureAdapter.execute(req(), bad));
    expect(err.info).toMatchObject({ status: 401, fatal: 'key', retryable: true, upstreamStatus: 401 });
    expect(JSON.stringify(err.info)).not.toContain('wrong-key-0123456789');
  });

  it('429 token rate limit → retryable', async () => {
    mock.setMode('rate_limit');
    const err = await failure(azureAdapter.execute(req(), ctx));
    expect(err.info).toMatchObject({ status: 429, retryable: true, fatal: null });
  });

  it('403 out of quota → key disabled and failover, not shown to the client', async () => {
    mock.setMode('quota_exhausted');
    const err = await failure(azureAdapter.execute(req(), ctx));
    expect(err.info).toMatchObject({ status: 503, retryable: true, fatal: 'key', upstreamStatus: 403 });
    expect(err.info.message).not.toMatch(/quota/i);
  });

  it('content filter → 400 with code content_filter, not retryable', async () => {
    mock.setMode('content_filter');
    const err = await failure(azureAdapter.execute(req(), ctx));
    expect(err.info).toMatchObject({ status: 400, code: 'content_filter', retryable: false, fatal: null });
  });

  it('unknown deployment → 404 model_not_found; unsupported api-version → 400', async () => {
    const err = await failure(azureAdapter.execute({ ...req(), model: 'gpt-nope' }, ctx));
    expect(err.info).toMatchObject({ status: 404, code: 'model_not_found', retryable: false });
    const old = testAdapterContext(
      { type: 'azure', baseUrl: mock.url, config: { apiVersion: '2022-01-01' } },
      mock.apiKey,
    );
    const err2 = await failure(azureAdapter.execute(req(), old));
    expect(err2.info).toMatchObject({ status: 400, retryable: false });
    expect(err2.info.code).toBe('BadRequest');
  });

  it('500 → retryable', async () => {
    mock.setMode('server_error');
    const err = await failure(azureAdapter.execute(req(), ctx));
    expect(err.info).toMatchObject({ status: 502, retryable: true });
  });
});
