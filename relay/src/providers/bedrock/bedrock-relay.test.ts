import {
  BEDROCK_SESSION_KEY,
  BEDROCK_TEST_KEY,
  type BedrockMock,
  startMockBedrock,
} from '@switchboard/test/mock-upstreams/bedrock/server';
import { CN_REPLY, CN_REPLY_CHUNKS } from '@switchboard/test/mock-upstreams/cn-kit';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayFixture } from '../../testing/relay-fixture.js';
import { cnRelaySuite } from '../cn-common/relay-suite.js';

// The shared provider suite (non-stream, stream + [DONE], failover from an account Bedrock
// refuses for payment, 429 and 400 as SDK error classes, tools) with the official openai client.
cnRelaySuite({
  type: 'bedrock',
  model: 'anthropic.claude-3-haiku-20240307-v1:0',
  key: `${BEDROCK_TEST_KEY.accessKeyId}|${BEDROCK_TEST_KEY.secretAccessKey}`,
  start: () => startMockBedrock({ region: 'eu-central-1' }),
  reply: CN_REPLY,
  config: { region: 'eu-central-1' },
  tools: true,
  badMessages: [],
  badMessageText: /must start with a user message/,
});

describe('bedrock through the relay: cache billing, temporary credentials, mid-stream exceptions', () => {
  const fx = new RelayFixture('bedrock-x');
  const MODEL = 'us.anthropic.claude-sonnet-4-20250514-v1:0';
  let mock: BedrockMock;
  let broken: BedrockMock;
  let throttledFirst: BedrockMock;
  let client: OpenAI;

  beforeAll(async () => {
    [mock, broken, throttledFirst] = await Promise.all([
      startMockBedrock(),
      startMockBedrock(),
      startMockBedrock(),
    ]);
    broken.setMode({ errorAfterChunks: 1 });
    // An exception frame before messageStart: nothing has reached the client yet.
    throttledFirst.setMode({ errorAfterChunks: -1 });
    const session = `${BEDROCK_SESSION_KEY.accessKeyId}|${BEDROCK_SESSION_KEY.secretAccessKey}|${BEDROCK_SESSION_KEY.sessionToken}`;
    await fx.publishSnapshot([
      // Region from the channel field, base URL left to the admin (loopback here).
      {
        type: 'bedrock',
        id: 1,
        baseUrl: mock.url,
        keys: [session],
        models: [MODEL],
        config: { region: 'us-east-1' },
      },
      {
        type: 'bedrock',
        id: 2,
        baseUrl: broken.url,
        keys: [`${BEDROCK_TEST_KEY.accessKeyId}|${BEDROCK_TEST_KEY.secretAccessKey}`],
        models: ['bedrock-broken'],
        modelMapping: { 'bedrock-broken': MODEL },
        config: { region: 'us-east-1' },
      },
      {
        type: 'bedrock',
        id: 3,
        baseUrl: throttledFirst.url,
        keys: [`${BEDROCK_TEST_KEY.accessKeyId}|${BEDROCK_TEST_KEY.secretAccessKey}`],
        models: ['bedrock-failover'],
        modelMapping: { 'bedrock-failover': MODEL },
        config: { region: 'us-east-1' },
        priority: 10,
      },
      {
        type: 'bedrock',
        id: 4,
        baseUrl: mock.url,
        keys: [`${BEDROCK_TEST_KEY.accessKeyId}|${BEDROCK_TEST_KEY.secretAccessKey}`],
        models: ['bedrock-failover'],
        modelMapping: { 'bedrock-failover': MODEL },
        config: { region: 'us-east-1' },
      },
    ]);
    const key = await fx.token({ userId: 1, tokenId: 11, userQuota: 100_000_000 });
    await fx.startInProcess();
    client = new OpenAI({ apiKey: key, baseURL: fx.v1, maxRetries: 0 });
  });
  afterAll(async () => {
    await fx.stop();
    await Promise.all([mock.close(), broken.close(), throttledFirst.close()]);
  });

  it('cache reads and writes reach the client and the usage record', async () => {
    mock.setCache({ read: 1000, write: 200 });
    const r = await client.chat.completions.create({
      model: MODEL,
      messages: [{ role: 'user', content: 'Hi' }],
    });
    mock.setCache(null);
    expect(r.usage).toMatchObject({
      prompt_tokens: 1202,
      completion_tokens: 3,
      prompt_tokens_details: { cached_tokens: 1000 },
    });
    // The channel's key carried a session token: it was sent (and the mock checked it).
    expect(mock.requests.at(-1)!.headers['x-amz-security-token']).toBe(BEDROCK_SESSION_KEY.sessionToken);
    const rec = await fx.waitForRecord((x) => x.model === MODEL && !x.stream);
    expect(rec).toMatchObject({
      promptTokens: 1202,
      cachedTokens: 1000,
      cacheWriteTokens: 200,
      completionTokens: 3,
      usageEstimated: false,
    });
  });

  it('a throttlingException frame mid-stream reaches the SDK as an error after the first delta', async () => {
    const stream = await client.chat.completions.create({
      model: 'bedrock-broken',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
    });
    let text = '';
    const err = await (async () => {
      for await (const c of stream) text += c.choices[0]?.delta.content ?? '';
    })().catch((e: unknown) => e);
    expect(text).toBe(CN_REPLY_CHUNKS[0]);
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect((err as Error).message).toMatch(/rate limit/i);
    const rec = await fx.waitForRecord((x) => x.model === 'bedrock-broken');
    expect(rec).toMatchObject({ status: 'partial', stream: true });
  });

  it('a stream throttled in its first frame fails over before any byte reaches the client', async () => {
    const stream = await client.chat.completions.create({
      model: 'bedrock-failover',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
    });
    let text = '';
    for await (const c of stream) text += c.choices[0]?.delta.content ?? '';
    expect(text).toBe(CN_REPLY);
    const rec = await fx.waitForRecord((x) => x.model === 'bedrock-failover');
    expect(rec).toMatchObject({ status: 'success', channelId: 4 });
    expect(rec!.attempts.map((a) => a.channelId)).toEqual([3, 4]);
  });
});
