import { DeadlockException, DriverException, LockWaitTimeoutException, type MikroORM } from '@mikro-orm/core';
import { type RedisKeys, USAGE_CONSUMER_GROUP } from '@switchboard/shared/redis-keys';
import { type UsageRecord, usageRecordSchema } from '@switchboard/shared/usage';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { Cluster } from 'ioredis';
import type { RedisClient } from '../common/redis.js';
import { ConcurrentWriteError, writeUsageBatch } from './usage-batch.js';

export interface UsageWriterOptions {
  orm: MikroORM;
  /** A connection of its own: XREADGROUP … BLOCK holds it (maxRetriesPerRequest: null). */
  redis: RedisClient;
  keys: RedisKeys;
  shards: number;
  /** Upper bound of records per MySQL transaction. */
  batchSize?: number;
  /**
   * Transactions in flight at once. Each lane drains its own subset of the shards, so lanes touch
   * disjoint users and tokens (the shard is derived from the user) and do not block each other.
   */
  lanes?: number;
  blockMs?: number;
  /** Entries pending this long with a consumer are taken over (that consumer is presumed dead). */
  claimIdleMs?: number;
  log?: (line: string) => void;
}

/** Where a stream entry came from, to acknowledge it after the commit. */
interface Entry {
  stream: string;
  id: string;
  record: UsageRecord;
}

interface Lane {
  index: number;
  streams: string[];
  redis: RedisClient;
  consumer: string;
}

type StreamReply = [stream: string, entries: [id: string, fields: string[]][]][] | null;

/** Dead letters of a usage stream (same hash tag, so one MULTI can move an entry there). */
export const deadLetterKey = (stream: string) => `${stream}:dead`;

/**
 * Drains the usage streams (one per user shard) into MySQL: consumer group
 * USAGE_CONSUMER_GROUP, batches of up to `batchSize`, one transaction each (see
 * writeUsageBatch), XACK + XDEL only after the commit. While MySQL is unavailable the batch is
 * retried with backoff and stays pending in Redis: nothing is lost, and a crash leaves it for
 * XAUTOCLAIM by another consumer. Consumer names are unique per process, so any number of api
 * instances can run one each.
 */
export class UsageWriter {
  readonly consumer = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  private readonly streams: string[];
  private readonly lanes: Lane[];
  private readonly batchSize: number;
  private readonly blockMs: number;
  private readonly claimIdleMs: number;
  private readonly log: (line: string) => void;
  private running = false;
  private loops: Promise<void>[] = [];
  private lastClaim = 0;
  private lastForget = 0;
  private claimCursors = new Map<string, string>();
  /** Totals since start, for metrics and tests. */
  readonly stats = { inserted: 0, duplicates: 0, deadLetters: 0, batches: 0, retries: 0 };

  constructor(private readonly opts: UsageWriterOptions) {
    this.streams = Array.from({ length: opts.shards }, (_, s) => opts.keys.usageStream(s));
    this.batchSize = opts.batchSize ?? 1000;
    this.blockMs = opts.blockMs ?? 1000;
    this.claimIdleMs = opts.claimIdleMs ?? 60_000;
    this.log = opts.log ?? ((line) => console.log(line));
    const laneCount = Math.max(1, Math.min(opts.lanes ?? 4, this.streams.length));
    this.lanes = Array.from({ length: laneCount }, (_, i) => ({
      index: i,
      streams: this.streams.filter((_, s) => s % laneCount === i),
      // XREADGROUP … BLOCK holds a connection: one per lane.
      redis: i === 0 ? opts.redis : opts.redis.duplicate(),
      consumer: laneCount === 1 ? this.consumer : `${this.consumer}-${i}`,
    }));
  }

  async start(): Promise<void> {
    if (this.running) return;
    await this.ensureGroups();
    this.running = true;
    this.loops = this.lanes.map((lane) => this.run(lane));
  }

