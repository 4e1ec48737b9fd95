import { type AzureMock, startAzureMock } from '@switchboard/test/mock-upstreams/azure/server';
import OpenAI from 'openai';
import type { UsageRecord } from '@switchboard/shared/usage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayFixture } from '../../testing/relay-fixture.js';

/** Azure OpenAI channels behind the relay, driven by the official openai client. */
describe('azure through the relay', () => {
  const fx = new RelayFixture('azure');
  let ok: AzureMock;
  let noQuota: AzureMock;
  let limited: AzureMock;
  let client: OpenAI;
  let key: string;

  beforeAll(async () => {
    [ok, noQuota, limited] = await Promise.all([startAzureMock(), startAzureMock(), startAzureMock()]);
    noQuota.setMode('quota_exhausted');
    limited.setMode('rate_limit');
    const azure = { type: 'azure', config: { apiVersion: '2024-10-21' } };
    await fx.publishSnapshot([
      // Clients ask for text-embedding-3-small; this resource's deployment is called my-embeddings.
      {
        ...azure,
        id: 1,
        baseUrl: ok.url,
        keys: [ok.apiKey],
        models: ['gpt-4o', 'text-embedding-3-small'],
        modelMapping: { 'text-embedding-3-small': 'my-embeddings' },
      },
      {
        ...azure,
        id: 2,
        baseUrl: noQuota.url,
        keys: [noQuota.apiKey],
        models: ['gpt-4o-failover'],
        priority: 10,
        modelMapping: { 'gpt-4o-failover': 'gpt-4o' },
      },
      {
        ...azure,
        id: 3,
        baseUrl: ok.url,
        keys: [ok.apiKey],
        models: ['gpt-4o-failover'],
        modelMapping: { 'gpt-4o-failover': 'gpt-4o' },
      },
      {
        ...azure,
        id: 4,
        baseUrl: limited.url,
        keys: [limited.apiKey],
        models: ['gpt-4o-limited'],
        modelMapping: { 'gpt-4o-limited': 'gpt-4o' },
      },
    ]);
    key = await fx.token({ userId: 3, tokenId: 31, userQuota: 100_000_000 });
    await fx.startInProcess();
    client = new OpenAI({ apiKey: key, baseURL: fx.v1, maxRetries: 0 });
  });
  afterAll(async () => {
    await fx.stop();
    await Promise.all([ok.close(), noQuota.close(), limited.close()]);
  });

  it('non-stream and stream', async () => {
    const r = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hello' }],
    });
    expect(r.choices[0]!.message.content).toBe('Hello! You said: hello');
    expect(ok.requests.at(-1)!.path).toBe(
      '/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21',
    );

    const stream = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi there' }],
      stream: true,
    });
    let text = '';
    let sawUsage = false;
    for await (const c of stream) {
      text += c.choices[0]?.delta.content ?? '';
      if (c.usage) sawUsage = true;
    }
    expect(text).toBe('Hello! You said: hi there');
    expect(sawUsage).toBe(false);
    const records = await fx.waitForRecords(2);
    expect(records.find((x) => x.stream)).toMatchObject({ completionTokens: 5, usageEstimated: false });
  });

  it('tools and embeddings (deployment from the model mapping)', async () => {
    const tools: OpenAI.ChatCompletionTool[] = [
      { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } },
    ];
    const first = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Weather?' }],
      tools,
    });
    expect(first.choices[0]!.message.tool_calls![0]!.type).toBe('function');
    const emb = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'hello' });
    expect(emb.data[0]!.embedding).toHaveLength(8);
    expect(ok.requests.at(-1)!.path).toBe(
      '/openai/deployments/my-embeddings/embeddings?api-version=2024-10-21',
    );
  });

  it('an exhausted quota fails over; a rate limit reaches the SDK as RateLimitError', async () => {
    const r = await client.chat.completions.create({
      model: 'gpt-4o-failover',
      messages: [{ role: 'user', content: 'hello' }],
    });
    expect(r.choices[0]!.message.content).toBe('Hello! You said: hello');
    const rec = await recordFor(fx, 'gpt-4o-failover');
    expect(rec.attempts.map((a) => a.channelId)).toEqual([2, 3]);

    const err = await client.chat.completions
      .create({ model: 'gpt-4o-limited', messages: [{ role: 'user', content: 'hi' }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.RateLimitError);
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
