import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayFixture } from '../../testing/relay-fixture.js';
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
 * An error event after the first one (the stream has started, no failover is possible) must
 * not reach the client as the upstream wrote it: its message can carry upstream URLs, hosts or
 * keys, and an upstream `insufficient_quota` would read as the client's own balance. It ends the
 * parts as a classified UpstreamError, which the relay sends as its own SSE error event.
 */
describe('OpenAI-compatible stream: an error event mid-stream', () => {
  let up: SseUpstream;
  let script: SseScript = (res) => res.end();
  beforeAll(async () => {
    up = await startSseUpstream((res, req) => script(res, req));
  });
  afterAll(() => up.close());

  const adapter = createOpenAICompatibleAdapter('deepseek');
  const ctx = () => testAdapterContext({ type: 'deepseek', baseUrl: `${up.url}/v1` }, 'sk-good');
  const req = streamChatRequest;
  /** The parts before the failure, and the failure. */
  const drain = async (parts: AsyncIterable<StreamPart>) => {
    const out: StreamPart[] = [];
    try {
      for await (const p of parts) out.push(p);
    } catch (err) {
      return { out, err };
    }
    return { out, err: null };
  };

  it('insufficient_quota: a neutral upstream_error, nothing about quota or billing; upstream released', async () => {
    const before = up.abandoned;
    // Left open after the error: the relay must hang up itself.
    script = (res) => {
      res.write(frame(chunk('Hel')));
      res.write(
        frame({
          error: {
            message: 'You exceeded your current quota, please check your plan and billing details.',
            type: 'insufficient_quota',
            param: null,
            code: 'insufficient_quota',
          },
        }),
      );
    };
    const out = await adapter.execute(req(), ctx());
    if (out.kind !== 'stream') throw new Error('expected stream');
    const { out: parts, err } = await drain(out.parts);
    expect(parts.map((p) => p.data)).toEqual([JSON.stringify(chunk('Hel'))]);
    expect(err).toBeInstanceOf(UpstreamError);
    const info = (err as UpstreamError).info;
    expect(info).toMatchObject({ code: 'upstream_error', type: 'server_error' });
    expect(info.message).not.toMatch(/quota|billing|balance/i);
    expect(info.detail).toContain('insufficient_quota');
    await up.waitAbandoned(before + 1);
  });

  it('a refusal naming URLs, hosts and keys is sanitised', async () => {
    script = (res) => {
      res.write(frame(chunk('Hel')));
      res.end(
        frame({
          error: {
            object: 'error',
            message:
              'Context too long for sk-live-abcdef123456 at http://10.0.0.7:8000/v1/chat, see gpu-3.cluster:9000',
            type: 'BadRequestError',
            param: null,
            code: 400,
          },
        }),
      );
    };
    const out = await adapter.execute(req(), ctx());
    if (out.kind !== 'stream') throw new Error('expected stream');
    const { err } = await drain(out.parts);
    const { message } = (err as UpstreamError).info;
    expect(message).toContain('Context too long');
    expect(message).not.toMatch(/abcdef123456|10\.0\.0\.7|http:|gpu-3/);
  });

  it('a Responses API `event: error` mid-stream is classified too', async () => {
    script = (res) => {
      res.write(
        'event: response.output_text.delta\ndata: {"type":"response.output_text.delta","delta":"Hi","sequence_number":1}\n\n',
      );
      res.end(
        'event: error\ndata: {"type":"error","code":"insufficient_quota","message":"Your credit balance is too low","param":null,"sequence_number":2}\n\n',
      );
    };
    const out = await adapter.execute(
      req({ endpoint: 'responses', body: { model: 'gpt-4o', input: 'hi', stream: true } }),
      ctx(),
    );
    if (out.kind !== 'stream') throw new Error('expected stream');
    const { out: parts, err } = await drain(out.parts);
    expect(parts).toHaveLength(1);
    expect((err as UpstreamError).info.code).toBe('upstream_error');
    expect((err as UpstreamError).info.message).not.toMatch(/credit|balance/i);
  });

  it('ordinary chunks, also ones whose text quotes "error", pass byte for byte', async () => {
    const quoted = chunk('the "error" field, and {"error":1}');
    const withNull = { ...chunk('x'), error: null };
    script = (res) => {
      res.write(frame(quoted));
      res.write(frame(withNull));
      res.end(frame('[DONE]'));
    };
    const out = await adapter.execute(req(), ctx());
    if (out.kind !== 'stream') throw new Error('expected stream');
    const { out: parts, err } = await drain(out.parts);
    expect(err).toBeNull();
    expect(parts.map((p) => p.data)).toEqual([JSON.stringify(quoted), JSON.stringify(withNull), '[DONE]']);
  });
});

describe('through the relay: the client sees the relay’s own error event', () => {
  const fx = new RelayFixture('midstream');
  let up: SseUpstream;
  let key: string;

  beforeAll(async () => {
    up = await startSseUpstream((res) => {
      res.write(frame(chunk('Hel')));
      res.end(
        frame({
          error: {
            message: 'You exceeded your current quota, see https://platform.openai.com/account/billing.',
            type: 'insufficient_quota',
            param: null,
            code: 'insufficient_quota',
          },
        }),
      );
    });
    await fx.publishSnapshot([{ id: 1, baseUrl: up.url, keys: ['sk-m'], models: ['gpt-4o'] }]);
    key = await fx.token({ userId: 1, tokenId: 1, userQuota: 1e9 });
    await fx.startInProcess();
  });
  afterAll(async () => {
    await fx.stop();
    await up.close();
  });

  it('sanitised, OpenAI-shaped, and recorded as partial', async () => {
    const res = await fetch(`${fx.v1}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], stream: true }),
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain(`data: ${JSON.stringify(chunk('Hel'))}\n\n`);
    const errorEvent = text
      .split('\n\n')
      .map((e) => e.replace(/^data: /, ''))
      .find((d) => d.startsWith('{"error"'));
    expect(JSON.parse(errorEvent!)).toEqual({
      error: { message: expect.any(String), type: 'server_error', param: null, code: 'upstream_error' },
    });
    expect(text).not.toMatch(/insufficient_quota|billing|platform\.openai\.com/);
    const rec = await fx.waitForRecord((r) => r.status === 'partial');
    expect(rec?.errorMessage).toContain('insufficient_quota');
  });
});