  /** Finishes the batch in hand (or gives up its retry: it stays pending in Redis), then stops. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    // A blocked XREADGROUP returns within blockMs; disconnecting would lose nothing either.
    await Promise.all(this.loops);
    this.loops = [];
    for (const lane of this.lanes) await this.removeSelfIfIdle(lane).catch(() => undefined);
    for (const lane of this.lanes.slice(1)) lane.redis.disconnect();
  }

  private async ensureGroups(): Promise<void> {
    for (const stream of this.streams) {
      try {
        await this.opts.redis.xgroup('CREATE', stream, USAGE_CONSUMER_GROUP, '0', 'MKSTREAM');
      } catch (err) {
        if (!String((err as Error).message).includes('BUSYGROUP')) throw err;
      }
    }
  }

  private async run(lane: Lane): Promise<void> {
    let backoff = 0;
    while (this.running) {
      try {
        let entries = lane.index === 0 ? await this.claimAbandoned(lane) : [];
        if (!entries.length) entries = await this.read(lane);
        if (entries.length) await this.process(lane.redis, entries);
        backoff = 0;
      } catch (err) {
        // Redis down (reads fail) or a bug: wait and go on; pending entries are safe in Redis.
        backoff = Math.min(backoff ? backoff * 2 : 200, 10_000);
        this.log(`[usage-writer] ${(err as Error).message}; retrying in ${backoff} ms`);
        await this.pause(backoff);
        if (String((err as Error).message).includes('NOGROUP'))
          await this.ensureGroups().catch(() => undefined);
      }
    }
  }

  /** New entries for this lane's consumer, from each of its shards. */
  private async read(lane: Lane): Promise<Entry[]> {
    const { redis, streams, consumer } = lane;
    const per = Math.max(50, Math.ceil(this.batchSize / streams.length));
    let replies: StreamReply[];
    if (redis instanceof Cluster) {
      // Streams live in different slots: one call each (no BLOCK, so they run side by side).
      replies = await Promise.all(
        streams.map(
          (s) =>
            redis.xreadgroup(
              'GROUP',
              USAGE_CONSUMER_GROUP,
              consumer,
              'COUNT',
              per,
              'STREAMS',
              s,
              '>',
            ) as Promise<StreamReply>,
        ),
      );
      if (replies.every((r) => !r)) await this.pause(Math.min(this.blockMs, 200));
    } else {
      replies = [
        (await redis.xreadgroup(
          'GROUP',
          USAGE_CONSUMER_GROUP,
          consumer,
          'COUNT',
          per,
          'BLOCK',
          this.blockMs,
          'STREAMS',
          ...streams,
          ...streams.map(() => '>'),
        )) as StreamReply,
      ];
    }
    const raw: [string, string, string[]][] = [];
    for (const reply of replies)
      for (const [stream, list] of reply ?? []) for (const [id, f] of list) raw.push([stream, id, f]);
    return this.parse(redis, raw);
  }

  /**
   * Entries another consumer read but never acknowledged for `claimIdleMs` (it died, or its
   * process was killed mid-batch). Checked every few seconds, one page per stream.
   */
  private async claimAbandoned(lane: Lane): Promise<Entry[]> {
    if (Date.now() - this.lastClaim < Math.min(this.claimIdleMs, 10_000)) return [];
    this.lastClaim = Date.now();
    const raw: [string, string, string[]][] = [];
    for (const stream of this.streams) {
      const cursor = this.claimCursors.get(stream) ?? '0-0';
      const reply = (await lane.redis.xautoclaim(
        stream,
        USAGE_CONSUMER_GROUP,
        lane.consumer,
        this.claimIdleMs,
        cursor,
        'COUNT',
        Math.max(50, Math.ceil(this.batchSize / this.streams.length)),
      )) as [string, [string, string[] | null][]];
      this.claimCursors.set(stream, reply[0]);
      // A deleted entry comes back with null fields: nothing to write, just acknowledge it.
      for (const [id, f] of reply[1]) raw.push([stream, id, f ?? []]);
    }
    if (raw.length) this.log(`[usage-writer] took over ${raw.length} abandoned entries`);
    await this.forgetDeadConsumers(lane.redis).catch(() => undefined);
    return this.parse(lane.redis, raw);
  }

  /** Valid records are returned; malformed entries are moved to the dead-letter list. */
  private async parse(redis: RedisClient, raw: [string, string, string[]][]): Promise<Entry[]> {
    const out: Entry[] = [];
    for (const [stream, id, fields] of raw) {
      const json = fieldValue(fields, 'r');
      let problem: string;
      if (json === undefined) problem = 'no "r" field';
      else {
        try {
          const parsed = usageRecordSchema.safeParse(JSON.parse(json));
          if (
            parsed.success &&
            /^-?\d{1,19}$/.test(parsed.data.quota) &&
            parsed.data.requestId.length <= 64
          ) {
            out.push({ stream, id, record: parsed.data });
            continue;
          }
          problem = parsed.success ? 'quota or requestId out of range' : parsed.error.message.slice(0, 500);
        } catch (err) {
          problem = `not JSON: ${(err as Error).message}`;
        }
      }
      await this.deadLetter(redis, stream, id, fields, problem);
    }
    return out;
  }

  private async deadLetter(
    redis: RedisClient,
    stream: string,
    id: string,
    fields: string[],
    problem: string,
  ): Promise<void> {
    if (fields.length) {
      const letter = JSON.stringify({ stream, id, fields, problem, at: Date.now() });
      this.log(`[usage-writer] malformed usage entry ${id} on ${stream}: ${problem}`);
      await redis
        .multi()
        .lpush(deadLetterKey(stream), letter)
        .xack(stream, USAGE_CONSUMER_GROUP, id)
        .xdel(stream, id)
        .exec();
      this.stats.deadLetters++;
    } else {
      await redis.multi().xack(stream, USAGE_CONSUMER_GROUP, id).xdel(stream, id).exec();
    }
  }

  /** Commits the batch (retrying while MySQL is unavailable), then acknowledges it. */
  private async process(redis: RedisClient, entries: Entry[]): Promise<void> {
    await this.commit(redis, entries);
    await this.acknowledge(redis, entries);
  }

