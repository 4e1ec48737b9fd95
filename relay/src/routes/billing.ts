import type { IncomingMessage, ServerResponse } from 'node:http';
import { userShard } from '@switchboard/shared/redis-keys';
import type { RelayDeps } from '../deps.js';
import { sendJson } from '../http/respond.js';
import { authenticate, notReady } from './relay-endpoint.js';

/**
 * One-API's billing endpoints, for clients that show a balance:
 * /dashboard/billing/subscription (hard limit = what is left, in USD) and
 * /dashboard/billing/usage (total_usage in cents = what the key has used).
 */
export async function billingSubscription(
  deps: RelayDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { token } = await authenticate(deps, req);
  const index = deps.config.index;
  if (!index) throw notReady();
  const r = token.record;
  const shard = userShard(r.userId, deps.env.USAGE_SHARDS);
  const [user, tok] = await Promise.all([
    deps.redis.get(deps.keys.userQuota(shard, r.userId)),
    r.unlimited ? Promise.resolve(null) : deps.redis.get(deps.keys.tokenQuota(shard, r.id)),
  ]);
  const left = [user, tok].filter((v): v is string => v !== null).map(BigInt);
  let remaining = left[0] ?? 0n;
  for (const v of left) if (v < remaining) remaining = v;
  const usd = Number(remaining < 0n ? 0n : remaining) / Number(index.quotaPerUsd);
  sendJson(res, 200, {
    object: 'billing_subscription',
    has_payment_method: true,
    soft_limit_usd: usd,
    hard_limit_usd: usd,
    system_hard_limit_usd: usd,
    access_until: r.expiresAt ? Math.floor(r.expiresAt / 1000) : 0,
  });
}

export async function billingUsage(
  deps: RelayDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { token } = await authenticate(deps, req);
  const index = deps.config.index;
  if (!index) throw notReady();
  const r = token.record;
  const used = await deps.redis.get(deps.keys.tokenUsed(userShard(r.userId, deps.env.USAGE_SHARDS), r.id));
  const cents = (Number(BigInt(used ?? '0')) / Number(index.quotaPerUsd)) * 100;
  sendJson(res, 200, { object: 'list', total_usage: cents });
}
