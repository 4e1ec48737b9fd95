import type { IncomingMessage, ServerResponse } from 'node:http';
import { userShard } from '@switchboard/shared/redis-keys';
import type { RelayDeps } from '../deps.js';
import { sendJson } from '../http/respond.js';
import type { AuthedToken } from '../pipeline/authenticate-token.js';
import { authenticate, notReady } from './relay-endpoint.js';

/**
 * One-API's billing endpoints (controller/billing.go), for clients that show a balance as
 * "used total_usage/100 of hard_limit_usd" (NextChat and the like), token-level:
 * - /dashboard/billing/subscription: hard_limit_usd = (remaining + used) in USD, so that
 *   hard_limit_usd − total_usage/100 is what is left; an unlimited token shows One-API's
 *   100000000.
 * - /dashboard/billing/usage: total_usage = what the key has used, in US cents.
 * "Remaining" is what the key can still spend: the smaller of its own and its user's balance.
 */
const UNLIMITED_USD = 100_000_000;

export async function billingSubscription(
  deps: RelayDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { token } = await authenticate(deps, req);
  const quotaPerUsd = quotaUnit(deps);
  const r = token.record;
  let usd = UNLIMITED_USD;
  if (!r.unlimited) {
    const shard = userShard(r.userId, deps.env.USAGE_SHARDS);
    const [user, tok, used] = await Promise.all([
      deps.redis.get(deps.keys.userQuota(shard, r.userId)),
      deps.redis.get(deps.keys.tokenQuota(shard, r.id)),
      usedQuota(deps, token),
    ]);
    let remaining: bigint | null = null;
    for (const v of [user, tok])
      if (v !== null && (remaining === null || BigInt(v) < remaining)) remaining = BigInt(v);
    usd = Number((remaining !== null && remaining > 0n ? remaining : 0n) + used) / quotaPerUsd;
  }
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
  const quotaPerUsd = quotaUnit(deps);
  const used = await usedQuota(deps, token);
  sendJson(res, 200, { object: 'list', total_usage: (Number(used) / quotaPerUsd) * 100 });
}

function quotaUnit(deps: RelayDeps): number {
  const index = deps.config.index;
  if (!index) throw notReady();
  return Number(index.quotaPerUsd);
}

/** What the key has spent: kept by settlement, seeded from MySQL when the api rebuilds Redis. */
async function usedQuota(deps: RelayDeps, token: AuthedToken): Promise<bigint> {
  const r = token.record;
  const v = await deps.redis.get(deps.keys.tokenUsed(userShard(r.userId, deps.env.USAGE_SHARDS), r.id));
  return BigInt(v ?? '0');
}
