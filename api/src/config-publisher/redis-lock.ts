import { randomUUID } from 'node:crypto';
import type { RedisClient } from '../common/redis.js';

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/**
 * Runs `fn` while holding a Redis lock shared by every api instance. Waits up to `waitMs` for
 * it; the lease (`leaseMs`) bounds how long a crashed holder blocks the others.
 */
export async function withRedisLock<T>(
  redis: RedisClient,
  key: string,
  fn: () => Promise<T>,
  { leaseMs = 30_000, waitMs = 30_000 } = {},
): Promise<T> {
  const id = randomUUID();
  const deadline = Date.now() + waitMs;
  for (let delay = 10; ; delay = Math.min(delay * 2, 200)) {
    if ((await redis.set(key, id, 'PX', leaseMs, 'NX')) === 'OK') break;
    if (Date.now() > deadline) throw new Error(`timed out waiting for lock ${key}`);
    await new Promise((r) => setTimeout(r, delay));
  }
  try {
    return await fn();
  } finally {
    await redis.eval(RELEASE, 1, key, id).catch(() => undefined);
  }
}

/** Takes the lock only if free; returns undefined when another instance holds it. */
export async function tryRedisLock<T>(
  redis: RedisClient,
  key: string,
  fn: () => Promise<T>,
  leaseMs = 60_000,
): Promise<T | undefined> {
  const id = randomUUID();
  if ((await redis.set(key, id, 'PX', leaseMs, 'NX')) !== 'OK') return undefined;
  try {
    return await fn();
  } finally {
    await redis.eval(RELEASE, 1, key, id).catch(() => undefined);
  }
}
