import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';

// Loaded with Node's own require: vitest runs global setup files through vite-node, whose
// resolver does not find this package's dependencies when another package's config names it.
const require = createRequire(import.meta.url);
const { Redis } = require('ioredis') as typeof import('ioredis');
const mysql = require('mysql2/promise') as typeof import('mysql2/promise');

/**
 * Vitest global setup shared by every package: each test run gets a MySQL database and a
 * Redis prefix of its own, so runs (and packages) never see each other's data. The values
 * reach the test workers through process.env, which the forked workers inherit.
 */
const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? 'mariadb://root@127.0.0.1:3306';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export default async function setup(): Promise<() => Promise<void>> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const database = `sb_t_${runId}`;
  const conn = await connectAdmin();
  await conn.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();

  const scheme = adminUrl.split('://')[0];
  process.env.DATABASE_URL = `${adminUrl.replace(/\/$/, '')}/${database}`.replace(/^[a-z]+:/, `${scheme}:`);
  process.env.REDIS_URL = redisUrl;
  process.env.REDIS_PREFIX = `sbt:${runId}:`;
  process.env.SECRET_KEY ??= `test-secret-${runId}-0123456789`;
  process.env.NODE_ENV = 'test';
  process.env.SB_TEST_RUN_ID = runId;

  return async () => {
    if (process.env.KEEP_TEST_DB) return;
    const c = await connectAdmin();
    await c.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await c.end();
    await deleteRedisPrefix(redisUrl, `sbt:${runId}:`);
  };
}

async function connectAdmin() {
  const url = new URL(adminUrl.replace(/^(mariadb|mysql):/, 'http:'));
  return mysql.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password || ''),
  });
}

/** Deletes every key under a prefix (also BullMQ's, which live under the same prefix). */
export async function deleteRedisPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.unlink(...keys);
  } while (cursor !== '0');
  redis.disconnect();
}
