import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/core';
import { redisKeys, USAGE_CONSUMER_GROUP, userShard } from '@switchboard/shared/redis-keys';
import type { UsageRecord } from '@switchboard/shared/usage';
import { createDatabase } from '@switchboard/test/support/mysql';
import { PrivateMariaDb } from '@switchboard/test/support/private-mariadb';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, migrate } from '../bootstrap/database.js';
import { loadEnv } from '../env.js';
import { Channel } from '../modules/channel/channel.entity.js';
import { Token } from '../modules/token/token.entity.js';
import { UsageLog } from '../modules/usage-log/usage-log.entity.js';
import { UsageRollup } from '../modules/usage-rollup/usage-rollup.entity.js';
import { User } from '../modules/user/user.entity.js';
import { BUCKET_MS } from './usage-batch.js';
import { seedUsageOwner, usageRecord } from './usage-fixtures.js';
import { deadLetterKey, UsageWriter } from './usage-writer.js';

const SHARDS = 4;
const env = loadEnv(process.env);

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function append(redis: Redis, keys: ReturnType<typeof redisKeys>, records: UsageRecord[]) {
  const p = redis.pipeline();
  for (const r of records) p.xadd(keys.usageStream(userShard(r.userId, SHARDS)), '*', 'r', JSON.stringify(r));
  await p.exec();
}

async function streamLength(redis: Redis, keys: ReturnType<typeof redisKeys>): Promise<number> {
  let n = 0;
  for (let s = 0; s < SHARDS; s++) n += await redis.xlen(keys.usageStream(s));
  return n;
}

