import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { ApiEnv } from '../env.js';

export type RedisClient = Redis | Cluster;

/**
 * One Redis connection. `REDIS_CLUSTER_NODES` switches to Cluster mode; keys one script
 * touches share a hash tag (shared/redis-keys), so scripts work on both.
 * `blocking`: for BullMQ workers and subscribers, which must retry forever.
 */
export function createRedis(env: ApiEnv, name: string, opts: { blocking?: boolean } = {}): RedisClient {
  const base: RedisOptions = {
    connectionName: `switchboard-api:${name}`,
    lazyConnect: true,
    maxRetriesPerRequest: opts.blocking ? null : 3,
    enableReadyCheck: true,
  };
  if (env.REDIS_CLUSTER_NODES) {
    const nodes = env.REDIS_CLUSTER_NODES.split(',').map((hp) => {
      const [host, port] = hp.trim().split(':');
      return { host: host!, port: Number(port || 6379) };
    });
    const url = new URL(env.REDIS_URL);
    return new Cluster(nodes, {
      redisOptions: {
        ...base,
        username: url.username || undefined,
        password: url.password ? decodeURIComponent(url.password) : undefined,
        tls: url.protocol === 'rediss:' ? {} : undefined,
      },
      lazyConnect: true,
    });
  }
  return new Redis(env.REDIS_URL, base);
}

/** Connects, or throws an error that says what to check. */
export async function connectRedis(client: RedisClient, env: ApiEnv): Promise<void> {
  let firstError: Error | null = null;
  const onError = (err: Error) => {
    firstError ??= err;
  };
  client.on('error', onError);
  try {
    await client.connect();
    await client.ping();
    client.off('error', onError);
    // Later errors: ioredis reconnects by itself; log them once per outage, not per retry.
    let down = false;
    client.on('error', (err) => {
      if (!down) console.error(`[api] Redis connection error: ${err.message} (retrying)`);
      down = true;
    });
    client.on('ready', () => {
      down = false;
    });
  } catch (caught) {
    client.disconnect();
    const err = firstError ?? caught;
    const target = env.REDIS_CLUSTER_NODES ?? env.REDIS_URL.replace(/\/\/[^@]*@/, '//***@');
    throw new StartupError(
      `Cannot reach Redis at ${target}: ${(err as Error).message}`,
      'Is Redis running? Start it (e.g. `redis-server --daemonize yes` or `docker compose up -d redis`) or set REDIS_URL.',
    );
  }
}

/** A boot failure with a hint for the operator. */
export class StartupError extends Error {
  override name = 'StartupError';
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

export type RedisCommand = [name: string, ...args: (string | number)[]];

/**
 * Runs independent commands in one round trip (a pipeline). On Redis Cluster a pipeline must
 * stay within one hash slot, and these commands span many (token records, shard-tagged quota
 * keys), so there they run concurrently one by one. Throws the first command error.
 */
export async function runCommands(redis: RedisClient, commands: RedisCommand[]): Promise<unknown[]> {
  if (!commands.length) return [];
  if (redis instanceof Cluster) {
    return Promise.all(commands.map(([name, ...args]) => redis.call(name, ...args)));
  }
  // ioredis' array form names commands by method, which is lower case.
  const results =
    (await redis.pipeline(commands.map(([name, ...args]) => [name.toLowerCase(), ...args])).exec()) ?? [];
  const failed = results.find(([err]) => err);
  if (failed) throw failed[0];
  return results.map(([, value]) => value);
}
