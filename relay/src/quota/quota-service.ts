import { setTimeout as sleep } from 'node:timers/promises';
import { type RedisKeys, userShard } from '@switchboard/shared/redis-keys';
import type { TokenRecord } from '@switchboard/shared/relay-config';
import type { UsageRecord } from '@switchboard/shared/usage';
import { RelayError } from '../http/relay-error.js';
import type { Logger } from '../log.js';
import type { RedisClient } from '../redis.js';
import { RESERVE_LUA, SETTLE_LUA } from './scripts.js';

const WINDOW_MS = 60_000;
const SETTLE_BATCH_MAX = 128;
/**
 * Lifetime of a reservation marker. Far longer than any request can live (streams end on the
 * channel's idle timeouts; settle retries give up within minutes), so a marker never expires
 * before its settlement. Markers exist only for requests in flight; one left by a worker that
 * crashed between reserve and settle simply expires. (Redis runs with `noeviction`, so a
 * marker is never evicted early.)
 */
const RESERVATION_MARKER_TTL_MS = 24 * 3_600_000;
/** As long as the relay remembers a response's owner (routes/relay-endpoint.ts). */
const RESPONSE_CONTEXT_TTL_S = 30 * 24 * 3600;
/**
 * Token counts go through Lua numbers, which Redis turns into command arguments as "%.14g":
 * beyond 1e14 that is "1e+14", which INCRBY refuses — mid-script, after the balance moved.
 * No real bound comes near; an absurd max_tokens is clamped (its quota is refused anyway).
 */
const MAX_TOKEN_COUNT = 1e12;
const tokenCount = (n: number) => Math.min(MAX_TOKEN_COUNT, Math.max(0, Math.ceil(n) || 0));

type QuotaCommands = {
  sbReserve(...args: Array<string | number>): Promise<number[]>;
  /** The stream entry id, or null when the settlement had already been applied. */
  sbSettle(...args: Array<string | number>): Promise<string | null>;
};

type QuotaPipeline = {
  sbSettle(...args: Array<string | number>): QuotaPipeline;
  exec(): Promise<Array<[Error | null, unknown]> | null>;
};

interface SettleItem {
  shard: number;
  args: Array<string | number>;
  resolve: (v: string | null) => void;
  reject: (e: unknown) => void;
}

export interface Reservation {
  amount: bigint;
  shard: number;
  /** Names the reservation marker that makes settlement idempotent. */
  requestId: string;
  /** x-ratelimit-* headers to add to the response. */
  headers: Record<string, string>;
  /** Tokens counted into the tpm windows at reserve, replaced by the actual ones at settle. */
  tokenBound: number;
  /** Redis time (ms) the user's and the token's tpm windows end at (0: no window). */
  tpmWindowEnds: [number, number];
}

/** 'duplicate': the settlement had already been applied (a repeat after a lost reply). */
export type SettleOutcome = 'applied' | 'duplicate' | 'failed';

/**
 * Quota reservation and settlement: one script call (one round trip) each. Every admitted
 * request is settled exactly once, and its usage record is written by that same call.
 */
