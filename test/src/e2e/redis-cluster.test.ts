import { redisKeys, userShard } from '@switchboard/shared/redis-keys';
import { Cluster } from 'ioredis';
import type { Connection } from 'mysql2/promise';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { type MockOpenAI, REPLY_WORDS, startMockOpenAI } from '../mock-upstreams/openai/server.js';
import { type CreatedToken, createCustomer, createOpenAIChannel, createToken } from '../support/fixtures.js';
import type { GraphQLClient } from '../support/graphql-client.js';
import { chat, freshRequest } from '../support/http.js';
import { connectMysql } from '../support/mysql.js';
import { PrivateRedisCluster } from '../support/private-redis-cluster.js';
import { Stack } from '../support/stack.js';
import { waitFor } from '../support/wait.js';

/**
 * The thin slice on a real Redis Cluster (three masters of the test's own): config push over
 * pub/sub, token lookup, quota reserve/settle scripts (shard hash tags), the usage stream drained
 * into MySQL, a config change reaching both relay workers, and a channel test through BullMQ.
 */
const FIRST_KEY = 'sk-upstream-cluster-first';
const SECOND_KEY = 'sk-upstream-cluster-second';
const TOKEN_QUOTA = 50_000_000n;
const USER_QUOTA = 80_000_000n;

