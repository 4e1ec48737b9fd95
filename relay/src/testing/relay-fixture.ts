import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deriveKey, encryptSecret, generateTokenKey, hashTokenKey } from '@switchboard/shared/crypto';
import { redisKeys, USAGE_CONSUMER_GROUP, userShard } from '@switchboard/shared/redis-keys';
import {
  type ConfigMessage,
  type RelaySnapshot,
  relaySnapshotSchema,
  type SnapshotChannel,
  snapshotChannelSchema,
  type TokenRecord,
} from '@switchboard/shared/relay-config';
import { type UsageRecord, usageRecordSchema } from '@switchboard/shared/usage';
import { Redis } from 'ioredis';
import { loadRelayEnv } from '../env.js';
import { createLogger } from '../log.js';
import { type RelayWorker, startRelayWorker } from '../server.js';

/**
 * Test harness for the relay: seeds Redis the way the api does (snapshot, token records,
 * balances) using the shared contracts only, and starts a relay — in-process, or as the real
 * cluster (`node dist/main.js`, RELAY_WORKERS=n). Each fixture has its own Redis prefix.
 */
export const USAGE_SHARDS = 4;
const relayRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');

export interface ChannelInput extends Partial<Omit<SnapshotChannel, 'keys'>> {
  id: number;
  baseUrl: string;
  keys: string[];
  models: string[];
}

export interface TokenInput {
  userId: number;
  tokenId: number;
  userQuota: bigint | number | null;
  tokenQuota?: bigint | number | null;
  record?: Partial<TokenRecord>;
}

export class RelayFixture {
  readonly prefix: string;
  readonly keys: ReturnType<typeof redisKeys>;
  readonly redis: Redis;
  readonly secret = process.env.SECRET_KEY ?? 'test-secret-relay-0123456789abcdef';
  private version = 0;
  worker: RelayWorker | null = null;
  child: ChildProcess | null = null;
  port = 0;
  childLog = '';

  readonly redisUrl: string;