export class QuotaService {
  private readonly cmd: QuotaCommands;
  private queue: SettleItem[] = [];
  private flushScheduled = false;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    private readonly shards: number,
    private readonly log: Logger,
  ) {
    redis.defineCommand('sbReserve', { numberOfKeys: 7, lua: RESERVE_LUA });
    redis.defineCommand('sbSettle', { numberOfKeys: 8, lua: SETTLE_LUA });
    this.cmd = redis as unknown as QuotaCommands;
  }

  /**
   * `tokenBound`: the request's prompt bound + output bound, counted into the tpm windows
   * (see RESERVE_LUA).
   */
  async reserve(token: TokenRecord, amount: bigint, requestId: string, bound = 0): Promise<Reservation> {
    const tokenBound = tokenCount(bound);
    const shard = userShard(token.userId, this.shards);
    const k = this.keys;
    // Settlements queued in this same turn go first: the next reservation sees their refunds.
    if (this.queue.length > 0) this.flush();
    const reply = await this.cmd.sbReserve(
      k.userQuota(shard, token.userId),
      k.tokenQuota(shard, token.id),
      k.rateLimit(shard, 'user', token.userId, 'rpm'),
      k.rateLimit(shard, 'user', token.userId, 'tpm'),
      k.rateLimit(shard, 'token', token.id, 'rpm'),
      k.rateLimit(shard, 'token', token.id, 'tpm'),
      k.reservation(shard, requestId),
      amount.toString(),
      token.unlimited ? 0 : 1,
      token.userRpm,
      token.userTpm,
      token.rpm,
      token.tpm,
      WINDOW_MS,
      RESERVATION_MARKER_TTL_MS,
      tokenBound,
    );
    const [code = 0, a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0] = reply;
    if (code !== 1) throw refusal(code, a, b, c);
    const headers: Record<string, string> = {};
    if (a > 0) rateLimitHeaders(headers, 'requests', a, b, c);
    if (d > 0) rateLimitHeaders(headers, 'tokens', d, e, f);
    return { amount, shard, requestId, headers, tokenBound, tpmWindowEnds: [g, h] };
  }

  /**
   * Tokens the response `responseId` left in its conversation (0 when unknown), for the
   * reservation of a follow-up naming it. One GET, sent with the owner lookup of the same
   * follow-up (sent in the same tick: the two replies come back together).
   */
  async previousContext(token: TokenRecord, responseId: string): Promise<number> {
    const shard = userShard(token.userId, this.shards);
    // Unreadable counts as unknown: the owner lookup sent with it fails the request anyway.
    const v = await this.redis.get(this.keys.responseContext(shard, responseId)).catch(() => null);
    return v ? Number(v) || 0 : 0;
  }

  /**
   * Settlements go out together, at the end of the event-loop turn that queued them: right
   * after the replies, while their clients read them, so that neither the script's run in
   * Redis nor its reply lands inside the next request's time (a settlement sent along with the
   * next reservation delays that reservation by its own run; measured). Under load a turn ends
   * many requests, and their settlements go as one pipeline per shard (one socket write; one
   * shard's keys share a hash slot, as Cluster pipelines require).
   */
  private batched(shard: number, args: Array<string | number>): Promise<string | null> {
    return new Promise((resolve, reject) => {
      this.queue.push({ shard, args, resolve, reject });
      if (this.queue.length >= SETTLE_BATCH_MAX) this.flush();
      else if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 1) {
      const item = batch[0]!;
      this.cmd.sbSettle(...item.args).then(item.resolve, item.reject);
      return;
    }
    const byShard = new Map<number, SettleItem[]>();
    for (const item of batch) {
      const group = byShard.get(item.shard);
      if (group) group.push(item);
      else byShard.set(item.shard, [item]);
    }
    for (const group of byShard.values()) {
      const pipeline = this.redis.pipeline() as unknown as QuotaPipeline;
      for (const item of group) pipeline.sbSettle(...item.args);
      pipeline.exec().then(
        (results) => {
          group.forEach((item, i) => {
            const [err, value] = results?.[i] ?? [new Error('no reply'), null];
            if (err) item.reject(err);
            else item.resolve(value as string | null);
          });
        },
        (err: unknown) => {
          for (const item of group) item.reject(err);
        },
      );
    }
  }

  /**
   * Applies actual − reserved and appends the record, in one script. Retried on a Redis
   * error: a settlement must not be dropped (the balance would keep the reservation). The
   * retry is safe because the script applies at most once per reservation (see SETTLE_LUA):
   * when the error hid a reply from a call Redis had applied, the retry reports 'duplicate'.
   */
  async settle(
    token: TokenRecord,
    reservation: Reservation,
    record: UsageRecord,
    /** A Responses reply's id: its context size is kept for follow-ups. */
    responseId?: string,
  ): Promise<SettleOutcome> {
    const { shard } = reservation;
    const k = this.keys;
    const delta = BigInt(record.quota) - reservation.amount;
    const tokens = tokenCount(record.promptTokens + record.completionTokens);
    const args = [
      k.userQuota(shard, token.userId),
      k.tokenQuota(shard, token.id),
      k.usageStream(shard),
      k.rateLimit(shard, 'user', token.userId, 'tpm'),
      k.rateLimit(shard, 'token', token.id, 'tpm'),
      k.tokenUsed(shard, token.id),
      k.reservation(shard, reservation.requestId),
      k.responseContext(shard, responseId ?? ''),
      delta.toString(),
      token.unlimited ? 0 : 1,
      JSON.stringify(record),
      tokens,
      token.userTpm > 0 ? 1 : 0,
      token.tpm > 0 ? 1 : 0,
      WINDOW_MS,
      record.quota,
      reservation.tokenBound,
      reservation.tpmWindowEnds[0],
      reservation.tpmWindowEnds[1],
      responseId ? tokens : 0,
      RESPONSE_CONTEXT_TTL_S,
    ];
    for (let attempt = 0; ; attempt++) {
      try {
        const entryId = await (attempt === 0 ? this.batched(shard, args) : this.cmd.sbSettle(...args));
        if (entryId !== null) return 'applied';
        this.log.info('settlement already applied; nothing changed', {
          requestId: reservation.requestId,
          attempt,
        });
        return 'duplicate';
      } catch (err) {
        if (attempt >= 20) {
          // Last resort: the record goes to the log so an operator can replay it.
          this.log.error('settlement failed; usage record not stored', {
            record,
            delta: delta.toString(),
            error: String(err),
          });
          return 'failed';
        }
        await sleep(Math.min(100 * 2 ** attempt, 5_000));
      }
    }
  }
}