describe('Switchboard on Redis Cluster', () => {
  let cluster: PrivateRedisCluster;
  let stack: Stack;
  let first: MockOpenAI;
  let second: MockOpenAI;
  let root: GraphQLClient;
  let token: CreatedToken;
  let channelId: string;
  let openai: OpenAI;
  let db: Connection;
  let redis: Cluster;

  beforeAll(async () => {
    first = await startMockOpenAI({ keys: [FIRST_KEY] });
    second = await startMockOpenAI({ keys: [SECOND_KEY] });
    cluster = await PrivateRedisCluster.start(3);
    stack = await Stack.start({
      relayWorkers: 2,
      env: { REDIS_CLUSTER_NODES: cluster.nodes, REDIS_URL: cluster.firstUrl },
    });
    root = await stack.rootClient();
    const customer = await createCustomer(root, 'cluster-customer', USER_QUOTA.toString());
    channelId = (
      await createOpenAIChannel(root, {
        name: 'cluster mock openai',
        baseUrl: first.baseUrl,
        keys: [FIRST_KEY],
        models: ['gpt-4o-mini'],
      })
    ).id;
    token = await createToken(root, {
      name: 'cluster slice',
      userId: customer.id,
      remainQuota: TOKEN_QUOTA.toString(),
    });
    openai = new OpenAI({ apiKey: token.key, baseURL: stack.relayV1, maxRetries: 0 });
    db = await connectMysql(stack.databaseUrl);
    redis = new Cluster(
      cluster.ports.map((port) => ({ host: '127.0.0.1', port })),
      { redisOptions: { maxRetriesPerRequest: 2 } },
    );
    await waitFor(async () => {
      const res = await fetch(`${stack.relayV1}/models`, {
        headers: { authorization: `Bearer ${token.key}` },
      });
      await res.arrayBuffer();
      return res.status === 200;
    }, 'relay serves the new token');
  }, 120_000);

  afterAll(async () => {
    redis?.disconnect();
    await db?.end();
    await stack?.stop();
    await cluster?.destroy();
    await first?.close();
    await second?.close();
  });

  const showLogs = () =>
    onTestFailed(() => console.error(stack.describeLogs(), `\nredis nodes: ${cluster.logFiles.join(' ')}`));

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

  /** Waits until MySQL shows exactly `cost` more used on the token and its owner. */
  async function expectSettled(before: Awaited<ReturnType<typeof balances>>, cost: bigint) {
    const after = await waitFor(async () => {
      const b = await balances();
      return b.tokenUsed - before.tokenUsed === cost ? b : undefined;
    }, 'token used quota in MySQL');
    expect(before.tokenRemain - after.tokenRemain).toBe(cost);
    expect(after.userUsed - before.userUsed).toBe(cost);
    expect(before.userQuota - after.userQuota).toBe(cost);
    expect(await redisTokenQuota()).toBe(after.tokenRemain);
  }

  it('runs on three masters (the keys really are spread over slots of several nodes)', async () => {
    const masters = redis.nodes('master');
    expect(masters).toHaveLength(3);
    const perNode = await Promise.all(masters.map((node) => node.dbsize()));
    // Config snapshot, token hashes, shard-tagged quota keys and BullMQ keys land on >1 node.
    expect(perNode.filter((n) => n > 0).length).toBeGreaterThan(1);
  });

  it('answers a non-stream chat completion and logs it with its exact cost', async () => {
    showLogs();
    const before = await balances();
    const { data, response } = await openai.chat.completions
      .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello cluster' }] })
      .withResponse();
    expect(data.choices[0].message.content).toBe(REPLY_WORDS.join(''));
    expect(first.requests.at(-1)?.key).toBe(FIRST_KEY);
    const row = await usageRow(response.headers.get('x-request-id')!);
    expect(row.status).toBe('success');
    expect(Number(row.stream)).toBe(0);
    expect(Number(row.completion_tokens)).toBe(REPLY_WORDS.length);
    const cost = BigInt(row.quota as string);
    expect(cost).toBeGreaterThan(0n);
    await expectSettled(before, cost);
  });

  it('streams a chat completion and logs it', async () => {
    showLogs();
    const before = await balances();
    const { data: stream, response } = await openai.chat.completions
      .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Stream' }], stream: true })
      .withResponse();
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    expect(text).toBe(REPLY_WORDS.join(''));
    const row = await usageRow(response.headers.get('x-request-id')!);
    expect(row.status).toBe('success');
    expect(Number(row.stream)).toBe(1);
    const cost = BigInt(row.quota as string);
    expect(cost).toBeGreaterThan(0n);
    await expectSettled(before, cost);
  });

  it('a channel moved to another upstream in GraphQL is used by both workers', async () => {
    showLogs();
    await root.gql(
      'mutation Move($id: ID!, $input: UpdateChannelInput!) { updateChannel(id: $id, input: $input) { id } }',
      { id: channelId, input: { baseUrl: second.baseUrl, keys: [SECOND_KEY] } },
    );
    const probe = () =>
      freshRequest(stack.relayUrl, '/v1/chat/completions', {
        headers: { authorization: `Bearer ${token.key}` },
        body: chat('gpt-4o-mini'),
      });
    await waitFor(async () => {
      await probe();
      return second.hits(SECOND_KEY) > 0;
    }, 'the first request on the new upstream');
    await new Promise((r) => setTimeout(r, 1_000));
    const firstBefore = first.hits(FIRST_KEY);
    const secondBefore = second.hits(SECOND_KEY);
    // New connections each time: the relay's node:cluster spreads them over both workers.
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await probe()).status);
    expect(statuses).toEqual(Array(10).fill(200));
    expect(first.hits(FIRST_KEY)).toBe(firstBefore);
    expect(second.hits(SECOND_KEY) - secondBefore).toBe(10);
  });

  it('enables several channels at once (their live-state keys live in different slots)', async () => {
    showLogs();
    const spare = await createOpenAIChannel(root, {
      name: 'cluster spare',
      baseUrl: second.baseUrl,
      keys: [SECOND_KEY],
      models: ['gpt-4o-mini'],
    });
    const ids = [channelId, spare.id];
    await root.gql('mutation Off($ids: [ID!]!) { disableChannels(ids: $ids) { id } }', { ids });
    const data = await root.gql<{ enableChannels: { id: string; status: string }[] }>(
      'mutation On($ids: [ID!]!) { enableChannels(ids: $ids) { id status } }',
      { ids },
    );
    expect(data.enableChannels.map((c) => c.status)).toEqual(['enabled', 'enabled']);
    await waitFor(async () => {
      const res = await freshRequest(stack.relayUrl, '/v1/chat/completions', {
        headers: { authorization: `Bearer ${token.key}` },
        body: chat('gpt-4o-mini'),
      });
      return res.status === 200;
    }, 'the relay serves again after the bulk enable');
  });

  it('a token disabled in GraphQL is refused by both workers, and served again once enabled', async () => {
    showLogs();
    const probe = async () =>
      (
        await freshRequest(stack.relayUrl, '/v1/chat/completions', {
          headers: { authorization: `Bearer ${token.key}` },
          body: chat('gpt-4o-mini'),
        })
      ).status;
    const setStatus = (status: string) =>
      root.gql(
        'mutation S($id: ID!, $status: String!) { updateToken(id: $id, input: { status: $status }) { id } }',
        {
          id: token.id,
          status,
        },
      );
    await setStatus('disabled');
    await waitFor(async () => (await probe()) === 401, 'the first 401');
    await new Promise((r) => setTimeout(r, 1_000));
    const refused: number[] = [];
    for (let i = 0; i < 6; i++) refused.push(await probe());
    expect(refused).toEqual(Array(6).fill(401));
    await setStatus('enabled');
    await waitFor(async () => (await probe()) === 200, 'the first 200 after enabling');
    await new Promise((r) => setTimeout(r, 1_000));
    const accepted: number[] = [];
    for (let i = 0; i < 6; i++) accepted.push(await probe());
    expect(accepted).toEqual(Array(6).fill(200));
  });

  it('tests a channel through the BullMQ task queue (api → relay → api)', async () => {
    showLogs();
    const before = second.hits(SECOND_KEY);
    const data = await root.gql<{ testChannel: { ok: boolean; status: number; model: string } }>(
      'mutation T($id: ID!) { testChannel(id: $id) { ok status model } }',
      { id: channelId },
    );
    expect(data.testChannel).toMatchObject({ ok: true, status: 200, model: 'gpt-4o-mini' });
    expect(second.hits(SECOND_KEY)).toBeGreaterThan(before);
  });
});

