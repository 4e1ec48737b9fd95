import { type AnthropicMock, startAnthropicMock } from '@switchboard/test/mock-upstreams/anthropic/server';
import OpenAI from 'openai';
import type { UsageRecord } from '@switchboard/shared/usage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayFixture } from '../../testing/relay-fixture.js';

/** Anthropic channels behind the relay, driven by the official openai client. */
describe('anthropic through the relay', () => {
  const fx = new RelayFixture('anthropic');
  const MODEL = 'claude-sonnet-4-20250514';
  let ok: AnthropicMock;
  let broke: AnthropicMock;
  let limited: AnthropicMock;
  let overloaded: AnthropicMock;
  let client: OpenAI;
  let key: string;

  beforeAll(async () => {
    [ok, broke, limited, overloaded] = await Promise.all([
      startAnthropicMock(),
      startAnthropicMock(),
      startAnthropicMock(),
      startAnthropicMock(),
    ]);
    overloaded.setMode('stream_error_first');
    broke.setMode('credit_exhausted');
    limited.setMode('rate_limit');
    const anthropic = { type: 'anthropic' };
    await fx.publishSnapshot([
      { ...anthropic, id: 1, baseUrl: ok.url, keys: [ok.apiKey], models: [MODEL] },
      // Failover pair: the high-priority channel's account has no credit left.
      {
        ...anthropic,
        id: 2,
        baseUrl: broke.url,
        keys: [broke.apiKey],
        models: ['claude-failover'],
        modelMapping: { 'claude-failover': MODEL },
        priority: 10,
      },
      {
        ...anthropic,
        id: 3,
        baseUrl: ok.url,
        keys: [ok.apiKey],
        models: ['claude-failover'],
        modelMapping: { 'claude-failover': MODEL },
      },
      { ...anthropic, id: 4, baseUrl: limited.url, keys: [limited.apiKey], models: ['claude-limited'] },
      // Streams: this one answers 200 and then an overloaded_error event.
      {
        ...anthropic,
        id: 5,
        baseUrl: overloaded.url,
        keys: [overloaded.apiKey],
        models: ['claude-stream'],
        modelMapping: { 'claude-stream': MODEL },
        priority: 10,
      },
      {
        ...anthropic,
        id: 6,
        baseUrl: ok.url,
        keys: [ok.apiKey],
        models: ['claude-stream'],
        modelMapping: { 'claude-stream': MODEL },
      },
    ]);
    key = await fx.token({ userId: 1, tokenId: 11, userQuota: 100_000_000 });
    await fx.startInProcess();
    client = new OpenAI({ apiKey: key, baseURL: fx.v1, maxRetries: 0 });
  });
  afterAll(async () => {
    await fx.stop();
    await Promise.all([ok.close(), broke.close(), limited.close(), overloaded.close()]);
  });

  it('non-stream: answer, and cache reads/writes billed as prompt tokens', async () => {
    ok.setMode('ok', { cacheReadTokens: 300, cacheWriteTokens: 40 });
    const r = await client.chat.completions.create({
      model: MODEL,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hello' },
      ],
    });
    ok.setMode('ok');
    expect(r.choices[0]!.message.content).toBe('Hello! You said: hello');
    expect(r.usage).toMatchObject({ completion_tokens: 4, prompt_tokens_details: { cached_tokens: 300 } });
    const [rec] = await fx.waitForRecords(1);
    expect(rec).toMatchObject({
      status: 'success',
      channelId: 1,
      promptTokens: r.usage!.prompt_tokens,
      cachedTokens: 300,
      cacheWriteTokens: 40,
      completionTokens: 4,
      usageEstimated: false,
    });
    expect(r.usage!.prompt_tokens).toBeGreaterThan(340);
  });

  it('stream: deltas in order, usage chunk only when asked, [DONE] at the end', async () => {
    const stream = await client.chat.completions.create({
      model: MODEL,
      messages: [{ role: 'user', content: 'hi there' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: OpenAI.CompletionUsage | null | undefined;
    let finish: string | null | undefined;
    for await (const c of stream) {
      text += c.choices[0]?.delta.content ?? '';
      finish = c.choices[0]?.finish_reason ?? finish;
      if (c.usage) usage = c.usage;
    }
    expect(text).toBe('Hello! You said: hi there');
    expect(finish).toBe('stop');
    expect(usage?.completion_tokens).toBe(5);

    const raw = await fetch(`${fx.v1}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: MODEL, messages: [{ role: 'user', content: 'hi' }], stream: true }),
    });
    const body = await raw.text();
    expect(body.trimEnd().endsWith('data: [DONE]')).toBe(true);
    expect(body).not.toContain('"usage"');
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
    const first = await client.chat.completions.create({ model: MODEL, messages, tools });
    const call = first.choices[0]!.message.tool_calls![0]!;
    expect(first.choices[0]!.finish_reason).toBe('tool_calls');
    expect(call.type === 'function' && JSON.parse(call.function.arguments)).toEqual({ city: 'Paris' });
    messages.push(first.choices[0]!.message, { role: 'tool', tool_call_id: call.id, content: 'Sunny' });
    const second = await client.chat.completions.create({ model: MODEL, messages, tools });
    expect(second.choices[0]!.message.content).toBe('Hello! Tool said: Sunny');
  });

  it('an account without credit fails over, and the client never sees its balance error', async () => {
    const r = await client.chat.completions.create({
      model: 'claude-failover',
      messages: [{ role: 'user', content: 'hello' }],
    });
    expect(r.choices[0]!.message.content).toBe('Hello! You said: hello');
    const rec = await recordFor(fx, 'claude-failover');
    expect(rec.channelId).toBe(3);
    expect(rec.attempts.map((a) => a.channelId)).toEqual([2, 3]);
    expect(broke.requests.length).toBeGreaterThan(0);
  });

  it('a stream whose upstream opens with an overloaded error fails over before any byte is sent', async () => {
    const stream = await client.chat.completions.create({
      model: 'claude-stream',
      messages: [{ role: 'user', content: 'hello' }],
      stream: true,
    });
    let text = '';
    for await (const c of stream) text += c.choices[0]?.delta.content ?? '';
    expect(text).toBe('Hello! You said: hello');
    const rec = await recordFor(fx, 'claude-stream');
    expect(rec.attempts.map((a) => a.channelId)).toEqual([5, 6]);
  });

  it('upstream 429 reaches the SDK as a RateLimitError; a bad request as a BadRequestError', async () => {
    const limitedErr = await client.chat.completions
      .create({ model: 'claude-limited', messages: [{ role: 'user', content: 'hi' }] })
      .catch((e: unknown) => e);
    expect(limitedErr).toBeInstanceOf(OpenAI.RateLimitError);

    const bad = await client.chat.completions
      .create({ model: MODEL, messages: [{ role: 'user', content: 'hi' }], thinking: 'lots' } as never)
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(OpenAI.BadRequestError);
    expect((bad as InstanceType<typeof OpenAI.BadRequestError>).message).toMatch(/thinking/);
    expect((bad as Error).message).not.toContain(ok.apiKey);
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