  constructor(tag: string, redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379') {
    this.prefix = `${process.env.REDIS_PREFIX ?? 'sbt:relay:'}${tag}${randomBytes(2).toString('hex')}:`;
    this.keys = redisKeys(this.prefix);
    this.redisUrl = redisUrl;
    this.redis = new Redis(redisUrl);
    this.redis.on('error', () => {});
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  get v1(): string {
    return `${this.url}/v1`;
  }

  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      REDIS_URL: this.redisUrl,
      REDIS_PREFIX: this.prefix,
      SECRET_KEY: this.secret,
      USAGE_SHARDS: String(USAGE_SHARDS),
      LOG_LEVEL: 'warn',
      RELAY_HOST: '127.0.0.1',
      RELAY_PORT: '0',
      RELAY_WORKERS: '0',
      RELAY_SHUTDOWN_GRACE_MS: '2000',
      ...extra,
    };
  }

  channel(input: ChannelInput): SnapshotChannel {
    const key = deriveKey(this.secret, 'channel-keys');
    return snapshotChannelSchema.parse({
      name: `ch${input.id}`,
      type: 'openai',
      groups: ['default'],
      status: 'enabled',
      timeouts: {},
      ...input,
      keys: input.keys.map((k) => encryptSecret(k, key)),
    });
  }

  /** Writes a new snapshot version and announces it. */
  async publishSnapshot(
    channels: ChannelInput[],
    extra: Partial<RelaySnapshot> = {},
  ): Promise<RelaySnapshot> {
    const models = new Set(channels.flatMap((c) => c.models));
    const snap = relaySnapshotSchema.parse({
      version: ++this.version,
      generatedAt: new Date().toISOString(),
      channels: channels.map((c) => this.channel(c)),
      groups: [
        { name: 'default', ratio: '1' },
        { name: 'vip', ratio: '0.5' },
      ],
      prices: [...models].map((model) => ({
        model,
        modelRatio: '1.25',
        completionRatio: '4',
        defaultMaxOutputTokens: 256,
      })),
      options: { cooldownMs: 30_000, streamKeepAliveMs: 15_000 },
      ...extra,
    });
    await this.redis.set(this.keys.configSnapshot, JSON.stringify(snap));
    await this.announce({ kind: 'snapshot', version: snap.version });
    return snap;
  }

  announce(msg: ConfigMessage): Promise<number> {
    return this.redis.publish(this.keys.configChannel, JSON.stringify(msg));
  }

  /** Creates a token record and balances; returns the plain key. */
  async token(input: TokenInput): Promise<string> {
    const key = generateTokenKey();
    const record: TokenRecord = {
      id: input.tokenId,
      userId: input.userId,
      name: `t${input.tokenId}`,
      status: 'enabled',
      userStatus: 'enabled',
      expiresAt: null,
      unlimited: input.tokenQuota === undefined || input.tokenQuota === null,
      models: null,
      ipWhitelist: null,
      group: 'default',
      rpm: 0,
      tpm: 0,
      userRpm: 0,
      userTpm: 0,
      playground: false,
      ...input.record,
    };
    const shard = userShard(input.userId, USAGE_SHARDS);
    await this.redis.hset(this.keys.token(hashTokenKey(key)), 'd', JSON.stringify(record));
    if (input.userQuota !== null)
      await this.redis.set(this.keys.userQuota(shard, input.userId), String(input.userQuota));
    if (input.tokenQuota !== undefined && input.tokenQuota !== null)
      await this.redis.set(this.keys.tokenQuota(shard, input.tokenId), String(input.tokenQuota));
    return key;
  }

  async userQuota(userId: number): Promise<bigint> {
    return BigInt(
      (await this.redis.get(this.keys.userQuota(userShard(userId, USAGE_SHARDS), userId))) ?? '0',
    );
  }

  async tokenQuota(userId: number, tokenId: number): Promise<bigint> {
    return BigInt(
      (await this.redis.get(this.keys.tokenQuota(userShard(userId, USAGE_SHARDS), tokenId))) ?? '0',
    );
  }

  /** Every usage record in every shard's stream. */
  async usageRecords(): Promise<UsageRecord[]> {
    const out: UsageRecord[] = [];
    for (let s = 0; s < USAGE_SHARDS; s++) {
      const entries = await this.redis.xrange(this.keys.usageStream(s), '-', '+');
      for (const [, fields] of entries)
        out.push(usageRecordSchema.parse(JSON.parse(fields[fields.indexOf('r') + 1]!)));
    }
    return out;
  }

  /** Waits until `count` records exist (settlement runs right after the reply). */
  async waitForRecords(count: number, timeoutMs = 10_000): Promise<UsageRecord[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const records = await this.usageRecords();
      if (records.length >= count || Date.now() > deadline) return records;
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Waits until a record matching `pred` exists. */
  async waitForRecord(
    pred: (r: UsageRecord) => boolean,
    timeoutMs = 10_000,
  ): Promise<UsageRecord | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = (await this.usageRecords()).find(pred);
      if (hit || Date.now() > deadline) return hit;
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async startInProcess(extra: Record<string, string> = {}): Promise<void> {
    this.worker = await startRelayWorker(loadRelayEnv(this.env(extra)), createLogger('error'));
    this.port = this.worker.port;
  }

  /** The real relay process tree (node:cluster primary + workers); needs `pnpm build`. */
  async startCluster(workers: number, extra: Record<string, string> = {}): Promise<void> {
    const { freePort } = await import('@switchboard/test/support/ports');
    this.port = await freePort();
    this.child = spawn(process.execPath, [join(relayRoot, 'dist/main.js')], {
      env: {
        ...process.env,
        ...this.env({ RELAY_PORT: String(this.port), RELAY_WORKERS: String(workers), ...extra }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (d) => (this.childLog += d));
    this.child.stderr!.on('data', (d) => (this.childLog += d));
    const deadline = Date.now() + 20_000;
    for (;;) {
      try {
        const r = await fetch(`${this.url}/readyz`);
        if (r.status === 200) break;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) throw new Error(`relay did not become ready:\n${this.childLog}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async stop(): Promise<void> {
    await this.worker?.close();
    this.worker = null;
    if (this.child && this.child.exitCode === null) {
      const exited = new Promise((r) => this.child!.once('exit', r));
      this.child.kill('SIGTERM');
      await exited;
    }
    this.child = null;
    let cursor = '0';
    do {
      const [next, found] = await this.redis.scan(cursor, 'MATCH', `${this.prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (found.length) await this.redis.unlink(...found);
    } while (cursor !== '0');
    this.redis.disconnect();
  }
}

export { USAGE_CONSUMER_GROUP };
