import type { ChannelInput } from '../../testing/relay-fixture.js';
import { RelayFixture } from '../../testing/relay-fixture.js';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The same checks, through the real relay and the official openai client, for each of the
 * Chinese providers' adapters (baidu, qwen, zhipu, spark, hunyuan) against its mock upstream:
 * non-stream, stream with [DONE] and optional usage, failover from an account without balance,
 * 429 and 400 as the SDK's error classes, and tools and embeddings where the provider has them.
 * Used from each provider's `<p>-relay.test.ts`; not part of the request path.
 */
export interface CnMockHandle {
  url: string;
  setMode(
    mode: { error?: 'auth' | 'rate_limit' | 'no_balance' | 'server_error' | 'empty_content' } | null,
  ): void;
  close(): Promise<void>;
}

export interface CnRelayCase {
  type: string;
  model: string;
  key: string;
  start(): Promise<CnMockHandle>;
  /** The text every mock answers with. */
  reply: string;
  config?: Record<string, unknown>;
  embeddingModel?: string;
  tools?: boolean;
  /** Messages the provider refuses with its "bad request" error. */
  badMessages: OpenAI.ChatCompletionMessageParam[];
  /** What the provider's refusal says (it reaches the client, sanitized). */
  badMessageText: RegExp;
  /** Spark: a "success" with empty content must fail over, too. */
  emptyContent?: boolean;
}

