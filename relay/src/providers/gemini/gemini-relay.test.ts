import { type GeminiMock, startGeminiMock } from '@switchboard/test/mock-upstreams/gemini/server';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import type { UsageRecord } from '@switchboard/shared/usage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChannelInput, RelayFixture } from '../../testing/relay-fixture.js';

/** Gemini channels behind the relay, driven by the official openai client. */
describe('gemini through the relay', () => {
  const fx = new RelayFixture('gemini');
  const MODEL = 'gemini-2.5-flash';
  let ok: GeminiMock;
  let exhausted: GeminiMock;
  let limited: GeminiMock;
  let client: OpenAI;
  let key: string;
  let channels: ChannelInput[];
  let images: Server;

  beforeAll(async () => {
    [ok, exhausted, limited] = await Promise.all([startGeminiMock(), startGeminiMock(), startGeminiMock()]);
    exhausted.setMode('daily_quota');
    limited.setMode('rate_limit');
    const gemini = { type: 'gemini' };
    channels = [
      { ...gemini, id: 1, baseUrl: ok.url, keys: [ok.apiKey], models: [MODEL, 'text-embedding-004'] },
      {
        ...gemini,
        id: 2,
        baseUrl: exhausted.url,
        keys: [exhausted.apiKey],
        models: ['gemini-failover'],
        modelMapping: { 'gemini-failover': MODEL },
        priority: 10,
      },
      // A wrong key on the second tier: failing over to it must disable its key too.
      {
        ...gemini,
        id: 3,
        baseUrl: ok.url,
        keys: ['AIzaNotTheRightKey000000'],
        models: ['gemini-failover'],
        modelMapping: { 'gemini-failover': MODEL },
        priority: 5,
      },
      {
        ...gemini,
        id: 4,
        baseUrl: ok.url,
        keys: [ok.apiKey],
        models: ['gemini-failover'],
        modelMapping: { 'gemini-failover': MODEL },
      },
      { ...gemini, id: 5, baseUrl: limited.url, keys: [limited.apiKey], models: ['gemini-limited'] },
    ];
    await fx.publishSnapshot(channels);
    key = await fx.token({ userId: 2, tokenId: 21, userQuota: 100_000_000 });
    await fx.startInProcess();
    client = new OpenAI({ apiKey: key, baseURL: fx.v1, maxRetries: 0 });
  });
  afterAll(async () => {
    await fx.stop();
    images?.close();
    await Promise.all([ok.close(), exhausted.close(), limited.close()]);
  });

  it('non-stream: thinking tokens billed as reasoning inside completion tokens', async () => {
    ok.setMode('ok', { thoughtsTokens: 25 });
    const r = await client.chat.completions.create({
      model: MODEL,
      messages: [
        { role: 'developer', content: 'Be brief.' },
        { role: 'user', content: 'hello' },
      ],
    });
    ok.setMode('ok');
    expect(r.choices[0]!.message.content).toBe('Hello! You said: hello');
    expect(r.usage).toMatchObject({
      completion_tokens: 4 + 25,
      completion_tokens_details: { reasoning_tokens: 25 },
    });
    const [rec] = await fx.waitForRecords(1);
    expect(rec).toMatchObject({ status: 'success', channelId: 1, completionTokens: 29, reasoningTokens: 25 });
  });

  it('stream: deltas, finish, usage when asked, [DONE]', async () => {
    const stream = await client.chat.completions.create({
      model: MODEL,
      messages: [{ role: 'user', content: 'hi there' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const c of stream) {
      text += c.choices[0]?.delta.content ?? '';
      if (c.usage) usage = c.usage;
    }
    expect(text).toBe('Hello! You said: hi there');
    expect(usage?.completion_tokens).toBe(5);
    const raw = await fetch(`${fx.v1}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: MODEL, messages: [{ role: 'user', content: 'hi' }], stream: true }),
    });
    expect((await raw.text()).trimEnd().endsWith('data: [DONE]')).toBe(true);
  });

  it('tools both ways through the SDK', async () => {
    const tools: OpenAI.ChatCompletionTool[] = [
      {
        type: 'function',
        function: {
          name: 'get_weather',
          parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
        },
      },
    ];
    const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: 'Weather in Paris?' }];
    const first = await client.chat.completions.create({
      model: MODEL,
      messages,
      tools,
      tool_choice: 'required',
    });
    const call = first.choices[0]!.message.tool_calls![0]!;
    expect(call.type === 'function' && call.function.name).toBe('get_weather');
    messages.push(first.choices[0]!.message, {
      role: 'tool',
      tool_call_id: call.id,
      content: '{"sky":"clear"}',
    });
    const second = await client.chat.completions.create({ model: MODEL, messages, tools });
    expect(second.choices[0]!.message.content).toBe('Hello! Tool said: {"sky":"clear"}');
  });

  it('embeddings: the SDK asks for base64 and decodes it; floats when asked', async () => {
    const viaSdk = await client.embeddings.create({
      model: 'text-embedding-004',
      input: ['a', 'b'],
      dimensions: 4,
    });
    const floats = await client.embeddings.create({
      model: 'text-embedding-004',
      input: ['a', 'b'],
      dimensions: 4,
      encoding_format: 'float',
    });
    expect(viaSdk.data).toHaveLength(2);
    expect(viaSdk.data[1]!.embedding).toEqual(floats.data[1]!.embedding.map((v) => Math.fround(v)));
  });

  it('exhausted daily quota, then a dead key: fails over twice and answers', async () => {
    const r = await client.chat.completions.create({
      model: 'gemini-failover',
      messages: [{ role: 'user', content: 'hello' }],
    });
    expect(r.choices[0]!.message.content).toBe('Hello! You said: hello');
    const rec = await recordFor(fx, 'gemini-failover');
    expect(rec.channelId).toBe(4);
    expect(rec.attempts.map((a) => a.channelId)).toEqual([2, 3, 4]);
  });

  it('upstream 429 reaches the SDK as a RateLimitError; a bad field as a BadRequestError', async () => {
    const limitedErr = await client.chat.completions
      .create({ model: 'gemini-limited', messages: [{ role: 'user', content: 'hi' }] })
      .catch((e: unknown) => e);
    expect(limitedErr).toBeInstanceOf(OpenAI.RateLimitError);
    const bad = await client.chat.completions
      .create({
        model: MODEL,
        messages: [{ role: 'user', content: 'hi' }],
        generationConfig: { nope: 1 },
      } as never)
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(OpenAI.BadRequestError);
    expect((bad as Error).message).not.toContain(ok.apiKey);
  });

  it('image URLs are fetched through the SSRF guard: loopback refused, allowed once the option is on', async () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(8)]);
    images = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(png);
    });
    await new Promise<void>((r) => images.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(images.address() as AddressInfo).port}/cat.png`;
    const ask = () =>
      client.chat.completions.create({
        model: MODEL,
        messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url } }] }],
      });
    const refused = await ask().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OpenAI.BadRequestError);
    expect((refused as Error).message).toMatch(/Image URL refused/);

    await fx.publishSnapshot(channels, { options: { allowPrivateImageFetch: true } as never });
    const deadline = Date.now() + 5_000;
    let answer: OpenAI.ChatCompletion | null = null;
    while (!answer && Date.now() < deadline) answer = await ask().catch(() => null);
    expect(answer).not.toBeNull();
    expect(answer!.choices[0]!.message.content).toContain('[image/png]');
    const sent = ok.requests.at(-1)!.body as { contents: Array<{ parts: Array<Record<string, unknown>> }> };
    expect(sent.contents[0]!.parts[0]).toEqual({
      inlineData: { mimeType: 'image/png', data: png.toString('base64') },
    });
  });
});

/** The usage record of the request made for `model` (records are written just after the reply). */
async function recordFor(fx: RelayFixture, model: string): Promise<UsageRecord> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const rec = (await fx.usageRecords()).find((r) => r.model === model);
    if (rec) return rec;
    if (Date.now() > deadline) throw new Error(`no usage record for ${model}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
