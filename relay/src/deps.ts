import type { RedisKeys } from '@switchboard/shared/redis-keys';
import type { ConfigStore } from './config-store/config-store.js';
import type { RelayEnv } from './env.js';
import type { Logger } from './log.js';
import type { Metrics } from './process/metrics.js';
import type { TokenAuthenticator } from './pipeline/authenticate-token.js';
import type { ChannelEventSink } from './process/channel-events.js';
import type { Dispatchers } from './pipeline/dispatchers.js';
import type { CredentialCache } from './providers/contract.js';
import type { QuotaService } from './quota/quota-service.js';
import type { RedisClient } from './redis.js';
import type { parseCidrs } from './pipeline/client-ip.js';

/** Everything a request handler needs, built once per worker in server.ts. */
export interface RelayDeps {
  env: RelayEnv;
  keys: RedisKeys;
  log: Logger;
  redis: RedisClient;
  config: ConfigStore;
  auth: TokenAuthenticator;
  quota: QuotaService;
  dispatchers: Dispatchers;
  channelEvents: ChannelEventSink;
  credentials: CredentialCache;
  metrics: Metrics;
  trustedProxies: ReturnType<typeof parseCidrs>;
  /** Settlements still running (awaited on shutdown). */
  inflight: Set<Promise<unknown>>;
}