describe('usage writer', () => {
  let orm: MikroORM;
  let redis: Redis;
  let writerRedis: Redis;
  const keys = redisKeys(`${env.REDIS_PREFIX}uw:`);
  let writer: UsageWriter;

  beforeAll(async () => {
    orm = await connectDatabase(env);
    await migrate(orm);
    redis = new Redis(env.REDIS_URL);
    writerRedis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
    writer = new UsageWriter({ orm, redis: writerRedis, keys, shards: SHARDS, blockMs: 100, log: () => {} });
    await writer.start();
  });
  afterAll(async () => {
    await writer?.stop();
    redis?.disconnect();
    writerRedis?.disconnect();
    await orm?.close(true);
  });

  it('writes a batch and moves every counter by exactly the logged amounts (64-bit exact)', async () => {
    const em = orm.em.fork();
    const big = 2n ** 62n;
    const { user, token, channel } = await seedUsageOwner(em, { quota: big, remainQuota: big });
    const unlimited = em.create(Token, {
      user,
      name: 'unlimited',
      keyHash: `${token.keyHash.slice(0, 60)}ffff`,
      keyPrefix: 'sk-unl',
      unlimited: true,
    });
    await em.flush();
    const t0 = Math.floor(Date.now() / BUCKET_MS) * BUCKET_MS;
    const records: UsageRecord[] = [];
    for (let i = 0; i < 600; i++) {
      records.push(
        usageRecord({
          userId: user.id,
          tokenId: i % 3 === 0 ? unlimited.id : token.id,
          channelId: i % 5 === 0 ? null : channel.id,
          // 2^53 + odd amounts: a double would round them.
          quota: (9_007_199_254_740_993n + BigInt(i)).toString(),
          status: i % 7 === 0 ? 'failed' : 'success',
          time: t0 + (i % 2) * BUCKET_MS + i,
          promptTokens: i,
          completionTokens: 2 * i,
          latencyMs: 10 + i,
          attempts:
            i % 7 === 0
              ? [{ channelId: channel.id, keyIndex: 0, status: 500, latencyMs: 5, error: 'boom' }]
              : [],
        }),
      );
    }
    await append(redis, keys, records);
    await waitUntil(async () => (await orm.em.fork().count(UsageLog, { userId: user.id })) === 600);
    await waitUntil(async () => (await streamLength(redis, keys)) === 0);

    const sum = (rs: UsageRecord[]) => rs.reduce((a, r) => a + BigInt(r.quota), 0n);
    const check = orm.em.fork();
    const u = await check.findOneOrFail(User, user.id);
    expect(u.quota).toBe(big - sum(records));
    expect(u.usedQuota).toBe(sum(records));
    expect(u.requestCount).toBe(600);
    const limited = records.filter((r) => r.tokenId === token.id);
    const t = await check.findOneOrFail(Token, token.id);
    expect(t.remainQuota).toBe(big - sum(limited));
    expect(t.usedQuota).toBe(sum(limited));
    const ut = await check.findOneOrFail(Token, unlimited.id);
    expect(ut.remainQuota).toBe(0n);
    expect(ut.usedQuota).toBe(sum(records.filter((r) => r.tokenId === unlimited.id)));
    const c = await check.findOneOrFail(Channel, channel.id);
    expect(c.usedQuota).toBe(sum(records.filter((r) => r.channelId === channel.id)));

    const rollups = await check.find(UsageRollup, { userId: user.id });
    expect(rollups.reduce((a, r) => a + r.quota, 0n)).toBe(sum(records));
    expect(rollups.reduce((a, r) => a + r.requests, 0)).toBe(600);
    expect(rollups.reduce((a, r) => a + r.errors, 0)).toBe(
      records.filter((r) => r.status === 'failed').length,
    );
    expect(rollups.reduce((a, r) => a + r.completionTokens, 0)).toBe(
      records.reduce((a, r) => a + r.completionTokens, 0),
    );
    expect(new Set(rollups.map((r) => r.bucketStart.getTime()))).toEqual(new Set([t0, t0 + BUCKET_MS]));
    // channel 0 = no channel reached
    expect(rollups.some((r) => r.channelId === 0)).toBe(true);

    const failed = await check.findOneOrFail(UsageLog, { requestId: records[0]!.requestId });
    expect(failed.attempts).toEqual(records[0]!.attempts);
    expect(failed.quota).toBe(9_007_199_254_740_993n);
    expect(failed.time.getTime()).toBe(records[0]!.time);
  });

  it('a replay of records already written changes neither rows nor counters', async () => {
    const em = orm.em.fork();
    const { user, token, channel } = await seedUsageOwner(em);
    const records = Array.from({ length: 50 }, () =>
      usageRecord({ userId: user.id, tokenId: token.id, channelId: channel.id, quota: '1000' }),
    );
    await append(redis, keys, records);
    await waitUntil(async () => (await orm.em.fork().count(UsageLog, { userId: user.id })) === 50);
    await waitUntil(async () => (await streamLength(redis, keys)) === 0);
    const snapshot = async () => {
      const e = orm.em.fork();
      const [u, t, c, rollups, rows] = await Promise.all([
        e.findOneOrFail(User, user.id),
        e.findOneOrFail(Token, token.id),
        e.findOneOrFail(Channel, channel.id),
        e.find(UsageRollup, { userId: user.id }),
        e.count(UsageLog, { userId: user.id }),
      ]);
      return {
        user: [u.quota, u.usedQuota, u.requestCount],
        token: [t.remainQuota, t.usedQuota],
        channel: c.usedQuota,
        rollups: rollups.map((r) => [r.requests, r.quota]),
        rows,
      };
    };
    const before = await snapshot();
    expect(before.user).toEqual([10_000_000_000n - 50_000n, 50_000n, 50]);

    const duplicatesBefore = writer.stats.duplicates;
    // The whole batch again, plus one record twice within a batch.
    await append(redis, keys, [...records, records[0]!]);
    await waitUntil(async () => writer.stats.duplicates >= duplicatesBefore + 51);
    await waitUntil(async () => (await streamLength(redis, keys)) === 0);
    expect(await snapshot()).toEqual(before);
  });

  it('stores text with placeholders, quotes and backslashes verbatim', async () => {
    const { user, token } = await seedUsageOwner(orm.em.fork());
    const tricky = usageRecord({
      userId: user.id,
      tokenId: token.id,
      model: 'm?x??',
      errorMessage: `why? ?? '\\' "q" \u0000 ${'é'.repeat(3)} --`,
      clientIp: '::ffff:1.2.3.4',
      attempts: [{ channelId: 1, keyIndex: null, status: 0, latencyMs: 1.5, error: "it's ? broken" }],
    });
    await append(redis, keys, [tricky]);
    await waitUntil(async () => (await orm.em.fork().count(UsageLog, { requestId: tricky.requestId })) === 1);
    const row = await orm.em.fork().findOneOrFail(UsageLog, { requestId: tricky.requestId });
    expect([row.model, row.errorMessage, row.clientIp, row.attempts]).toEqual([
      tricky.model,
      tricky.errorMessage,
      tricky.clientIp,
      tricky.attempts,
    ]);
  });

  it('moves a malformed entry to the dead-letter list and keeps going', async () => {
    const em = orm.em.fork();
    const { user, token } = await seedUsageOwner(em);
    const stream = keys.usageStream(userShard(user.id, SHARDS));
    await redis.xadd(stream, '*', 'r', '{"requestId": 42');
    await redis.xadd(stream, '*', 'r', JSON.stringify({ requestId: 'x', quota: 'lots' }));
    const good = usageRecord({ userId: user.id, tokenId: token.id });
    await append(redis, keys, [good]);
    await waitUntil(async () => (await orm.em.fork().count(UsageLog, { requestId: good.requestId })) === 1);
    await waitUntil(async () => (await redis.llen(deadLetterKey(stream))) === 2);
    const letters = (await redis.lrange(deadLetterKey(stream), 0, -1)).map((l) => JSON.parse(l));
    expect(letters.map((l) => l.fields[1])).toContain('{"requestId": 42');
    await waitUntil(async () => (await streamLength(redis, keys)) === 0);
  });

  it('takes over entries a dead consumer read but never acknowledged', async () => {
    const em = orm.em.fork();
    const { user, token } = await seedUsageOwner(em);
    const orphanKeys = redisKeys(`${env.REDIS_PREFIX}uw-claim:`);
    const records = Array.from({ length: 20 }, () => usageRecord({ userId: user.id, tokenId: token.id }));
    const stream = orphanKeys.usageStream(userShard(user.id, SHARDS));
    await redis.xgroup('CREATE', stream, USAGE_CONSUMER_GROUP, '0', 'MKSTREAM');
    await append(redis, orphanKeys, records);
    // A consumer reads them and dies.
    await redis.xreadgroup(
      'GROUP',
      USAGE_CONSUMER_GROUP,
      'dead-consumer',
      'COUNT',
      100,
      'STREAMS',
      stream,
      '>',
    );
    const r2 = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
    const rescuer = new UsageWriter({
      orm,
      redis: r2,
      keys: orphanKeys,
      shards: SHARDS,
      blockMs: 100,
      claimIdleMs: 300,
      log: () => {},
    });
    await rescuer.start();
    try {
      await waitUntil(async () => (await orm.em.fork().count(UsageLog, { userId: user.id })) === 20);
      await waitUntil(async () => (await redis.xlen(stream)) === 0);
      const u = await orm.em.fork().findOneOrFail(User, user.id);
      expect(u.requestCount).toBe(20);
    } finally {
      await rescuer.stop();
      r2.disconnect();
    }
  });
});

