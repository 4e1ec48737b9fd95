import {
  startMockOpenAI,
  type MockOpenAI,
  REPLY_WORDS,
} from '@switchboard/test/mock-upstreams/openai/server';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayFixture } from '../testing/relay-fixture.js';

const REPLY = REPLY_WORDS.join('');

describe('relay routes through the official openai client', () => {
  const fx = new RelayFixture('routes');
  let mock: MockOpenAI;
  let client: OpenAI;
  let key: string;

  beforeAll(async () => {
    mock = await startMockOpenAI({ keys: ['sk-upstream-1'] });
    await fx.publishSnapshot(
      [
        {
          id: 1,
          baseUrl: mock.url,
          keys: ['sk-upstream-1'],
          models: [
            'gpt-4o',
            'gpt-4o-mini',
            'text-embedding-3-small',
            'dall-e-3',
            'tts-1',
            'whisper-1',
            'omni-moderation-latest',
          ],
          modelMapping: { 'gpt-4o-mini': 'gpt-4o' },
        },
      ],
      {
        prices: [
          { model: 'gpt-4o', modelRatio: '1.25', completionRatio: '4', defaultMaxOutputTokens: 256 },
          { model: 'gpt-4o-mini', modelRatio: '0.075', completionRatio: '4', defaultMaxOutputTokens: 256 },
          { model: 'text-embedding-3-small', modelRatio: '0.01' },
          {
            model: 'dall-e-3',
            modelRatio: '1',
            imagePrices: { '1024x1024|standard': '20000', '*': '40000' },
          },
          { model: 'tts-1', modelRatio: '7.5', audioPer1kCharsQuota: '7500' },
          { model: 'whisper-1', modelRatio: '15', audioPerMinuteQuota: '3000' },
          { model: 'omni-moderation-latest', modelRatio: '0' },
        ] as never,
      },
    );
    key = await fx.token({ userId: 1, tokenId: 11, userQuota: 10_000_000, tokenQuota: 5_000_000 });
    await fx.startInProcess();
    client = new OpenAI({ apiKey: key, baseURL: fx.v1, maxRetries: 0 });
  });
  afterAll(async () => {
    await fx.stop();
    await mock.close();
  });

  it('chat completion, non-stream: bytes relayed, usage billed, record written', async () => {
    const before = await fx.userQuota(1);
    const r = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hello' }],
    });
    expect(r.choices[0]!.message.content).toBe(REPLY);
    const [rec] = await fx.waitForRecords(1);
    expect(rec).toMatchObject({
      status: 'success',
      model: 'gpt-4o',
      channelId: 1,
      completionTokens: REPLY_WORDS.length,
      usageEstimated: false,
    });
    // 1.25 × (prompt + completion × 4), group ratio 1
    expect(BigInt(rec!.quota)).toBe(
      BigInt(Math.ceil(1.25 * (rec!.promptTokens + rec!.completionTokens * 4))),
    );
    expect(before - (await fx.userQuota(1))).toBe(BigInt(rec!.quota));
  });

  it('chat completion stream: events in order, [DONE], usage chunk only when asked', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
    let text = '';
    let sawUsage = false;
    for await (const c of stream) {
      text += c.choices[0]?.delta.content ?? '';
      if (c.usage) sawUsage = true;
    }
    expect(text).toBe(REPLY);
    expect(sawUsage).toBe(false);
    // The gateway asked upstream for usage on the client's behalf.
    expect(mock.requests.at(-1)!.body!.stream_options).toEqual({ include_usage: true });

    const withUsage = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let usage: OpenAI.CompletionUsage | null | undefined = null;
    for await (const c of withUsage) if (c.usage) usage = c.usage;
    expect(usage?.completion_tokens).toBe(REPLY_WORDS.length);

    const raw = await fetch(`${fx.v1}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], stream: true }),
    });
    expect(raw.headers.get('content-type')).toContain('text/event-stream');
    expect(raw.headers.get('x-accel-buffering')).toBe('no');
    expect(raw.headers.get('x-request-id')).toMatch(/^req_/);
    expect((await raw.text()).trimEnd().endsWith('data: [DONE]')).toBe(true);
  });

  it('model mapping rewrites only model; unknown fields pass through', async () => {
    await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'x' }],
      // @ts-expect-error fields the SDK does not know must still arrive upstream
      vendor_extension: { nested: [1, 'two', null] },
      temperature: 0.3,
    });
    const sent = mock.requests.at(-1)!.body!;
    expect(sent.model).toBe('gpt-4o');
    expect(sent.vendor_extension).toEqual({ nested: [1, 'two', null] });
    expect(sent.temperature).toBe(0.3);
  });

  it('tool calls, streamed', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'weather?' }],
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object' } } }],
      stream: true,
    });
    let args = '';
    let name = '';
    for await (const c of stream) {
      const call = c.choices[0]?.delta.tool_calls?.[0];
      if (call?.function?.name) name = call.function.name;
      args += call?.function?.arguments ?? '';
    }
    expect(name).toBe('get_weather');
    expect(JSON.parse(args)).toEqual({ echo: true });
  });

  it('completions, embeddings (float and base64), moderations', async () => {
    const c = await client.completions.create({ model: 'gpt-4o', prompt: 'say hi' });
    expect(c.choices[0]!.text).toBe(REPLY);
    const e = await client.embeddings.create({ model: 'text-embedding-3-small', input: ['a', 'b'] });
    expect(e.data).toHaveLength(2);
    expect(e.data[0]!.embedding).toHaveLength(8);
    const b64 = await client.embeddings.create({
      model: 'text-embedding-3-small',
      input: 'a',
      encoding_format: 'base64',
    });
    expect(typeof b64.data[0]!.embedding).toBe('string');
    const m = await client.moderations.create({
      model: 'omni-moderation-latest',
      input: 'I will kill the process',
    });
    expect(m.results[0]!.flagged).toBe(true);
  });

  it('images are priced per image, speech comes back as binary, transcription via multipart', async () => {
    const before = await fx.userQuota(1);
    const img = await client.images.generate({ model: 'dall-e-3', prompt: 'a cat', n: 2, size: '1024x1024' });
    expect(img.data).toHaveLength(2);
    const records = await fx.waitForRecords(999, 300);
    const imgRec = records.find((r) => r.endpoint === 'images.generations')!;
    expect(imgRec.quota).toBe('40000');
    expect(before - (await fx.userQuota(1))).toBe(40000n);

    const speech = await client.audio.speech.create({ model: 'tts-1', voice: 'alloy', input: 'hello there' });
    const bytes = Buffer.from(await speech.arrayBuffer());
    expect(bytes.subarray(0, 3).toString()).toBe('ID3');

    const t = await client.audio.transcriptions.create({
      model: 'whisper-1',
      file: new File([Buffer.alloc(48_000)], 'a.mp3', { type: 'audio/mpeg' }),
    });
    expect(t.text).toContain('48000 bytes');
    const tr = await client.audio.translations.create({
      model: 'whisper-1',
      file: new File([Buffer.alloc(1000)], 'b.mp3', { type: 'audio/mpeg' }),
    });
    expect(tr.text).toContain('1000 bytes');
  });

  it('responses: create, follow-up to the same channel, stream usage from response.completed, get and delete', async () => {
    const first = await client.responses.create({ model: 'gpt-4o', input: 'hello' });
    expect(first.output_text).toBe(REPLY);
    expect(await fx.redis.get(fx.keys.responseOwner(first.id))).toBe('1:1');
    const stream = await client.responses.create({
      model: 'gpt-4o',
      input: 'again',
      previous_response_id: first.id,
      stream: true,
    });
    let done = false;
    for await (const ev of stream) if (ev.type === 'response.completed') done = true;
    expect(done).toBe(true);
    const got = await client.responses.retrieve(first.id);
    expect(got.id).toBe(first.id);
    await client.responses.delete(first.id);
    await expect(client.responses.retrieve(first.id)).rejects.toMatchObject({ status: 404 });
    const records = await fx.waitForRecords(999, 300);
    const streamed = records.filter((r) => r.endpoint === 'responses' && r.stream);
    expect(streamed.at(-1)).toMatchObject({
      completionTokens: REPLY_WORDS.length,
      usageEstimated: false,
      status: 'success',
    });
  });

  it('models list shows only what the token may use; billing endpoints answer', async () => {
    const limited = await fx.token({
      userId: 2,
      tokenId: 21,
      userQuota: 1000,
      record: { models: ['gpt-4o', 'not-routed'] },
    });
    const c2 = new OpenAI({ apiKey: limited, baseURL: fx.v1, maxRetries: 0 });
    const list = await c2.models.list();
    expect(list.data.map((m) => m.id)).toEqual(['gpt-4o']);
    expect((await c2.models.retrieve('gpt-4o')).id).toBe('gpt-4o');
    await expect(c2.models.retrieve('dall-e-3')).rejects.toMatchObject({ status: 404 });
    await expect(c2.embeddings.create({ model: 'text-embedding-3-small', input: 'x' })).rejects.toMatchObject(
      { status: 403, code: 'model_not_allowed' },
    );

    const sub = await fetch(`${fx.url}/dashboard/billing/subscription`, {
      headers: { authorization: `Bearer ${key}` },
    });
    const subBody = (await sub.json()) as { hard_limit_usd: number };
    expect(subBody.hard_limit_usd).toBeGreaterThan(0);
    const usage = await fetch(`${fx.url}/dashboard/billing/usage`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(((await usage.json()) as { total_usage: number }).total_usage).toBeGreaterThan(0);
  });

  it('errors: OpenAI error objects with the right status and headers', async () => {
    const bad = new OpenAI({ apiKey: 'sk-nope', baseURL: fx.v1, maxRetries: 0 });
    await expect(bad.models.list()).rejects.toMatchObject({ status: 401, code: 'invalid_api_key' });
    await expect(
      client.chat.completions.create({ model: 'no-such-model', messages: [] }),
    ).rejects.toMatchObject({
      status: 404,
      code: 'model_not_found',
    });
    const broken = await fetch(`${fx.v1}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: '{"model":',
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
    const preflight = await fetch(`${fx.v1}/chat/completions`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.example',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');

    const poor = await fx.token({ userId: 3, tokenId: 31, userQuota: 10 });
    const r = await fetch(`${fx.v1}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${poor}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(r.status).toBe(429);
    expect(r.headers.get('x-should-retry')).toBe('false');
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('insufficient_quota');
  });
});