/** OpenAI's x-ratelimit-* set for one kind; remaining never below 0 (see the empty-window rule). */
function rateLimitHeaders(
  headers: Record<string, string>,
  kind: 'requests' | 'tokens',
  limit: number,
  remaining: number,
  resetMs: number,
): void {
  headers[`x-ratelimit-limit-${kind}`] = String(limit);
  headers[`x-ratelimit-remaining-${kind}`] = String(Math.max(0, remaining));
  headers[`x-ratelimit-reset-${kind}`] = formatReset(resetMs);
}

/**
 * A duration the way OpenAI's x-ratelimit-reset-* headers write it (Go's time.Duration
 * format): "20ms", "1s", "1.5s", "6m0s", "1h0m0s".
 */
export function formatReset(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  if (total < 1000) return `${total}ms`;
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor((total % 3_600_000) / 60_000);
  const secMs = total % 60_000;
  const frac =
    secMs % 1000
      ? `.${String(secMs % 1000)
          .padStart(3, '0')
          .replace(/0+$/, '')}`
      : '';
  const sec = `${Math.floor(secMs / 1000)}${frac}s`;
  if (h > 0) return `${h}h${m}m${sec}`;
  if (m > 0) return `${m}m${sec}`;
  return sec;
}

function refusal(code: number, limit: number, resetMs: number, used: number): RelayError {
  const retry = String(Math.max(1, Math.ceil(resetMs / 1000)));
  switch (code) {
    case -1:
    case -2:
      return new RelayError('not_ready', 'The gateway is loading balances. Retry shortly.', {
        'retry-after': '2',
      });
    case -3:
      return new RelayError(
        'insufficient_quota',
        'Your account balance is too low for this request. Top up to continue.',
      );
    case -4:
      return new RelayError('insufficient_quota', 'This API key has used up its quota.');
    default: {
      const scope = code === -5 || code === -6 ? 'account' : 'API key';
      const kind = code === -5 || code === -7 ? 'requests' : 'tokens';
      return new RelayError(
        'rate_limit_exceeded',
        `Rate limit reached for this ${scope}: ${limit} ${kind} per minute.`,
        {
          'retry-after': retry,
          [`x-ratelimit-limit-${kind}`]: String(limit),
          [`x-ratelimit-remaining-${kind}`]: String(Math.max(0, limit - used)),
          [`x-ratelimit-reset-${kind}`]: formatReset(resetMs),
        },
      );
    }
  }
}