describe('usage writer while MySQL is unavailable', () => {
  let db: PrivateMariaDb;
  let orm: MikroORM;
  let redis: Redis;
  let writerRedis: Redis;
  const keys = redisKeys(`${env.REDIS_PREFIX}uw-down:`);

  beforeAll(async () => {
    db = await PrivateMariaDb.start();
    await createDatabase(db.adminUrl, 'writer_down');
    orm = await connectDatabase({ ...env, DATABASE_URL: db.url('writer_down') });
    await migrate(orm);
    redis = new Redis(env.REDIS_URL);
    writerRedis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
  }, 180_000);
  afterAll(async () => {
    redis?.disconnect();
    writerRedis?.disconnect();
    await orm?.close(true).catch(() => undefined);
    await db?.destroy();
  });

  it('keeps records in Redis while the database is down and writes every one when it is back', async () => {
    const { user, token, channel } = await seedUsageOwner(orm.em.fork());
    const writer = new UsageWriter({
      orm,
      redis: writerRedis,
      keys,
      shards: SHARDS,
      blockMs: 100,
      log: () => {},
    });
    await writer.start();
    try {
      const first = Array.from({ length: 200 }, () =>
        usageRecord({ userId: user.id, tokenId: token.id, channelId: channel.id, quota: '7' }),
      );
      await append(redis, keys, first);
      await waitUntil(async () => (await orm.em.fork().count(UsageLog, {})) === 200);

      await db.stop();
      const second = Array.from({ length: 300 }, () =>
        usageRecord({ userId: user.id, tokenId: token.id, channelId: channel.id, quota: '11' }),
      );
      await append(redis, keys, second);
      await waitUntil(async () => writer.stats.retries > 2);
      // Nothing acknowledged while the database is away.
      expect(await streamLength(redis, keys)).toBe(300);

      await db.start();
      await waitUntil(async () => (await streamLength(redis, keys)) === 0, 60_000);
      const em = orm.em.fork();
      expect(await em.count(UsageLog, {})).toBe(500);
      const u = await em.findOneOrFail(User, user.id);
      expect(u.usedQuota).toBe(200n * 7n + 300n * 11n);
      expect(u.requestCount).toBe(500);
      const c = await em.findOneOrFail(Channel, channel.id);
      expect(c.usedQuota).toBe(200n * 7n + 300n * 11n);
    } finally {
      await writer.stop();
    }
  }, 180_000);
});
