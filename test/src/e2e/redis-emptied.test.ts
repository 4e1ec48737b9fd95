import { redisKeys, userShard } from '@switchboard/shared/redis-keys';
import { Redis } from 'ioredis';
import type { Connection } from 'mysql2/promise';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { type MockOpenAI, startMockOpenAI } from '../mock-upstreams/openai/server.js';
import { type CreatedToken, createCustomer, createOpenAIChannel, createToken } from '../support/fixtures.js';
import { chat, freshRequest } from '../support/http.js';
import { connectMysql } from '../support/mysql.js';
import { PrivateRedis } from '../support/private-redis.js';
import { Stack } from '../support/stack.js';
import { sendChat } from '../support/traffic.js';
import { waitFor } from '../support/wait.js';

/**
 * Redis comes back empty (a private redis-server without persistence, restarted while the api
 * is down): the relay answers 503 with retry-after — never 401 — until the api is back and has
 * rebuilt the snapshot, the token records and the balances from MySQL; then it serves again,
 * and the balances in Redis equal MySQL's.
 */
const TOKEN_QUOTA = 300_000_000n;
const USER_QUOTA = 700_000_000n;

describe('an emptied Redis is rebuilt from MySQL', () => {
  let redisServer: PrivateRedis;
  let stack: Stack;
  let mock: MockOpenAI;
  let token: CreatedToken;
  let openai: OpenAI;
  let db: Connection;

  beforeAll(async () => {
    mock = await startMockOpenAI({ keys: ['sk-up'], record: false });
    redisServer = await PrivateRedis.start({ appendOnly: false });
    stack = await Stack.start({
      relayWorkers: 2,
      env: { REDIS_URL: redisServer.url },
      apiEnv: { REDIS_HEAL_INTERVAL_MS: '1000' },
    });
    const root = await stack.rootClient();
    const customer = await createCustomer(root, 'rebuilt', USER_QUOTA.toString());
    await createOpenAIChannel(root, {
      name: 'mock',
      baseUrl: mock.baseUrl,
      keys: ['sk-up'],
      models: ['gpt-4o-mini'],
    });
    token = await createToken(root, {
      name: 'rebuilt',
      userId: customer.id,
      remainQuota: TOKEN_QUOTA.toString(),
    });
    openai = new OpenAI({ apiKey: token.key, baseURL: stack.relayV1, maxRetries: 0 });
    db = await connectMysql(stack.databaseUrl);
    await waitFor(async () => (await sendChat(openai, 'gpt-4o-mini', false)).status === 200, 'first success');
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await stack?.stop();
    await redisServer?.destroy();
    await mock?.close();
  });

  async function mysqlBalances() {
    const [[t]] = (await db.query('SELECT remain_quota, used_quota FROM tokens WHERE id = ?', [
      Number(token.id),
    ])) as unknown as [{ remain_quota: string; used_quota: string }[]];
    const [[u]] = (await db.query('SELECT quota FROM users WHERE id = ?', [token.userId])) as unknown as [
      { quota: string }[],
    ];
    const [[l]] = (await db.query(
      'SELECT COUNT(*) AS n, COALESCE(SUM(quota), 0) AS q FROM usage_logs WHERE token_id = ?',
      [Number(token.id)],
    )) as unknown as [{ n: number; q: string }[]];
    return {
      tokenRemain: BigInt(t.remain_quota),
      tokenUsed: BigInt(t.used_quota),
      userQuota: BigInt(u.quota),
      rows: Number(l.n),
      logged: BigInt(l.q),
    };
  }

  async function redisBalances() {
    const redis = new Redis(redisServer.url, { maxRetriesPerRequest: 2 });
    try {
      const keys = redisKeys(stack.redisPrefix);
      const shard = userShard(token.userId, Number(process.env.USAGE_SHARDS ?? 16));
      const [t, u] = await Promise.all([
        redis.get(keys.tokenQuota(shard, Number(token.id))),
        redis.get(keys.userQuota(shard, token.userId)),
      ]);
      return { tokenRemain: t === null ? null : BigInt(t), userQuota: u === null ? null : BigInt(u) };
    } finally {
      redis.disconnect();
    }
  }

  it('answers 503 with retry-after (never 401) until rebuilt, then serves with balances equal to MySQL', async () => {
    onTestFailed(() => console.error(stack.describeLogs()));
    const base = await waitFor(async () => {
      const b = await mysqlBalances();
      return b.rows >= 1 && b.tokenUsed === b.logged ? b.rows : undefined;
    }, 'the first usage row');
    for (let i = 0; i < 5; i++) expect((await sendChat(openai, 'gpt-4o-mini', i % 2 === 1)).status).toBe(200);
    // Let the usage writer drain, so that MySQL holds every cost before Redis is lost.
    await waitFor(async () => {
      const b = await mysqlBalances();
      return b.rows === base + 5 && b.tokenUsed === b.logged;
    }, 'usage rows before the restart');

    // With the api stopped nothing can rebuild Redis: the relay must say "come back later".
    await stack.api.stop(20_000);
    await redisServer.stop();
    await redisServer.start();
    const probe = () =>
      freshRequest(stack.relayUrl, '/v1/chat/completions', {
        headers: { authorization: `Bearer ${token.key}` },
        body: chat('gpt-4o-mini'),
      });
    await new Promise((r) => setTimeout(r, 1_500)); // the relay's clients reconnect
    for (let i = 0; i < 4; i++) {
      const res = await probe();
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBeTruthy();
      expect(JSON.parse(res.body).error).toBeTruthy();
    }

    await stack.startApi();
    const seen: { status: number; retryAfter: string | undefined }[] = [];
    await waitFor(
      async () => {
        const res = await freshRequest(stack.relayUrl, '/v1/chat/completions', {
          headers: { authorization: `Bearer ${token.key}` },
          body: chat('gpt-4o-mini'),
        });
        seen.push({ status: res.status, retryAfter: res.headers['retry-after'] as string | undefined });
        return res.status === 200;
      },
      'the relay serving again',
      60_000,
      200,
    );
    const refusals = seen.filter((s) => s.status !== 200);
    for (const r of refusals) {
      expect(r.status).toBe(503);
      expect(r.retryAfter).toBeTruthy();
    }
    // Both workers serve again.
    for (let i = 0; i < 6; i++) {
      const res = await freshRequest(stack.relayUrl, '/v1/chat/completions', {
        headers: { authorization: `Bearer ${token.key}` },
        body: chat('gpt-4o-mini'),
      });
      expect(res.status).toBe(200);
    }

    // Every success since the restart is logged; Redis and MySQL agree on both balances.
    const served = base + 5 + 7;
    const after = await waitFor(async () => {
      const b = await mysqlBalances();
      return b.rows === served && b.tokenUsed === b.logged ? b : undefined;
    }, 'usage rows after the restart');
    expect(TOKEN_QUOTA - after.tokenRemain).toBe(after.logged);
    expect(USER_QUOTA - after.userQuota).toBe(after.logged);
    const live = await redisBalances();
    expect(live.tokenRemain).toBe(after.tokenRemain);
    expect(live.userQuota).toBe(after.userQuota);
  }, 180_000);
});