export function cnRelaySuite(c: CnRelayCase): void {
  describe(`${c.type} through the relay`, () => {
    const fx = new RelayFixture(c.type);
    const mocks: CnMockHandle[] = [];
    let ok: CnMockHandle;
    let client: OpenAI;
    let key: string;

    beforeAll(async () => {
      const [a, broke, limited, empty] = await Promise.all([c.start(), c.start(), c.start(), c.start()]);
      ok = a!;
      mocks.push(a!, broke!, limited!, empty!);
      broke!.setMode({ error: 'no_balance' });
      limited!.setMode({ error: 'rate_limit' });
      empty!.setMode({ error: 'empty_content' });
      const base = { type: c.type, keys: [c.key], config: c.config ?? {} };
      const models = [c.model, ...(c.embeddingModel ? [c.embeddingModel] : [])];
      const channels: ChannelInput[] = [
        { ...base, id: 1, baseUrl: ok.url, models },
        // Failover pair: the preferred channel's account has no balance left.
        {
          ...base,
          id: 2,
          baseUrl: broke!.url,
          models: ['cn-failover'],
          modelMapping: { 'cn-failover': c.model },
          priority: 10,
        },
        {
          ...base,
          id: 3,
          baseUrl: ok.url,
          models: ['cn-failover'],
          modelMapping: { 'cn-failover': c.model },
        },
        {
          ...base,
          id: 4,
          baseUrl: limited!.url,
          models: ['cn-limited'],
          modelMapping: { 'cn-limited': c.model },
        },
        {
          ...base,
          id: 5,
          baseUrl: empty!.url,
          models: ['cn-empty'],
          modelMapping: { 'cn-empty': c.model },
          priority: 10,
        },
        { ...base, id: 6, baseUrl: ok.url, models: ['cn-empty'], modelMapping: { 'cn-empty': c.model } },
      ];
      await fx.publishSnapshot(channels);
      key = await fx.token({ userId: 1, tokenId: 11, userQuota: 100_000_000 });
      await fx.startInProcess();
      client = new OpenAI({ apiKey: key, baseURL: fx.v1, maxRetries: 0 });
    });
    afterAll(async () => {
      await fx.stop();
      await Promise.all(mocks.map((m) => m.close()));
    });

    it('non-stream: answer, usage and a usage record from upstream counts', async () => {
      const r = await client.chat.completions.create({
        model: c.model,
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Hi' },
        ],
      });
      expect(r.choices[0]!.message.content).toBe(c.reply);
      expect(r.choices[0]!.finish_reason).toBe('stop');
      expect(r.usage).toMatchObject({ prompt_tokens: 11, completion_tokens: 3, total_tokens: 14 });
      const rec = await fx.waitForRecord((x) => x.model === c.model && !x.stream);
      expect(rec).toMatchObject({
        status: 'success',
        channelId: 1,
        promptTokens: 11,
        completionTokens: 3,
        usageEstimated: false,
      });
    });

    it('stream: deltas in order, usage chunk only when asked, [DONE] at the end', async () => {
      const stream = await client.chat.completions.create({
        model: c.model,
        messages: [{ role: 'user', content: 'Hi' }],
        stream: true,
        stream_options: { include_usage: true },
      });
      const deltas: string[] = [];
      let usage: OpenAI.CompletionUsage | null | undefined;
      let finish: string | null | undefined;
      for await (const chunk of stream) {
        if (chunk.choices[0]?.delta.content) deltas.push(chunk.choices[0].delta.content);
        finish = chunk.choices[0]?.finish_reason ?? finish;
        if (chunk.usage) usage = chunk.usage;
      }
      expect(deltas.length).toBeGreaterThan(1);
      expect(deltas.join('')).toBe(c.reply);
      expect(finish).toBe('stop');
      expect(usage).toMatchObject({ prompt_tokens: 2, completion_tokens: 3 });

      const raw = await fetch(`${fx.v1}/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: c.model, messages: [{ role: 'user', content: 'Hi' }], stream: true }),
      });
      const body = await raw.text();
      expect(body.trimEnd().endsWith('data: [DONE]')).toBe(true);
      expect(body.match(/data: \[DONE\]/g)).toHaveLength(1);
      expect(body).not.toContain('"usage"');
    });

    it('an account without balance fails over; the client never sees its balance error', async () => {
      const r = await client.chat.completions.create({
        model: 'cn-failover',
        messages: [{ role: 'user', content: 'Hi' }],
      });
      expect(r.choices[0]!.message.content).toBe(c.reply);
      const rec = await fx.waitForRecord((x) => x.model === 'cn-failover');
      expect(rec!.channelId).toBe(3);
      expect(rec!.attempts.map((a) => a.channelId)).toEqual([2, 3]);
    });

    it.runIf(c.emptyContent)(
      'a "success" with empty content fails over instead of answering empty',
      async () => {
        const r = await client.chat.completions.create({
          model: 'cn-empty',
          messages: [{ role: 'user', content: 'Hi' }],
        });
        expect(r.choices[0]!.message.content).toBe(c.reply);
        const rec = await fx.waitForRecord((x) => x.model === 'cn-empty');
        expect(rec!.attempts.map((a) => a.channelId)).toEqual([5, 6]);
      },
    );

    it('upstream rate limit → RateLimitError; a refused request → BadRequestError without the key', async () => {
      const limited = await client.chat.completions
        .create({ model: 'cn-limited', messages: [{ role: 'user', content: 'Hi' }] })
        .catch((e: unknown) => e);
      expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
      const bad = await client.chat.completions
        .create({ model: c.model, messages: c.badMessages })
        .catch((e: unknown) => e);
      expect(bad).toBeInstanceOf(OpenAI.BadRequestError);
      expect((bad as Error).message).toMatch(c.badMessageText);
      for (const part of c.key.split(/[|.]/)) expect((bad as Error).message).not.toContain(part);
    });

    it.runIf(c.tools)('tools through the SDK, non-stream and stream', async () => {
      const tools: OpenAI.ChatCompletionTool[] = [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            parameters: { type: 'object', properties: { city: { type: 'string' } } },
          },
        },
      ];
      const r = await client.chat.completions.create({
        model: c.model,
        messages: [{ role: 'user', content: 'Weather?' }],
        tools,
      });
      const call = r.choices[0]!.message.tool_calls![0]!;
      expect(r.choices[0]!.finish_reason).toBe('tool_calls');
      expect(call.type === 'function' && call.function.name).toBe('get_weather');
      expect(call.type === 'function' && JSON.parse(call.function.arguments)).toEqual({ city: '北京' });
      const stream = await client.chat.completions.create({
        model: c.model,
        messages: [{ role: 'user', content: 'Weather?' }],
        tools,
        stream: true,
      });
      let args = '';
      let finish: string | null | undefined;
      for await (const chunk of stream) {
        for (const t of chunk.choices[0]?.delta.tool_calls ?? []) args += t.function?.arguments ?? '';
        finish = chunk.choices[0]?.finish_reason ?? finish;
      }
      expect(JSON.parse(args)).toEqual({ city: '北京' });
      expect(finish).toBe('tool_calls');
    });

    it.runIf(c.embeddingModel)(
      'embeddings through the SDK (base64 on the wire, floats to the caller)',
      async () => {
        const r = await client.embeddings.create({ model: c.embeddingModel!, input: ['a', 'bb'] });
        expect(r.data.map((d) => d.index)).toEqual([0, 1]);
        expect(r.data[0]!.embedding.length).toBeGreaterThan(0);
        expect(r.data[0]!.embedding.every((v) => typeof v === 'number' && v >= 0 && v <= 1)).toBe(true);
        expect(r.usage.prompt_tokens).toBe(3);
      },
    );
  });
}
