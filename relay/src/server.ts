import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { redisKeys } from '@switchboard/shared/redis-keys';
import { ConfigStore } from './config-store/config-store.js';
import type { RelayDeps } from './deps.js';
import type { RelayEnv } from './env.js';
import { RelayError } from './http/relay-error.js';
import { internalError, sendError } from './http/respond.js';
import { createLogger, type Logger } from './log.js';
import { TokenAuthenticator } from './pipeline/authenticate-token.js';
import { parseCidrs } from './pipeline/client-ip.js';
import { Dispatchers } from './pipeline/dispatchers.js';
import { ChannelEventSink } from './process/channel-events.js';
import { startChannelTaskWorker } from './process/channel-task-worker.js';
import { Metrics } from './process/metrics.js';
import { MemoryCredentialCache } from './providers/credential-cache.js';
import { QuotaService } from './quota/quota-service.js';
import { createRedis } from './redis.js';
import { route } from './router.js';
import { healthz, metrics, readyz } from './routes/health.js';

export interface RelayWorker {
  server: Server;
  port: number;
  deps: RelayDeps;
  /** Graceful: stop accepting, let requests finish within the grace period, drain settlements. */
  close(): Promise<void>;
}

/**
 * One relay worker: plain node:http (no framework on the hot path), the config store, token
 * cache, quota scripts and the channel-task worker. `main.ts` runs one per cluster worker;
 * tests and benchmarks may start one in-process.
 */
export async function startRelayWorker(
  env: RelayEnv,
  log: Logger = createLogger(env.LOG_LEVEL),
): Promise<RelayWorker> {
  const keys = redisKeys(env.REDIS_PREFIX);
  const onRedisError = (err: Error) => log.warn('redis connection error', { error: String(err) });
  const redis = createRedis(env, false, onRedisError);
  const subscriber = createRedis(env, false, onRedisError);
  const bullConnection = createRedis(env, true, onRedisError);
  const producerConnection = createRedis(env, 'producer', onRedisError);
  const auth = new TokenAuthenticator(redis, keys, env.RELAY_TOKEN_CACHE_SIZE, env.RELAY_TOKEN_CACHE_TTL_MS);
  const dispatchers = new Dispatchers();
  const config = new ConfigStore(
    redis,
    subscriber,
    keys,
    env.SECRET_KEY,
    log,
    {
      onTokens: (hashes) => auth.invalidate(hashes),
      onIndex: (index) => dispatchers.prune(new Set(index.channels.keys())),
    },
    env.RELAY_RESYNC_MS,
  );
  const deps: RelayDeps = {
    env,
    keys,
    log,
    redis,
    config,
    auth,
    quota: new QuotaService(redis, keys, env.USAGE_SHARDS, log),
    dispatchers,
    // Producer connection fails fast (BullMQ's advice); the task worker's waits out outages.
    channelEvents: new ChannelEventSink(producerConnection, keys, log),
    credentials: new MemoryCredentialCache(),
    metrics: new Metrics(),
    trustedProxies: parseCidrs(env.TRUSTED_PROXIES),
    inflight: new Set(),
  };
  let shuttingDown = false;
  let active = 0;
  const corsOrigins = env.RELAY_CORS_ORIGINS.split(',').map((s) => s.trim());

  const server = createServer(
    { keepAliveTimeout: 65_000, requestTimeout: 0, headersTimeout: 60_000 },
    (req, res) => {
      active++;
      res.once('close', () => active--);
      void handle(req, res);
    },
  );
  server.on('connection', (socket) => socket.setNoDelay(true));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rc = {
      requestId: `req_${randomUUID().replaceAll('-', '')}`,
      startedAt: Date.now(),
      t0: performance.now(),
    };
    res.setHeader('x-request-id', rc.requestId);
    const origin = req.headers.origin;
    if (origin) cors(res, origin, corsOrigins);
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    try {
      if (method === 'OPTIONS') {
        // Preflight: answered before any authentication.
        res.setHeader('access-control-allow-methods', 'GET, POST, DELETE, OPTIONS');
        res.setHeader(
          'access-control-allow-headers',
          String(req.headers['access-control-request-headers'] ?? 'authorization, content-type'),
        );
        res.setHeader('access-control-max-age', '86400');
        res.writeHead(204).end();
        return;
      }
      if (url === '/healthz') return healthz(res);
      if (url === '/readyz') return await readyz(deps, res, shuttingDown);
      if (url === '/metrics') return await metrics(deps, res);
      const handler = route(method, url);
      if (!handler) throw new RelayError('not_found', `Invalid URL (${method} ${url.split('?')[0]})`);
      if (shuttingDown) res.setHeader('connection', 'close');
      await handler(deps, req, res, rc);
    } catch (err) {
      if (err instanceof RelayError) {
        deps.metrics.requests.inc({
          endpoint: 'refused',
          model: '',
          channel: 'none',
          status: String(err.status),
        });
        sendError(res, err);
      } else if (isStoreUnavailable(err)) {
        log.warn('redis unavailable', { requestId: rc.requestId, error: String(err) });
        sendError(
          res,
          new RelayError('not_ready', 'The gateway cannot reach its store right now. Retry shortly.', {
            'retry-after': '2',
          }),
        );
      } else {
        log.error('unhandled request error', {
          requestId: rc.requestId,
          error: String((err as Error)?.stack ?? err),
        });
        sendError(res, internalError());
      }
    }
  }

  await config.start();
  const taskWorker = env.RELAY_CHANNEL_TASKS ? startChannelTaskWorker(deps, bullConnection) : null;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(env.RELAY_PORT, env.RELAY_HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    server,
    port,
    deps,
    async close() {
      shuttingDown = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const deadline = Date.now() + env.RELAY_SHUTDOWN_GRACE_MS;
      while (active > 0 && Date.now() < deadline) await sleep(50);
      server.closeAllConnections();
      await closed;
      await Promise.allSettled([...deps.inflight]);
      config.stop();
      // Each step is bounded: a Redis connection stuck reconnecting must not hang shutdown.
      await bounded(taskWorker?.close(), CLOSE_STEP_MS);
      await bounded(deps.channelEvents.close(), CLOSE_STEP_MS);
      await bounded(dispatchers.closeAll(), CLOSE_STEP_MS);
      subscriber.disconnect();
      for (const conn of [redis, bullConnection, producerConnection]) {
        await bounded(
          conn.quit().catch(() => {}),
          CLOSE_STEP_MS,
        );
        conn.disconnect();
      }
    },
  };
}

