import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import {
  type MockOpenAI,
  REPLY_WORDS,
  startMockOpenAI,
} from '@switchboard/test/mock-upstreams/openai/server';
import { APICallError, embed, embedMany, generateText, streamText, tool } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RelayFixture } from '../testing/relay-fixture.js';

const REPLY = REPLY_WORDS.join('');
const CHUNK_DELAY_MS = 60;

/** The Vercel AI SDK's OpenAI providers pointed at the relay, unchanged but for baseURL. */
describe('Vercel AI SDK (ai + @ai-sdk/openai, @ai-sdk/openai-compatible) through the relay', () => {
  const fx = new RelayFixture('compat-ai');
  let mock: MockOpenAI;
  let openai: ReturnType<typeof createOpenAI>;
  let compatible: ReturnType<typeof createOpenAICompatible>;

  beforeAll(async () => {
    mock = await startMockOpenAI({ keys: ['sk-up-fast', 'sk-up-slow'] });
    // Streams through this key arrive one word every CHUNK_DELAY_MS.
    mock.setMode({ chunkDelayMs: CHUNK_DELAY_MS }, { key: 'sk-up-slow' });
    await fx.publishSnapshot([
      { id: 1, baseUrl: mock.url, keys: ['sk-up-fast'], models: ['gpt-4o', 'text-embedding-3-small'] },
      {
        id: 2,
        baseUrl: mock.url,
        keys: ['sk-up-slow'],
        models: ['gpt-slow'],
        modelMapping: { 'gpt-slow': 'gpt-4o' },
      },
    ]);
    const key = await fx.token({ userId: 1, tokenId: 11, userQuota: 50_000_000 });
    await fx.startInProcess();
    openai = createOpenAI({ apiKey: key, baseURL: fx.v1 });
    compatible = createOpenAICompatible({
      name: 'switchboard',
      apiKey: key,
      baseURL: fx.v1,
      includeUsage: true,
    });
  });
  afterAll(async () => {
    await fx.stop();
    await mock.close();
  });

  it('generateText (chat completions) returns text and usage', async () => {
    const r = await generateText({ model: openai.chat('gpt-4o'), prompt: 'hello', maxRetries: 0 });
    expect(r.text).toBe(REPLY);
    expect(r.finishReason).toBe('stop');
    expect(r.usage.outputTokens).toBe(REPLY_WORDS.length);
    expect(r.usage.inputTokens).toBeGreaterThan(0);
    const rec = await fx.waitForRecord((x) => x.model === 'gpt-4o' && !x.stream);
    expect(rec).toMatchObject({ promptTokens: r.usage.inputTokens, completionTokens: REPLY_WORDS.length });
  });

  it('streamText: deltas arrive one by one as the upstream sends them, usage at the end', async () => {
    const result = streamText({ model: openai.chat('gpt-slow'), prompt: 'count', maxRetries: 0 });
    const arrivals: Array<{ text: string; at: number }> = [];
    for await (const delta of result.textStream) arrivals.push({ text: delta, at: performance.now() });
    expect(arrivals.map((a) => a.text).join('')).toBe(REPLY);
    expect(arrivals.length).toBe(REPLY_WORDS.length);
    // Spread over time like the upstream's pacing: nothing was held back to the end.
    const spread = arrivals.at(-1)!.at - arrivals[0]!.at;
    expect(spread).toBeGreaterThanOrEqual((REPLY_WORDS.length - 2) * CHUNK_DELAY_MS * 0.8);
    const usage = await result.usage;
    expect(usage.outputTokens).toBe(REPLY_WORDS.length);
    expect(usage.inputTokens).toBeGreaterThan(0);
    expect(await result.finishReason).toBe('stop');
    // The SDK asked for usage itself; the relay kept that chunk for it.
    expect(mock.requests.at(-1)!.body!.stream_options).toEqual({ include_usage: true });
  });

  it('tool calling with a zod schema, non-stream and stream', async () => {
    const tools = {
      lookup: tool({
        description: 'Looks a thing up',
        inputSchema: z.object({ echo: z.boolean() }),
      }),
    };
    const r = await generateText({
      model: openai.chat('gpt-4o'),
      prompt: 'use the tool',
      tools,
      maxRetries: 0,
    });
    expect(r.finishReason).toBe('tool-calls');
    expect(r.toolCalls).toHaveLength(1);
    expect(r.toolCalls[0]).toMatchObject({ toolName: 'lookup', input: { echo: true } });
    // The zod schema reached the upstream as JSON Schema, untouched by the relay.
    const sentTools = mock.requests.at(-1)!.body!.tools as Array<{
      function: { name: string; parameters: unknown };
    }>;
    expect(sentTools[0]!.function.name).toBe('lookup');
    expect(sentTools[0]!.function.parameters).toMatchObject({
      type: 'object',
      properties: { echo: { type: 'boolean' } },
      required: ['echo'],
    });

    const s = streamText({ model: openai.chat('gpt-4o'), prompt: 'use the tool', tools, maxRetries: 0 });
    const calls = await s.toolCalls;
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ toolName: 'lookup', input: { echo: true } });
    expect(await s.finishReason).toBe('tool-calls');
  });

  it('embed and embedMany return the upstream vectors', async () => {
    const one = await embed({ model: openai.embedding('text-embedding-3-small'), value: 'a', maxRetries: 0 });
    expect(one.embedding).toHaveLength(8);
    expect(one.usage.tokens).toBeGreaterThan(0);
    const many = await embedMany({
      model: openai.embedding('text-embedding-3-small'),
      values: ['a', 'b', 'c'],
      maxRetries: 0,
    });
    expect(many.embeddings).toHaveLength(3);
    expect(many.embeddings[0]).toEqual(one.embedding);
    expect(many.embeddings[1]).not.toEqual(one.embedding);
  });

  it('Responses API provider: generateText and streamText, usage from response.completed', async () => {
    const r = await generateText({ model: openai.responses('gpt-4o'), prompt: 'hello', maxRetries: 0 });
    expect(r.text).toBe(REPLY);
    expect(r.usage.outputTokens).toBe(REPLY_WORDS.length);
    expect(mock.requests.at(-1)!.path).toBe('/responses');

    const s = streamText({ model: openai.responses('gpt-4o'), prompt: 'stream it', maxRetries: 0 });
    let text = '';
    for await (const d of s.textStream) text += d;
    expect(text).toBe(REPLY);
    expect((await s.usage).outputTokens).toBe(REPLY_WORDS.length);
    const rec = await fx.waitForRecord((x) => x.endpoint === 'responses' && x.stream);
    expect(rec).toMatchObject({ completionTokens: REPLY_WORDS.length, usageEstimated: false });
  });

  it('@ai-sdk/openai-compatible: chat, stream with usage, embeddings', async () => {
    const r = await generateText({ model: compatible.chatModel('gpt-4o'), prompt: 'hi', maxRetries: 0 });
    expect(r.text).toBe(REPLY);
    expect(r.usage.outputTokens).toBe(REPLY_WORDS.length);

    const s = streamText({ model: compatible.chatModel('gpt-slow'), prompt: 'hi', maxRetries: 0 });
    let text = '';
    for await (const d of s.textStream) text += d;
    expect(text).toBe(REPLY);
    expect((await s.usage).outputTokens).toBe(REPLY_WORDS.length);

    const e = await embedMany({
      model: compatible.embeddingModel('text-embedding-3-small'),
      values: ['x', 'y'],
      maxRetries: 0,
    });
    expect(e.embeddings).toHaveLength(2);
    expect(e.embeddings[0]).toHaveLength(8);
  });

  it('relay errors surface as APICallError with status and OpenAI message', async () => {
    const err = await generateText({
      model: openai.chat('gpt-unknown'),
      prompt: 'x',
      maxRetries: 0,
    }).catch((e: unknown) => e);
    expect(APICallError.isInstance(err)).toBe(true);
    expect((err as APICallError).statusCode).toBe(404);
    expect((err as APICallError).isRetryable).toBe(false);
    expect((err as APICallError).message).toContain('gpt-unknown');
  });
});
