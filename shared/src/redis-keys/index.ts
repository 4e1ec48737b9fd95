/**
 * Every Redis key, pub/sub channel and queue name, built from REDIS_PREFIX so that two
 * systems (or two test runs) can share one Redis.
 *
 * Redis Cluster: a Lua script may only touch keys of one hash slot. Quota keys and the usage
 * stream therefore carry a shard hash tag `{sN}` derived from the user id: one user's
 * balance, its tokens' balances, its rate-limit counters and the usage stream it writes to
 * share a slot, so reserve and settle (which also appends the usage record) are one script.
 */
export function userShard(userId: number, shards: number): number {
  return userId % shards;
}

export function redisKeys(prefix: string) {
  const tag = (shard: number) => `${prefix}{s${shard}}`;
  return {
    prefix,
    /** JSON RelaySnapshot, written by the api. */
    configSnapshot: `${prefix}config:snapshot`,
    /** Pub/sub: config changed; payload is a ConfigMessage JSON. */
    configChannel: `${prefix}config:changed`,
    /** Hash: token record for a key hash; field `d` holds TokenRecord JSON. */
    token: (keyHash: string) => `${prefix}token:${keyHash}`,
    /** Pub/sub: live channel health (HealthEvent JSON), relayed to GraphQL subscriptions. */
    healthChannel: `${prefix}health`,
    /** Hash per channel: shared routing state (cooldown, disabled keys) written by relays. */
    channelState: (channelId: number) => `${prefix}channel:${channelId}:state`,
    /** Response id → channel id, for /v1/responses follow-ups (with TTL). */
    responseOwner: (responseId: string) => `${prefix}response:${responseId}`,
    /** Quota balance of a user (integer quota units). */
    userQuota: (shard: number, userId: number) => `${tag(shard)}:user:${userId}:quota`,
    /** Remaining quota of a limited token. Absent for unlimited tokens. */
    tokenQuota: (shard: number, tokenId: number) => `${tag(shard)}:token:${tokenId}:quota`,
    /** Quota a token has used so far (integer units), kept by the relay's settle script for
     * One-API's /dashboard/billing/usage; the api may seed it from MySQL after a rebuild. */
    tokenUsed: (shard: number, tokenId: number) => `${tag(shard)}:token:${tokenId}:used`,
    /** Rate-limit window counters. */
    rateLimit: (shard: number, scope: 'user' | 'token', id: number, kind: 'rpm' | 'tpm') =>
      `${tag(shard)}:rl:${scope}:${id}:${kind}`,
    /** Reservation marker of one admitted request (value: reserved amount): written by the
     * reserve script, deleted by the settle script, which applies a settlement only if it
     * deleted the marker — a retried settle whose first reply was lost changes nothing. */
    reservation: (shard: number, requestId: string) => `${tag(shard)}:resv:${requestId}`,
    /** Tokens a Responses reply leaves in its conversation (input + output), written by the
     * settle script; a follow-up naming it is billed them as input, so its reservation adds
     * them. In the shard of the user who made it (only that user may continue it). */
    responseContext: (shard: number, responseId: string) => `${tag(shard)}:respctx:${responseId}`,
    /** Stream of UsageRecord entries (field `r`), drained by the api's usage writer. */
    usageStream: (shard: number) => `${tag(shard)}:usage`,
    /** BullMQ prefix (hash-tagged so each queue's keys share a slot in Cluster). */
    bullPrefix: `${prefix}{bull}`,
    /** Short-lived lock keys used by the api. */
    lock: (name: string) => `${prefix}lock:${name}`,
  };
}

export type RedisKeys = ReturnType<typeof redisKeys>;

/** Consumer group name on every usage stream. */
export const USAGE_CONSUMER_GROUP = 'usage-writer';