  private async commit(redis: RedisClient, entries: Entry[]): Promise<void> {
    let backoff = 0;
    for (;;) {
      try {
        const result = await writeUsageBatch(
          this.opts.orm,
          entries.map((e) => e.record),
        );
        this.stats.inserted += result.inserted;
        this.stats.duplicates += result.duplicates;
        this.stats.batches++;
        return;
      } catch (err) {
        if (!this.running && !(err instanceof ConcurrentWriteError)) {
          // Shutting down: leave the batch pending; the next start (or another instance) takes it.
          throw new Error('stopping with an uncommitted batch (left pending in Redis)');
        }
        if (isPermanent(err)) {
          if (entries.length === 1) {
            const e = entries[0]!;
            await this.deadLetter(
              redis,
              e.stream,
              e.id,
              ['r', JSON.stringify(e.record)],
              `rejected by MySQL: ${(err as Error).message.slice(0, 300)}`,
            );
            entries.length = 0;
            return;
          }
          // One bad record must not hold up the others: split until it is isolated.
          const half = Math.ceil(entries.length / 2);
          await this.process(redis, entries.slice(0, half));
          await this.process(redis, entries.slice(half));
          entries.length = 0;
          return;
        }
        this.stats.retries++;
        if (err instanceof ConcurrentWriteError || err instanceof DeadlockException) continue;
        backoff = Math.min(backoff ? backoff * 2 : 250, 10_000);
        this.log(`[usage-writer] MySQL write failed (${(err as Error).message}); retrying in ${backoff} ms`);
        await this.pause(backoff);
      }
    }
  }

  private async acknowledge(redis: RedisClient, entries: Entry[]): Promise<void> {
    if (!entries.length) return;
    const byStream = new Map<string, string[]>();
    for (const e of entries) {
      const list = byStream.get(e.stream) ?? [];
      list.push(e.id);
      byStream.set(e.stream, list);
    }
    for (let attempt = 0; ; attempt++) {
      try {
        await Promise.all(
          [...byStream].map(([stream, ids]) =>
            redis
              .multi()
              .xack(stream, USAGE_CONSUMER_GROUP, ...ids)
              .xdel(stream, ...ids)
              .exec(),
          ),
        );
        return;
      } catch (err) {
        // Committed but not acknowledged: a redelivery would be a harmless replay. Keep trying a
        // little, then let the claim path clean up.
        if (attempt >= 5 || !this.running) {
          this.log(`[usage-writer] acknowledge failed (${(err as Error).message}); entries will be replayed`);
          return;
        }
        await this.pause(200 * 2 ** attempt);
      }
    }
  }

  /**
   * Consumers of crashed processes stay listed in the group; once they hold nothing and have
   * been silent for a day they are removed (names are unique per process, so none comes back).
   */
  private async forgetDeadConsumers(redis: RedisClient): Promise<void> {
    if (Date.now() - this.lastForget < 3_600_000) return;
    this.lastForget = Date.now();
    for (const stream of this.streams) {
      const list = (await redis.call('XINFO', 'CONSUMERS', stream, USAGE_CONSUMER_GROUP)) as unknown[][];
      for (const entry of list) {
        const info: Record<string, unknown> = {};
        for (let i = 0; i + 1 < entry.length; i += 2) info[String(entry[i])] = entry[i + 1];
        if (Number(info.pending) === 0 && Number(info.idle) > 86_400_000) {
          await redis.xgroup('DELCONSUMER', stream, USAGE_CONSUMER_GROUP, String(info.name));
        }
      }
    }
  }

  /** Leaves the consumer group tidy: drop our consumer when it holds nothing. */
  private async removeSelfIfIdle(lane: Lane): Promise<void> {
    for (const stream of this.streams) {
      const pending = (await lane.redis.xpending(
        stream,
        USAGE_CONSUMER_GROUP,
        '-',
        '+',
        1,
        lane.consumer,
      )) as unknown[];
      if (!pending.length)
        await lane.redis.xgroup('DELCONSUMER', stream, USAGE_CONSUMER_GROUP, lane.consumer);
    }
  }

  /** Sleeps, but wakes up early enough to notice stop(). */
  private async pause(ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (this.running && Date.now() < until) await sleep(Math.min(100, until - Date.now()));
  }
}

function fieldValue(fields: string[], name: string): string | undefined {
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}

/** SQL errors that a retry cannot fix (bad data), as opposed to an unavailable or busy server. */
function isPermanent(err: unknown): boolean {
  if (
    err instanceof ConcurrentWriteError ||
    err instanceof DeadlockException ||
    err instanceof LockWaitTimeoutException
  )
    return false;
  const e = err as { errno?: number; sqlState?: string; code?: string };
  const errno = typeof e.errno === 'number' ? e.errno : undefined;
  // Data errors (class 22: too long, out of range; 23: constraint), reported with an SQL state.
  if (err instanceof DriverException && (e.sqlState?.startsWith('22') || e.sqlState?.startsWith('23')))
    return true;
  return errno !== undefined && [1264, 1265, 1366, 1406, 1292, 3140].includes(errno);
}
