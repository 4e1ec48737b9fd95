import { availableParallelism } from 'node:os';
import { commonEnv, csv, parseEnv } from '@switchboard/shared/env';
import { z } from 'zod';

/**
 * Relay configuration, parsed once at boot. Every variable is documented in
 * docs/configuration.md under "relay".
 */
export const relayEnvShape = {
  REDIS_URL: commonEnv.REDIS_URL,
  REDIS_CLUSTER_NODES: commonEnv.REDIS_CLUSTER_NODES,
  REDIS_PREFIX: commonEnv.REDIS_PREFIX,
  SECRET_KEY: commonEnv.SECRET_KEY,
  LOG_LEVEL: commonEnv.LOG_LEVEL,
  USAGE_SHARDS: commonEnv.USAGE_SHARDS,
  NODE_ENV: commonEnv.NODE_ENV,
  RELAY_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  RELAY_HOST: z.string().default('0.0.0.0'),
  /** Worker processes under node:cluster; 0 = serve in the primary process (no cluster). */
  RELAY_WORKERS: z.coerce.number().int().min(0).max(256).default(availableParallelism()),
  /** CIDRs of proxies whose X-Forwarded-For is believed (e.g. "10.0.0.0/8,::1/128"). */
  TRUSTED_PROXIES: csv,
  /** Largest request body after decompression, bytes. */
  RELAY_BODY_LIMIT: z.coerce
    .number()
    .int()
    .positive()
    .default(50 * 1024 * 1024),
  /** How long a graceful shutdown lets open streams finish, ms. */
  RELAY_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(30_000),
  /** Periodic config resync (heals a missed pub/sub message), ms. */
  RELAY_RESYNC_MS: z.coerce.number().int().positive().default(30_000),
  /** Token records cached in process per worker. */
  RELAY_TOKEN_CACHE_SIZE: z.coerce.number().int().positive().default(50_000),
  /** Max age of a cached token record (invalidation messages usually come first), ms. */
  RELAY_TOKEN_CACHE_TTL_MS: z.coerce.number().int().positive().default(60_000),
  /** Run the channel-task worker (test/models/balance jobs) in this process. */
  RELAY_CHANNEL_TASKS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** CORS allowed origins ("*" = any). */
  RELAY_CORS_ORIGINS: z.string().default('*'),
};

export type RelayEnv = ReturnType<typeof loadRelayEnv>;

export function loadRelayEnv(source: NodeJS.ProcessEnv = process.env) {
  return parseEnv(relayEnvShape, source);
}
