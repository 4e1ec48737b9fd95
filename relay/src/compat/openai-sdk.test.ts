import {
  type MockOpenAI,
  REPLY_WORDS,
  startMockOpenAI,
} from '@switchboard/test/mock-upstreams/openai/server';
import OpenAI, { type APIError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayFixture } from '../testing/relay-fixture.js';

/**
 * Edge cases of the official `openai` SDK that routes.test.ts leaves out: response headers,
 * the SDK's error classes and its retry rules (x-should-retry, retry-after), and an error
 * raised by the SDK in the middle of a stream.
 */
describe('official openai SDK: headers, error classes, retries', () => {
  const fx = new RelayFixture('compat-oai');
  let healthy: MockOpenAI;
  let faulty: MockOpenAI;
  let key: string;

  /** A client whose every HTTP attempt is counted (the SDK retries through this fetch). */
  function counted(apiKey: string, maxRetries: number, onResponse?: (n: number) => void) {
    const counter = { calls: 0 };
    const client = new OpenAI({
      apiKey,
      baseURL: fx.v1,
      maxRetries,
      fetch: async (url, init) => {
        counter.calls++;
        const r = await fetch(url, init);
        onResponse?.(counter.calls);
        return r;
      },
    });
    return { client, counter };
  }

  beforeAll(async () => {
    [healthy, faulty] = await Promise.all([startMockOpenAI(), startMockOpenAI()]);
    await fx.publishSnapshot([
      { id: 1, baseUrl: healthy.url, keys: ['sk-up-1'], models: ['gpt-4o'] },
      {
        id: 2,
        baseUrl: faulty.url,
        keys: ['sk-up-2'],
        models: ['gpt-faulty'],
        modelMapping: { 'gpt-faulty': 'gpt-4o' },
      },
    ]);
    key = await fx.token({ userId: 1, tokenId: 11, userQuota: 50_000_000 });
    await fx.startInProcess();
  });
  afterAll(async () => {
    await fx.stop();
    await Promise.all([healthy.close(), faulty.close()]);
  });

  it('withResponse() exposes the response and the x-request-id the usage record carries', async () => {
    const client = new OpenAI({ apiKey: key, baseURL: fx.v1, maxRetries: 0 });
    const { data, response, request_id } = await client.chat.completions
      .create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] })
      .withResponse();
    expect(data.choices[0]!.message.content).toBe(REPLY_WORDS.join(''));
    expect(response.status).toBe(200);
    expect(request_id).toMatch(/^req_/);
    expect(response.headers.get('x-request-id')).toBe(request_id);
    const rec = await fx.waitForRecord((r) => r.requestId === request_id);
    expect(rec).toMatchObject({ status: 'success', model: 'gpt-4o' });
  });

  it('AuthenticationError (401), PermissionDeniedError (403), NotFoundError (404)', async () => {
    const bad = new OpenAI({ apiKey: 'sk-not-a-token', baseURL: fx.v1, maxRetries: 0 });
    const e401 = await bad.chat.completions
      .create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(e401).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(e401).toMatchObject({ status: 401, code: 'invalid_api_key' });
    expect((e401 as APIError).requestID).toMatch(/^req_/);

    const walled = await fx.token({
      userId: 1,
      tokenId: 12,
      userQuota: null,
      record: { ipWhitelist: ['10.0.0.0/8', 'fd00::/8'] },
    });
    const e403 = await new OpenAI({ apiKey: walled, baseURL: fx.v1, maxRetries: 0 }).chat.completions
      .create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(e403).toBeInstanceOf(OpenAI.PermissionDeniedError);
    expect(e403).toMatchObject({ status: 403, code: 'ip_not_allowed', type: 'permission_error' });

    const client = new OpenAI({ apiKey: key, baseURL: fx.v1, maxRetries: 0 });
    const e404 = await client.chat.completions
      .create({ model: 'gpt-nonexistent', messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(e404).toBeInstanceOf(OpenAI.NotFoundError);
    expect(e404).toMatchObject({ status: 404, code: 'model_not_found' });
  });

  it('RateLimitError on an exhausted quota is not retried (x-should-retry: false)', async () => {
    const poor = await fx.token({ userId: 2, tokenId: 21, userQuota: 5 });
    const { client, counter } = counted(poor, 3);
    const err = await client.chat.completions
      .create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hello' }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.RateLimitError);
    expect(err).toMatchObject({ status: 429, code: 'insufficient_quota' });
    expect((err as APIError).headers?.get('x-should-retry')).toBe('false');
    // maxRetries 3, yet one attempt: the SDK believed the header.
    expect(counter.calls).toBe(1);
  });

  it('503 with retry-after: the SDK waits and retries, and the retry succeeds', async () => {
    faulty.reset();
    faulty.setMode({ error: 'unavailable' });
    // The upstream recovers as soon as the client has seen the first answer.
    const { client, counter } = counted(key, 2, (n) => {
      if (n === 1) faulty.setMode(null);
    });
    const t0 = performance.now();
    const { data, response } = await client.chat.completions
      .create({ model: 'gpt-faulty', messages: [{ role: 'user', content: 'again' }] })
      .withResponse();
    const elapsed = performance.now() - t0;
    expect(data.choices[0]!.message.content).toBe(REPLY_WORDS.join(''));
    expect(response.status).toBe(200);
    expect(counter.calls).toBe(2);
    // retry-after: 1 (seconds) from the relay's 503 paced the retry.
    expect(elapsed).toBeGreaterThanOrEqual(900);
    const failed = await fx.waitForRecord((r) => r.model === 'gpt-faulty' && r.status === 'failed');
    expect(failed).toBeDefined();
  });

  it('503 with maxRetries 0 surfaces InternalServerError at once', async () => {
    faulty.setMode({ error: 'unavailable' });
    const { client, counter } = counted(key, 0);
    const err = await client.chat.completions
      .create({ model: 'gpt-faulty', messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    faulty.setMode(null);
    expect(err).toBeInstanceOf(OpenAI.InternalServerError);
    expect((err as APIError).status).toBe(503);
    expect((err as APIError).headers?.get('retry-after')).toBeTruthy();
    expect(counter.calls).toBe(1);
  });

  it('an upstream that dies mid-stream: the SDK raises the SSE error event after the first deltas', async () => {
    faulty.setMode({ dropAfterChunks: 3 });
    const client = new OpenAI({ apiKey: key, baseURL: fx.v1, maxRetries: 0 });
    const stream = await client.chat.completions.create({
      model: 'gpt-faulty',
      messages: [{ role: 'user', content: 'stream then die' }],
      stream: true,
    });
    let text = '';
    const err = await (async () => {
      for await (const c of stream) text += c.choices[0]?.delta.content ?? '';
    })().catch((e: unknown) => e);
    faulty.setMode(null);
    // Role chunk + two words arrived before the socket died.
    expect(text).toBe(REPLY_WORDS.slice(0, 2).join(''));
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect((err as Error).message).toBeTruthy();
    expect(await fx.waitForRecord((r) => r.model === 'gpt-faulty' && r.status === 'partial')).toBeDefined();
  });
});
