import type { MikroORM } from '@mikro-orm/core';
import { deriveKey } from '@switchboard/shared/crypto';
import { redisKeys, type RedisKeys } from '@switchboard/shared/redis-keys';
import { TrustedProxies } from './common/client-ip.js';
import type { RedisClient } from './common/redis.js';
import { ConfigPublisher } from './config-publisher/config-publisher.js';
import type { ApiEnv } from './env.js';
import { createServices, type Services } from './services.js';

/**
 * Process-wide dependencies, built once at boot and handed to resolvers through the GraphQL
 * context (`ctx.app`). Services take what they need from it; nothing here is request state.
 */
export interface App {
  env: ApiEnv;
  orm: MikroORM;
  /** Commands and scripts (fails fast when Redis is down). */
  redis: RedisClient;
  keys: RedisKeys;
  publisher: ConfigPublisher;
  trustedProxies: TrustedProxies;
  /** AES key for channel keys (HKDF of SECRET_KEY). */
  channelKeyCipher: Buffer;
  services: Services;
  /** Hooks run on shutdown, last registered first. */
  onClose: (() => Promise<void>)[];
}

export function createApp(env: ApiEnv, orm: MikroORM, redis: RedisClient): App {
  const app = {
    env,
    orm,
    redis,
    keys: redisKeys(env.REDIS_PREFIX),
    publisher: new ConfigPublisher(orm, redis, env),
    trustedProxies: new TrustedProxies(env.TRUSTED_PROXIES),
    channelKeyCipher: deriveKey(env.SECRET_KEY, 'channel-keys'),
    onClose: [],
  } as Omit<App, 'services'> as App;
  app.services = createServices(app);
  return app;
}