const CLOSE_STEP_MS = 5_000;

/** Waits for `p`, but no longer than `ms` (its failure is ignored: we are closing anyway). */
async function bounded(p: Promise<unknown> | undefined, ms: number): Promise<void> {
  if (!p) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    p.catch(() => {}),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
      timer.unref();
    }),
  ]);
  clearTimeout(timer);
}

/** ioredis failures (Redis down or restarting): the request was not admitted, so 503. */
function isStoreUnavailable(err: unknown): boolean {
  const e = err as { name?: string; message?: string; code?: string };
  return (
    e?.name === 'MaxRetriesPerRequestError' ||
    e?.code === 'ECONNREFUSED' ||
    /Connection is closed|ECONNREFUSED|ETIMEDOUT|LOADING|CLUSTERDOWN|Stream isn't writeable/.test(
      String(e?.message),
    )
  );
}

function cors(res: ServerResponse, origin: string, allowed: string[]): void {
  if (!allowed.includes('*') && !allowed.includes(origin)) return;
  res.setHeader('access-control-allow-origin', allowed.includes('*') ? '*' : origin);
  res.setHeader('vary', 'origin');
  res.setHeader(
    'access-control-expose-headers',
    'x-request-id, retry-after, x-should-retry, x-ratelimit-limit-requests, x-ratelimit-remaining-requests, x-ratelimit-reset-requests, x-ratelimit-limit-tokens, x-ratelimit-remaining-tokens, x-ratelimit-reset-tokens',
  );
}
