import type { AIMessageChunk } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
import { embeddingOf } from '@switchboard/test/mock-upstreams/openai/replies';
import {
  type MockOpenAI,
  REPLY_WORDS,
  startMockOpenAI,
} from '@switchboard/test/mock-upstreams/openai/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RelayFixture } from '../testing/relay-fixture.js';

const REPLY = REPLY_WORDS.join('');

/** LangChain's OpenAI integration pointed at the relay, unchanged but for baseURL. */
describe('LangChain @langchain/openai through the relay', () => {
  const fx = new RelayFixture('compat-lc');
  let mock: MockOpenAI;
  let key: string;
  const chat = (extra: ConstructorParameters<typeof ChatOpenAI>[0] = {}) =>
    new ChatOpenAI({
      model: 'gpt-4o',
      apiKey: key,
      configuration: { baseURL: fx.v1 },
      maxRetries: 0,
      ...extra,
    });

  beforeAll(async () => {
    mock = await startMockOpenAI({ keys: ['sk-up-1'] });
    await fx.publishSnapshot([
      { id: 1, baseUrl: mock.url, keys: ['sk-up-1'], models: ['gpt-4o', 'text-embedding-3-small'] },
    ]);
    key = await fx.token({ userId: 1, tokenId: 11, userQuota: 50_000_000 });
    await fx.startInProcess();
  });
  afterAll(async () => {
    await fx.stop();
    await mock.close();
  });

  it('ChatOpenAI.invoke: content and usage_metadata', async () => {
    const msg = await chat().invoke('hello');
    expect(msg.content).toBe(REPLY);
    expect(msg.usage_metadata?.output_tokens).toBe(REPLY_WORDS.length);
    expect(msg.usage_metadata?.input_tokens).toBeGreaterThan(0);
    expect(msg.response_metadata.finish_reason).toBe('stop');
  });

  it('ChatOpenAI.stream with streamUsage: chunks in order, usage on the stream', async () => {
    const parts: string[] = [];
    let usage: AIMessageChunk['usage_metadata'];
    for await (const chunk of await chat({ streamUsage: true }).stream('stream please')) {
      if (typeof chunk.content === 'string' && chunk.content) parts.push(chunk.content);
      if (chunk.usage_metadata) usage = chunk.usage_metadata;
    }
    expect(parts.join('')).toBe(REPLY);
    expect(parts.length).toBeGreaterThan(1);
    expect(usage?.output_tokens).toBe(REPLY_WORDS.length);
    expect(mock.requests.at(-1)!.body!.stream_options).toEqual({ include_usage: true });
    const rec = await fx.waitForRecord((r) => r.stream && r.endpoint === 'chat.completions');
    expect(rec).toMatchObject({ completionTokens: REPLY_WORDS.length, usageEstimated: false });
  });

  it('ChatOpenAI.stream with streamUsage off: no usage to LangChain, the relay still bills from upstream', async () => {
    let sawUsage = false;
    let text = '';
    for await (const chunk of await chat({ streamUsage: false }).stream('quiet stream')) {
      if (typeof chunk.content === 'string') text += chunk.content;
      if (chunk.usage_metadata) sawUsage = true;
    }
    expect(text).toBe(REPLY);
    expect(sawUsage).toBe(false);
    // The relay asked upstream for usage itself and kept that chunk from the client.
    expect(mock.requests.at(-1)!.body!.stream_options).toEqual({ include_usage: true });
    // Both streams so far (with and without usage for the client) billed from upstream counts.
    const streamed = async () =>
      (await fx.usageRecords()).filter((r) => r.stream && r.endpoint === 'chat.completions');
    for (let i = 0; i < 200 && (await streamed()).length < 2; i++)
      await new Promise((r) => setTimeout(r, 25));
    const records = await streamed();
    expect(records).toHaveLength(2);
    for (const r of records)
      expect(r).toMatchObject({
        usageEstimated: false,
        completionTokens: REPLY_WORDS.length,
        status: 'success',
      });
  });

  it('bindTools with a zod tool: tool_calls parsed, invoke and stream', async () => {
    const lookup = tool(async ({ echo }) => String(echo), {
      name: 'lookup',
      description: 'Looks a thing up',
      schema: z.object({ echo: z.boolean() }),
    });
    const withTools = chat().bindTools([lookup]);
    const msg = await withTools.invoke('use the tool');
    expect(msg.tool_calls).toEqual([
      expect.objectContaining({ name: 'lookup', args: { echo: true }, id: 'call_mock1' }),
    ]);
    const sent = mock.requests.at(-1)!.body!.tools as Array<{
      function: { name: string; parameters: unknown };
    }>;
    expect(sent[0]!.function).toMatchObject({
      name: 'lookup',
      parameters: { type: 'object', properties: { echo: { type: 'boolean' } } },
    });

    let merged: AIMessageChunk | undefined;
    for await (const chunk of await withTools.stream('use the tool'))
      merged = merged ? merged.concat(chunk) : chunk;
    expect(merged?.tool_calls).toEqual([expect.objectContaining({ name: 'lookup', args: { echo: true } })]);
  });

  it('OpenAIEmbeddings asks for base64 and gets the right floats back', async () => {
    const embeddings = new OpenAIEmbeddings({
      model: 'text-embedding-3-small',
      apiKey: key,
      configuration: { baseURL: fx.v1 },
      maxRetries: 0,
    });
    const docs = await embeddings.embedDocuments(['alpha', 'beta']);
    const sent = mock.requests.at(-1)!.body!;
    // The openai SDK under LangChain asks for base64 unless told otherwise, and decodes it.
    expect(sent.encoding_format).toBe('base64');
    expect(docs).toHaveLength(2);
    // float32 on the wire: compare with the upstream's vectors rounded to float32.
    expect(docs[0]).toEqual(embeddingOf('alpha', 8).map(Math.fround));
    expect(docs[1]).toEqual(embeddingOf('beta', 8).map(Math.fround));
    const q = await embeddings.embedQuery('alpha');
    expect(q).toEqual(docs[0]);
  });

  it('a relay error reaches LangChain as the OpenAI error (status and code)', async () => {
    const err = await chat({ model: 'gpt-unknown' })
      .invoke('x')
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 404, code: 'model_not_found' });
  });
});