/**
 * A cluster that requires a password: the api and the relay take the credentials from REDIS_URL
 * (REDIS_CLUSTER_NODES lists bare host:port) and use them on every node they are redirected to.
 */
describe('Switchboard on a password-protected Redis Cluster', () => {
  const PASSWORD = 'cluster-pass/with:odd@chars';
  let cluster: PrivateRedisCluster;
  let stack: Stack;
  let mock: MockOpenAI;
  let db: Connection;

  beforeAll(async () => {
    mock = await startMockOpenAI({ keys: [FIRST_KEY] });
    cluster = await PrivateRedisCluster.start(3, { password: PASSWORD });
    stack = await Stack.start({
      relayWorkers: 2,
      env: { REDIS_CLUSTER_NODES: cluster.nodes, REDIS_URL: cluster.firstUrl },
    });
    db = await connectMysql(stack.databaseUrl);
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await stack?.stop();
    await cluster?.destroy();
    await mock?.close();
  });

  it('serves a request and settles its usage into MySQL', async () => {
    onTestFailed(() => console.error(stack.describeLogs()));
    const root = await stack.rootClient();
    const customer = await createCustomer(root, 'cluster-auth', USER_QUOTA.toString());
    await createOpenAIChannel(root, {
      name: 'auth mock',
      baseUrl: mock.baseUrl,
      keys: [FIRST_KEY],
      models: ['gpt-4o-mini'],
    });
    const token = await createToken(root, { name: 'auth', userId: customer.id, remainQuota: '1000000' });
    const openai = new OpenAI({ apiKey: token.key, baseURL: stack.relayV1, maxRetries: 0 });
    await waitFor(async () => {
      const res = await fetch(`${stack.relayV1}/models`, {
        headers: { authorization: `Bearer ${token.key}` },
      });
      await res.arrayBuffer();
      return res.status === 200;
    }, 'relay serves the new token');
    const { data, response } = await openai.chat.completions
      .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] })
      .withResponse();
    expect(data.choices[0].message.content).toBe(REPLY_WORDS.join(''));
    const requestId = response.headers.get('x-request-id');
    const row = await waitFor(async () => {
      const [rows] = await db.query('SELECT status, quota FROM usage_logs WHERE request_id = ?', [requestId]);
      return (rows as { status: string; quota: string }[])[0];
    }, 'usage row in MySQL');
    expect(row.status).toBe('success');
    expect(BigInt(row.quota)).toBeGreaterThan(0n);
  });
});
