import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { connectMysql, createDatabase } from './mysql.js';
import { PrivateMariaDb } from './private-mariadb.js';
import { PrivateRedis } from './private-redis.js';

// The fault tests rely on these: a stopped private server refuses connections, and data
// written before the stop is there after the start (the datadir / append-only file survive).
describe('private servers for fault tests', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it('mariadbd: stop refuses connections, start keeps committed rows', async () => {
    const db = await PrivateMariaDb.start();
    cleanups.push(() => db.destroy());
    expect(db.port).not.toBe(3306);
    await createDatabase(db.adminUrl, 'probe');
    const conn = await connectMysql(db.url('probe'));
    await conn.query('CREATE TABLE t (id INT PRIMARY KEY)');
    await conn.query('INSERT INTO t VALUES (1), (2)');
    await conn.end();

    await db.stop();
    await expect(connectMysql(db.url('probe'))).rejects.toThrow();

    await db.start();
    const again = await connectMysql(db.url('probe'));
    const [rows] = await again.query('SELECT COUNT(*) AS n FROM t');
    expect(Number((rows as { n: number | string }[])[0].n)).toBe(2);
    await again.end();
  }, 180_000);

  it('redis-server with append-only: a restart keeps keys', async () => {
    const redis = await PrivateRedis.start({ appendOnly: true });
    cleanups.push(() => redis.destroy());
    expect(redis.port).not.toBe(6379);
    const client = new Redis(redis.url, { maxRetriesPerRequest: 1, lazyConnect: true });
    await client.connect();
    await client.set('k', 'v');
    client.disconnect();

    await redis.stop();
    await redis.start();
    const again = new Redis(redis.url, { maxRetriesPerRequest: 1, lazyConnect: true });
    await again.connect();
    expect(await again.get('k')).toBe('v');
    again.disconnect();
  }, 60_000);
});
