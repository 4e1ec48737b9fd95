import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StreamPart, UpstreamError } from '../contract.js';
import { testAdapterContext } from '../test-context.js';
import {
  chunk,
  frame,
  type SseScript,
  type SseUpstream,
  startSseUpstream,
  streamChatRequest,
} from './__fixtures__/sse-upstream.js';
import { createOpenAICompatibleAdapter } from './openai-adapter.js';

/**
 * OpenAI-compatible hosts (DeepSeek, Moonshot, vLLM, OpenRouter) may answer 200 and then send
 * an error as the first SSE event. Nothing has reached the client then, so `execute` must
 * reject with the error classified (and the relay fail over), while a normal first event
 * is handed over at once.
 */
describe('OpenAI-compatible stream: the first event', () => {
  let up: SseUpstream;
  let script: SseScript = (res) => res.end();
  beforeAll(async () => {
    up = await startSseUpstream((res, req) => script(res, req));
  });
  afterAll(() => up.close());

  const adapter = createOpenAICompatibleAdapter('deepseek');
  const ctx = () => testAdapterContext({ type: 'deepseek', baseUrl: `${up.url}/v1` }, 'sk-good');
  const req = streamChatRequest;
  const collect = async (parts: AsyncIterable<StreamPart>) => {
    const out: StreamPart[] = [];
    for await (const p of parts) out.push(p);
    return out;
  };

  // Error bodies as the hosts send them; the stream is left open to check it gets closed.
  const cases: Array<[string, unknown, Record<string, unknown>]> = [
    [
      'server_error',
      {
        error: {
          message: 'The server had an error while processing your request. Sorry about that!',
          type: 'server_error',
          param: null,
          code: null,
        },
      },
      { retryable: true, fatal: null, status: 502 },
    ],
    [
      'overloaded',
      {
        error: {
          message: 'The engine is currently overloaded, please try again later.',
          type: 'server_error',
          param: null,
          code: null,
        },
      },
      { retryable: true, fatal: null, status: 503 },
    ],
    [
      'rate limit',
      {
        error: {
          message: 'Rate limit reached for requests',
          type: 'requests',
          param: null,
          code: 'rate_limit_exceeded',
        },
      },
      { retryable: true, fatal: null, status: 429 },
    ],
    [
      'invalid key',
      {
        error: {
          message: 'Incorrect API key provided: sk-goo**od.',
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_api_key',
        },
      },
      { retryable: true, fatal: 'key' },
    ],
    [
      'insufficient_quota',
      {
        error: {
          message: 'You exceeded your current quota, please check your plan and billing details.',
          type: 'insufficient_quota',
          param: null,
          code: 'insufficient_quota',
        },
      },
      { retryable: true, fatal: 'key', status: 503 },
    ],
    [
      'DeepSeek insufficient balance',
      {
        error: {
          message: 'Insufficient Balance',
          type: 'unknown_error',
          param: null,
          code: 'invalid_request_error',
        },
      },
      { retryable: true, fatal: 'key', status: 503 },
    ],
    [
      'vLLM engine error (numeric code)',
      {
        error: {
          object: 'error',
          message: 'EngineCore encountered an issue.',
          type: 'InternalServerError',
          param: null,
          code: 500,
        },
      },
      { retryable: true, fatal: null, status: 502 },
    ],
    [
      'OpenRouter provider error (error beside the chunk)',
      {
        ...chunk(''),
        error: { code: 502, message: 'Provider returned error' },
        choices: [{ index: 0, delta: { content: '' }, finish_reason: 'error' }],
      },
      { retryable: true, fatal: null, status: 502 },
    ],
  ];

  it.each(cases)(
    '%s as the first event: execute rejects, classified, upstream closed',
    async (_, body, want) => {
      const before = up.abandoned;
      // A keep-alive comment first: it is not the first event.
      script = (res) => {
        res.write(': ping\n\n');
        res.write(frame(body));
      };
      const err = await adapter.execute(req(), ctx()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UpstreamError);
      const info = (err as UpstreamError).info;
      expect(info).toMatchObject(want);
      expect(info.detail).toContain('stream error event');
      if (info.fatal === 'key') expect(info.message).not.toMatch(/quota|balance|billing/i);
      await up.waitAbandoned(before + 1);
    },
  );

  it('a vLLM 400 in the first event is the request’s fault: not retried, safe message kept', async () => {
    script = (res) => {
      res.end(
        frame({
          error: {
            object: 'error',
            message: "This model's maximum context length is 4096 tokens.",
            type: 'BadRequestError',
            param: null,
            code: 400,
          },
        }),
      );
    };
    const err = (await adapter.execute(req(), ctx()).catch((e: unknown) => e)) as UpstreamError;
    expect(err.info).toMatchObject({ retryable: false, status: 400, fatal: null });
    expect(err.info.message).toContain('maximum context length');
  });

  it('a Responses API `event: error` first is classified the same way', async () => {
    script = (res) => {
      res.end(
        'event: error\ndata: {"type":"error","code":"rate_limit_exceeded","message":"Slow down","param":null,"sequence_number":0}\n\n',
      );
    };
    const err = await adapter
      .execute(req({ endpoint: 'responses', body: { model: 'gpt-4o', input: 'hi', stream: true } }), ctx())
      .catch((e: unknown) => e);
    expect((err as UpstreamError).info).toMatchObject({ retryable: true, status: 429 });
  });

  it('a normal first event is handed over as soon as it arrives, without waiting for the next', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    script = async (res) => {
      res.write(': ping\n\n');
      res.write(frame(chunk('Hel')));
      await gate;
      res.write(frame(chunk('lo')));
      res.write(frame(chunk('', 'stop')));
      res.end(frame('[DONE]'));
    };
    const out = await adapter.execute(req(), ctx());
    if (out.kind !== 'stream') throw new Error('expected stream');
    const parts = out.parts[Symbol.asyncIterator]();
    const first = await parts.next();
    expect(first.value?.data).toBe(JSON.stringify(chunk('Hel')));
    release();
    const rest: StreamPart[] = [];
    for (let p = await parts.next(); !p.done; p = await parts.next()) rest.push(p.value);
    expect(rest.map((p) => p.data)).toEqual([
      JSON.stringify(chunk('lo')),
      JSON.stringify(chunk('', 'stop')),
      '[DONE]',
    ]);
    expect(out.completionText()).toBe('Hello');
  });

  it('an error after the first chunk ends the parts with it classified (see openai-mid-stream-error.test.ts)', async () => {
    const error = { error: { message: 'Upstream went away', type: 'server_error', param: null, code: null } };
    script = (res) => {
      res.write(frame(chunk('Hel')));
      res.end(frame(error));
    };
    const out = await adapter.execute(req(), ctx());
    if (out.kind !== 'stream') throw new Error('expected stream');
    const parts = out.parts[Symbol.asyncIterator]();
    expect((await parts.next()).value?.data).toBe(JSON.stringify(chunk('Hel')));
    const err = await parts.next().catch((e: unknown) => e);
    expect((err as UpstreamError).info).toMatchObject({ status: 502, code: 'upstream_error' });
  });

  it('an upstream that ends without any event gives an empty stream', async () => {
    script = (res) => res.end(': ping\n\n');
    const out = await adapter.execute(req(), ctx());
    if (out.kind !== 'stream') throw new Error('expected stream');
    expect(await collect(out.parts)).toEqual([]);
  });

  it('a consumer that stops after the first part releases the upstream', async () => {
    const before = up.abandoned;
    script = (res) => {
      res.write(frame(chunk('Hel')));
    };
    const out = await adapter.execute(req(), ctx());
    if (out.kind !== 'stream') throw new Error('expected stream');
    for await (const _ of out.parts) break;
    await up.waitAbandoned(before + 1);
  });
});
