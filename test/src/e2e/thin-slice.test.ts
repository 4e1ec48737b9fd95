import { redisKeys, userShard } from '@switchboard/shared/redis-keys';
import { Redis } from 'ioredis';
import type { Connection } from 'mysql2/promise';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { type MockOpenAI, REPLY_WORDS, startMockOpenAI } from '../mock-upstreams/openai/server.js';
import { type CreatedToken, createCustomer, createOpenAIChannel, createToken } from '../support/fixtures.js';
import type { GraphQLClient } from '../support/graphql-client.js';
import { connectMysql } from '../support/mysql.js';
import { Stack } from '../support/stack.js';
import { waitFor } from '../support/wait.js';

/**
 * One request through every process for real: GraphQL creates a channel and a token, the api
 * pushes the config to Redis, the relay (two workers) serves the official OpenAI client from
 * the mock upstream, reserves and settles quota in Redis, and the api's usage writer puts the
 * record into MySQL.
 */
const UPSTREAM_KEY = 'sk-upstream-thin-slice';
const TOKEN_QUOTA = 50_000_000n;
const USER_QUOTA = 80_000_000n;

describe('thin slice: GraphQL → config push → relay → upstream → usage in MySQL', () => {
  let stack: Stack;
  let mock: MockOpenAI;
  let root: GraphQLClient;
  let token: CreatedToken;
  let openai: OpenAI;
  let db: Connection;
  let redis: Redis;

  beforeAll(async () => {
    mock = await startMockOpenAI({ keys: [UPSTREAM_KEY] });
    stack = await Stack.start({ relayWorkers: 2 });
    root = await stack.rootClient();
    const customer = await createCustomer(root, 'thin-slice-customer', USER_QUOTA.toString());
    await createOpenAIChannel(root, {
      name: 'mock openai',
      baseUrl: mock.baseUrl,
      keys: [UPSTREAM_KEY],
      models: ['gpt-4o-mini'],
    });
    token = await createToken(root, {
      name: 'thin slice',
      userId: customer.id,
      remainQuota: TOKEN_QUOTA.toString(),
    });
    openai = new OpenAI({ apiKey: token.key, baseURL: stack.relayV1, maxRetries: 0 });
    db = await connectMysql(stack.databaseUrl);
    redis = new Redis(stack.redisUrl, { maxRetriesPerRequest: 2 });
    // The config push reaches both workers; until then a worker may answer 503.
    await waitFor(async () => {
      const res = await fetch(`${stack.relayV1}/models`, {
        headers: { authorization: `Bearer ${token.key}` },
      });
      return res.status === 200;
    }, 'relay serves the new token');
  });

  afterAll(async () => {
    redis?.disconnect();
    await db?.end();
    await stack?.stop();
    await mock?.close();
  });

  const showLogs = () => onTestFailed(() => console.error(stack.describeLogs()));

  async function usageRow(requestId: string) {
    return waitFor(async () => {
      const [rows] = await db.query('SELECT * FROM usage_logs WHERE request_id = ?', [requestId]);
      return (rows as Record<string, unknown>[])[0];
    }, `usage row ${requestId} in MySQL`);
  }

  async function balances() {
    const [[t]] = (await db.query('SELECT remain_quota, used_quota FROM tokens WHERE id = ?', [
      Number(token.id),
    ])) as unknown as [{ remain_quota: string; used_quota: string }[]];
    const [[u]] = (await db.query('SELECT quota, used_quota FROM users WHERE id = ?', [
      token.userId,
    ])) as unknown as [{ quota: string; used_quota: string }[]];
    return {
      tokenRemain: BigInt(t.remain_quota),
      tokenUsed: BigInt(t.used_quota),
      userQuota: BigInt(u.quota),
      userUsed: BigInt(u.used_quota),
    };
  }

  async function redisTokenQuota(): Promise<bigint> {
    const keys = redisKeys(stack.redisPrefix);
    const shards = Number(process.env.USAGE_SHARDS ?? 16);
    const value = await redis.get(keys.tokenQuota(userShard(token.userId, shards), Number(token.id)));
    return BigInt(value ?? '-1');
  }

  it('answers a non-stream chat completion and logs it with its exact cost', async () => {
    showLogs();
    const before = await balances();
    const { data, response } = await openai.chat.completions
      .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello there' }] })
      .withResponse();
    expect(data.choices[0].message.content).toBe(REPLY_WORDS.join(''));
    expect(data.usage?.completion_tokens).toBe(REPLY_WORDS.length);
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toBeTruthy();

    // What reached the upstream: the channel's key, the same model.
    const upstream = mock.requests.at(-1)!;
    expect(upstream.key).toBe(UPSTREAM_KEY);
    expect(upstream.body?.model).toBe('gpt-4o-mini');

    const row = await usageRow(requestId!);
    expect(row.status).toBe('success');
    expect(Number(row.stream)).toBe(0);
    expect(Number(row.prompt_tokens)).toBe(data.usage?.prompt_tokens);
    expect(Number(row.completion_tokens)).toBe(REPLY_WORDS.length);
    expect(row.model).toBe('gpt-4o-mini');
    expect(Number(row.token_id)).toBe(Number(token.id));
    const cost = BigInt(row.quota as string);
    expect(cost).toBeGreaterThan(0n);

    // MySQL converges to exactly the logged cost, on the token and on its owner.
    const after = await waitFor(async () => {
      const b = await balances();
      return b.tokenUsed - before.tokenUsed === cost ? b : undefined;
    }, 'token used quota in MySQL');
    expect(before.tokenRemain - after.tokenRemain).toBe(cost);
    expect(after.userUsed - before.userUsed).toBe(cost);
    expect(before.userQuota - after.userQuota).toBe(cost);
    // Redis holds the live balance, and it agrees with MySQL.
    expect(await redisTokenQuota()).toBe(after.tokenRemain);
  });

  it('streams a chat completion chunk by chunk and logs it', async () => {
    showLogs();
    const before = await balances();
    const { data: stream, response } = await openai.chat.completions
      .create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'Stream to me' }],
        stream: true,
      })
      .withResponse();
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    let text = '';
    let chunks = 0;
    for await (const chunk of stream) {
      chunks++;
      text += chunk.choices[0]?.delta?.content ?? '';
    }
    expect(text).toBe(REPLY_WORDS.join(''));
    expect(chunks).toBeGreaterThanOrEqual(REPLY_WORDS.length);

    const row = await usageRow(response.headers.get('x-request-id')!);
    expect(row.status).toBe('success');
    expect(Number(row.stream)).toBe(1);
    expect(Number(row.completion_tokens)).toBe(REPLY_WORDS.length);
    const cost = BigInt(row.quota as string);
    const after = await waitFor(async () => {
      const b = await balances();
      return b.tokenUsed - before.tokenUsed === cost ? b : undefined;
    }, 'token used quota in MySQL');
    expect(before.tokenRemain - after.tokenRemain).toBe(cost);
    expect(await redisTokenQuota()).toBe(after.tokenRemain);
  });

  it('lists the usage through GraphQL', async () => {
    showLogs();
    const data = await root.gql<{
      usageLogs: { edges: { node: { requestId: string; stream: boolean; quota: string } }[] };
    }>(
      'query Logs($filter: UsageLogFilter) { usageLogs(filter: $filter, first: 10) { edges { node { requestId stream quota } } } }',
      { filter: { tokenId: Number(token.id) } },
    );
    const logs = data.usageLogs.edges.map((e) => e.node);
    expect(logs).toHaveLength(2);
    expect(logs.map((l) => l.stream).sort()).toEqual([false, true]);
    expect(logs.every((l) => BigInt(l.quota) > 0n)).toBe(true);
  });

  it('refuses an unknown key with OpenAI’s 401 error shape', async () => {
    const bad = new OpenAI({ apiKey: 'sk-not-a-real-key', baseURL: stack.relayV1, maxRetries: 0 });
    const err = await bad.chat.completions
      .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((err as InstanceType<typeof OpenAI.APIError>).status).toBe(401);
  });
});
