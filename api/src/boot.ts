import 'reflect-metadata';
import { type App, createApp } from './app.js';
import { connectRedis, createRedis } from './common/redis.js';
import { withRedisLock } from './config-publisher/redis-lock.js';
import { connectDatabase, migrate } from './bootstrap/database.js';
import { seed } from './bootstrap/seed.js';
import { startBackgroundWork } from './jobs/background.js';
import type { ApiEnv } from './env.js';
import { User } from './modules/user/user.entity.js';
import { startChannelEventsWorker } from './jobs/channel-events.job.js';
import { type RunningServer, startServer } from './server.js';

export interface ApiHandle {
  app: App;
  server: RunningServer;
  /** Set when this start created root with a generated password. */
  generatedRootPassword: string | null;
  close(): Promise<void>;
}

/**
 * Boot order: MySQL (migrate, seed) → Redis (rebuild if empty) → HTTP. Used by main.ts and by
 * tests (with API_PORT=0 for a free port).
 */
export async function bootApi(env: ApiEnv, log: (line: string) => void = console.log): Promise<ApiHandle> {
  const orm = await connectDatabase(env);
  const redis = createRedis(env, 'commands');
  try {
    await connectRedis(redis, env);
  } catch (err) {
    await orm.close(true);
    throw err;
  }
  const app = createApp(env, orm, redis);
  let generatedRootPassword: string | null = null;
  try {
    // One instance at a time migrates and seeds; the others wait, then find nothing to do.
    await withRedisLock(
      redis,
      app.keys.lock('boot'),
      async () => {
        const applied = await migrate(orm);
        if (applied.length) log(`[api] applied migrations: ${applied.join(', ')}`);
        const em = orm.em.fork();
        const seeded = await seed(em, env.ROOT_PASSWORD);
        generatedRootPassword = seeded.generatedRootPassword;
        if (seeded.rootCreated) {
          const root = await em.findOneOrFail(User, { username: 'root' });
          await app.publisher.initUserQuota(root.id, root.quota);
        }
      },
      { leaseMs: 300_000, waitMs: 300_000 },
    );
    if (await app.publisher.rebuildIfMissing())
      log('[api] Redis held no config: rebuilt tokens, balances and the snapshot from MySQL');
  } catch (err) {
    redis.disconnect();
    await orm.close(true);
    throw err;
  }

  const stopHealing = startHealing(app, log);
  startChannelEventsWorker(app);
  const server = await startServer(app);
  await startBackgroundWork(app, log);
  let closed = false;
  return {
    app,
    server,
    generatedRootPassword,
    async close() {
      if (closed) return;
      closed = true;
      stopHealing();
      await server.close();
      for (const hook of [...app.onClose].reverse()) await hook().catch((e) => log(`[api] close hook: ${e}`));
      redis.disconnect();
      await orm.close(true);
    },
  };
}

/**
 * Re-creates the Redis side when it disappears: on every reconnect and every few seconds (a
 * `FLUSHALL` or a restart without persistence does not always drop our connection).
 */
function startHealing(app: App, log: (line: string) => void): () => void {
  let busy = false;
  const check = async () => {
    if (busy) return;
    busy = true;
    try {
      if (await app.publisher.rebuildIfMissing()) log('[api] Redis config was missing: rebuilt from MySQL');
    } catch (err) {
      log(`[api] Redis rebuild check failed: ${(err as Error).message}`);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(check, app.env.REDIS_HEAL_INTERVAL_MS);
  timer.unref();
  app.redis.on('ready', check);
  return () => {
    clearInterval(timer);
    app.redis.off('ready', check);
  };
}
