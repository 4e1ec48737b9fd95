import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { redisKeys, type RedisKeys, userShard } from '@switchboard/shared/redis-keys';
import type { ConfigMessage } from '@switchboard/shared/relay-config';
import { type RedisClient, type RedisCommand, runCommands } from '../common/redis.js';
import type { ApiEnv } from '../env.js';
import { Token } from '../modules/token/token.entity.js';
import { User } from '../modules/user/user.entity.js';
import { withRedisLock } from './redis-lock.js';
import { buildSnapshot } from './snapshot-builder.js';
import { toTokenRecord } from './token-record.js';

/**
 * Stores the snapshot under a version that is newer than the stored one and publishes the
 * announcement in the same script, so relays never see an announcement before the data.
 * version = max(now in ms, stored + 1): monotonic across api instances (one script at a time)
 * and across a Redis wipe (the clock keeps growing). The stored JSON starts with
 * `{"version":N,` so the script can read N without decoding the whole snapshot.
 */
const STORE_SNAPSHOT = `
local cur = redis.call('GET', KEYS[1])
local curv = 0
if cur then curv = tonumber(string.match(cur, '^{"version":(%d+)')) or 0 end
local v = tonumber(ARGV[1])
if v <= curv then v = curv + 1 end
local vs = string.format('%.0f', v)
redis.call('SET', KEYS[1], '{"version":' .. vs .. ',' .. ARGV[2])
redis.call('PUBLISH', ARGV[3], '{"kind":"snapshot","version":' .. vs .. '}')
return vs
`;

const TOKEN_BATCH = 500;

export class ConfigPublisher {
  readonly keys: RedisKeys;
  private running: Promise<number> | null = null;
  private queued: Promise<number> | null = null;

  constructor(
    private readonly orm: MikroORM,
    private readonly redis: RedisClient,
    private readonly env: ApiEnv,
  ) {
    this.keys = redisKeys(env.REDIS_PREFIX);
  }

  /**
   * Rebuilds the snapshot from MySQL and publishes it. Calls made while one is running are
   * coalesced into a single follow-up run, which starts after the running one (so it reads
   * every change committed before it was asked for).
   */
  publishSnapshot(): Promise<number> {
    if (this.queued) return this.queued;
    if (this.running) {
      this.queued = this.running
        .catch(() => undefined)
        .then(() => {
          this.queued = null;
          return this.run();
        });
      return this.queued;
    }
    return this.run();
  }

  private run(): Promise<number> {
    const p = this.storeSnapshot().finally(() => {
      if (this.running === p) this.running = null;
    });
    this.running = p;
    return p;
  }

  /**
   * Build and store happen under a lock shared by all api instances: whoever stores later
   * read MySQL later, so the newest version always holds the newest state.
   */
  private async storeSnapshot(): Promise<number> {
    return withRedisLock(this.redis, this.keys.lock('config-publish'), async () => {
      const snapshot = await buildSnapshot(this.orm.em.fork(), 0);
      const { version: _placeholder, ...rest } = snapshot;
      const body = JSON.stringify(rest).slice(1);
      const version = await this.redis.eval(
        STORE_SNAPSHOT,
        1,
        this.keys.configSnapshot,
        String(Date.now()),
        body,
        this.keys.configChannel,
      );
      return Number(version);
    });
  }

