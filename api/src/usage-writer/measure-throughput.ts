import 'reflect-metadata';
import { redisKeys, userShard } from '@switchboard/shared/redis-keys';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { connectDatabase, migrate } from '../bootstrap/database.js';
import { loadEnv } from '../env.js';
import { seedUsageOwner, usageRecord } from './usage-fixtures.js';
import { UsageWriter } from './usage-writer.js';

/**
 * Measures the usage writer's drain rate on this machine: fills the usage streams with N
 * records (many users, tokens and channels, like real traffic), starts one writer and times
 * until every stream is empty, then checks rows and counters. Uses a scratch database on the
 * DATABASE_URL server and a scratch Redis prefix, both removed afterwards.
 *   pnpm --filter @switchboard/api build && node api/dist/usage-writer/measure-throughput.js [records]
 */
const N = Number(process.argv[2] ?? 100_000);
const USERS = 200;
const env = loadEnv({ SECRET_KEY: 'measure-throughput-secret', ...process.env });
const runId = randomBytes(3).toString('hex');
const dbName = `sb_uw_bench_${runId}`;
const baseUrl = new URL(env.DATABASE_URL);
baseUrl.pathname = `/${dbName}`;
const shards = env.USAGE_SHARDS;
const keys = redisKeys(`sb-uw-bench-${runId}:`);

const admin = await connectDatabase({ ...env });
await admin.em.getConnection().execute(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4`);
await admin.close(true);
const orm = await connectDatabase({ ...env, DATABASE_URL: baseUrl.toString() });
const redis = new Redis(env.REDIS_URL);
const writerRedis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
try {
  await migrate(orm);
  const owners = [];
  for (let i = 0; i < USERS; i++) owners.push(await seedUsageOwner(orm.em.fork()));
  console.log(`filling ${N} records into ${shards} shards…`);
  const now = Date.now();
  for (let i = 0; i < N; i += 5000) {
    const p = redis.pipeline();
    for (let j = i; j < Math.min(N, i + 5000); j++) {
      const o = owners[j % USERS]!;
      const r = usageRecord({
        userId: o.user.id,
        tokenId: o.token.id,
        channelId: o.channel.id,
        model: j % 3 ? 'gpt-4o-mini' : 'gpt-4o',
        // Arrival order, like live traffic (a burst over the last N ms).
        time: now - (N - j),
        quota: String(100 + (j % 1000)),
        attempts: [{ channelId: o.channel.id, keyIndex: 0, status: 200, latencyMs: 100, error: null }],
      });
      p.xadd(keys.usageStream(userShard(o.user.id, shards)), '*', 'r', JSON.stringify(r));
    }
    await p.exec();
  }
  const writer = new UsageWriter({
    orm,
    redis: writerRedis,
    keys,
    shards,
    lanes: Number(process.env.LANES ?? 4),
    batchSize: Number(process.env.BATCH ?? 1000),
    log: (l) => console.log(l),
  });
  const t0 = performance.now();
  await writer.start();
  for (;;) {
    let left = 0;
    for (let s = 0; s < shards; s++) left += await redis.xlen(keys.usageStream(s));
    if (left === 0) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const seconds = (performance.now() - t0) / 1000;
  await writer.stop();
  const [row] = await orm.em
    .getConnection()
    .execute<{ n: unknown; q: unknown; rc: unknown }[]>(
      'SELECT (SELECT COUNT(*) FROM usage_logs) n, (SELECT SUM(quota) FROM usage_logs) q, (SELECT SUM(request_count) FROM users) rc',
    );
  console.log(
    `usage writer: ${N} records in ${seconds.toFixed(2)} s = ${Math.round(N / seconds)} records/s ` +
      `(${writer.stats.batches} transactions); rows ${row!.n}, request counters ${row!.rc}`,
  );
  if (Number(row!.n) !== N || Number(row!.rc) !== N) throw new Error('row count or counters do not match');
} finally {
  await orm.em.getConnection().execute(`DROP DATABASE IF EXISTS \`${dbName}\``);
  await orm.close(true);
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `${keys.prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (found.length) await redis.unlink(...found);
  } while (cursor !== '0');
  redis.disconnect();
  writerRedis.disconnect();
}
