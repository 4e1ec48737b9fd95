import type { ServerResponse } from 'node:http';
import type { RelayDeps } from '../deps.js';
import { sendJson } from '../http/respond.js';

/** /healthz: the process answers. /readyz: config loaded and Redis reachable. */
export function healthz(res: ServerResponse): void {
  sendJson(res, 200, { ok: true });
}

export async function readyz(deps: RelayDeps, res: ServerResponse, shuttingDown: boolean): Promise<void> {
  let redisUp = false;
  try {
    redisUp = (await deps.redis.ping()) === 'PONG';
  } catch {
    redisUp = false;
  }
  const ready = !shuttingDown && redisUp && deps.config.ready;
  sendJson(res, ready ? 200 : 503, {
    ready,
    redis: redisUp,
    config: deps.config.index?.version ?? null,
    shuttingDown,
  });
}

export async function metrics(deps: RelayDeps, res: ServerResponse): Promise<void> {
  const { contentType, body } = await deps.metrics.render();
  res.writeHead(200, { 'content-type': contentType });
  res.end(body);
}