  async snapshotVersion(): Promise<number | null> {
    const raw = await this.redis.get(this.keys.configSnapshot);
    if (!raw) return null;
    const m = /^\{"version":(\d+)/.exec(raw);
    return m ? Number(m[1]) : null;
  }

  private async announce(message: ConfigMessage): Promise<void> {
    await this.redis.publish(this.keys.configChannel, JSON.stringify(message));
  }

  /**
   * Writes token records (and, for new tokens, their quota keys) and announces them.
   * `created`: set the quota key to the token's remaining quota (only if absent).
   */
  async syncTokens(em: EntityManager, tokens: Token[]): Promise<void> {
    if (!tokens.length) return;
    await em.populate(tokens, ['user']);
    const commands: RedisCommand[] = [];
    for (const t of tokens) {
      commands.push(['HSET', this.keys.token(t.keyHash), 'd', JSON.stringify(toTokenRecord(t, t.user))]);
      const quotaKey = this.keys.tokenQuota(this.shard(t.user.id), t.id);
      if (t.unlimited) commands.push(['DEL', quotaKey]);
      else commands.push(['SET', quotaKey, t.remainQuota.toString(), 'NX']);
      commands.push(this.seedTokenUsed(t));
    }
    await runCommands(this.redis, commands);
    await this.announce({ kind: 'tokens', keyHashes: tokens.map((t) => t.keyHash) });
  }

  /** Adds `delta` to a limited token's live remaining quota (admin edits, resets). */
  async adjustTokenQuota(userId: number, tokenId: number, delta: bigint): Promise<void> {
    if (delta === 0n) return;
    await this.redis.incrby(this.keys.tokenQuota(this.shard(userId), tokenId), delta.toString());
  }

  /** Replaces a limited token's live remaining quota (scheduled resets). */
  async setTokenQuota(userId: number, tokenId: number, value: bigint): Promise<void> {
    await this.redis.set(this.keys.tokenQuota(this.shard(userId), tokenId), value.toString());
  }

  async deleteTokens(tokens: { id: number; keyHash: string; userId: number }[]): Promise<void> {
    if (!tokens.length) return;
    await runCommands(
      this.redis,
      tokens.flatMap((t): RedisCommand[] => [
        ['DEL', this.keys.token(t.keyHash)],
        ['DEL', this.keys.tokenQuota(this.shard(t.userId), t.id)],
      ]),
    );
    await this.announce({ kind: 'tokens', keyHashes: tokens.map((t) => t.keyHash) });
  }

  /** Rewrites the records of every token of a user (status, limits or group changed). */
  async syncUserTokens(em: EntityManager, userId: number): Promise<void> {
    const tokens = await em.find(Token, { user: userId });
    await this.syncTokens(em, tokens);
  }

  /** New user: the live balance starts at the MySQL balance (SET NX: never clobber a live one). */
  async initUserQuota(userId: number, quota: bigint): Promise<void> {
    await this.redis.set(this.keys.userQuota(this.shard(userId), userId), quota.toString(), 'NX');
  }

  /** Top-ups and adjustments: INCRBY, so concurrent relay charges are never lost. */
  async adjustUserQuota(userId: number, delta: bigint): Promise<bigint> {
    const v = await this.redis.incrby(this.keys.userQuota(this.shard(userId), userId), delta.toString());
    return BigInt(v);
  }

  async liveUserQuota(userId: number): Promise<bigint | null> {
    const v = await this.redis.get(this.keys.userQuota(this.shard(userId), userId));
    return v === null ? null : BigInt(v);
  }

  async liveTokenQuota(userId: number, tokenId: number): Promise<bigint | null> {
    const v = await this.redis.get(this.keys.tokenQuota(this.shard(userId), tokenId));
    return v === null ? null : BigInt(v);
  }

  async deleteUser(userId: number): Promise<void> {
    await this.redis.del(this.keys.userQuota(this.shard(userId), userId));
  }

  /**
   * Restores everything relays need from MySQL, in the order that keeps them correct: token
   * records and balances first, then the snapshot (relays treat a missing snapshot as "not
   * ready", so by the time they see one the tokens are there). Balances are SET NX: where Redis
   * still holds a live value it is newer than MySQL's.
   */
  async rebuild(): Promise<{ tokens: number; users: number; version: number }> {
    const em = this.orm.em.fork();
    let users = 0;
    let lastUserId = 0;
    for (;;) {
      const batch = await em.find(User, { id: { $gt: lastUserId } }, { orderBy: { id: 'asc' }, limit: 1000 });
      if (!batch.length) break;
      await runCommands(
        this.redis,
        batch.map(
          (u): RedisCommand => ['SET', this.keys.userQuota(this.shard(u.id), u.id), u.quota.toString(), 'NX'],
        ),
      );
      users += batch.length;
      lastUserId = batch[batch.length - 1]!.id;
      em.clear();
    }
    let tokens = 0;
    let lastTokenId = 0;
    for (;;) {
      const batch = await em.find(
        Token,
        { id: { $gt: lastTokenId } },
        { orderBy: { id: 'asc' }, limit: TOKEN_BATCH, populate: ['user'] },
      );
      if (!batch.length) break;
      const commands: RedisCommand[] = [];
      for (const t of batch) {
        commands.push(['HSET', this.keys.token(t.keyHash), 'd', JSON.stringify(toTokenRecord(t, t.user))]);
        if (!t.unlimited) {
          commands.push([
            'SET',
            this.keys.tokenQuota(this.shard(t.user.id), t.id),
            t.remainQuota.toString(),
            'NX',
          ]);
        }
        commands.push(this.seedTokenUsed(t));
      }
      await runCommands(this.redis, commands);
      tokens += batch.length;
      lastTokenId = batch[batch.length - 1]!.id;
      em.clear();
    }
    await this.announce({ kind: 'tokens-all' });
    const version = await this.publishSnapshot();
    return { tokens, users, version };
  }

  /** Rebuilds when the snapshot is gone (Redis wiped or restarted empty). Safe with many instances. */
  async rebuildIfMissing(): Promise<boolean> {
    if (await this.redis.exists(this.keys.configSnapshot)) return false;
    return withRedisLock(
      this.redis,
      this.keys.lock('rebuild'),
      async () => {
        // Another instance may have finished the rebuild while we waited for the lock.
        if (await this.redis.exists(this.keys.configSnapshot)) return false;
        await this.rebuild();
        return true;
      },
      { leaseMs: 120_000, waitMs: 120_000 },
    );
  }

  /**
   * The relay's used-quota counter (One-API's /dashboard/billing/usage) only grows with
   * settlements: after a Redis wipe it would restart at 0, so it starts at MySQL's usedQuota.
   * NX: a live counter is ahead of MySQL (the usage writer lags), never overwrite it.
   */
  private seedTokenUsed(t: Token): RedisCommand {
    return ['SET', this.keys.tokenUsed(this.shard(t.user.id), t.id), t.usedQuota.toString(), 'NX'];
  }

  shard(userId: number): number {
    return userShard(userId, this.env.USAGE_SHARDS);
  }
}
