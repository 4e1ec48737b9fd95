import { randomUUID } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { redisKeys, userShard } from '@switchboard/shared/redis-keys';
import type { TokenRecord } from '@switchboard/shared/relay-config';
import type { UsageRecord } from '@switchboard/shared/usage';
import { Redis, type RedisOptions } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log.js';
import { countPromptTokens } from './count-tokens.js';
import { promptUpperBound, requestBound } from './price-request.js';
import { formatReset, QuotaService } from './quota-service.js';
import { SETTLE_LUA } from './scripts.js';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const keys = redisKeys(`${process.env.REDIS_PREFIX ?? 'sbt:q:'}quota:`);
const SHARDS = 4;
const quota = new QuotaService(redis, keys, SHARDS, createLogger('error'));

const token = (over: Partial<TokenRecord> = {}): TokenRecord => ({
  id: 1,
  userId: 5,
  name: 't',
  status: 'enabled',
  userStatus: 'enabled',
  expiresAt: null,
  unlimited: false,
  models: null,
  ipWhitelist: null,
  group: 'default',
  rpm: 0,
  tpm: 0,
  userRpm: 0,
  userTpm: 0,
  playground: false,
  ...over,
});

const rid = () => `req_${randomUUID().replaceAll('-', '')}`;

const record = (q: bigint, tokens = 0, requestId = rid()): UsageRecord => ({
  requestId,
  time: Date.now(),
  userId: 5,
  tokenId: 1,
  channelId: 1,
  endpoint: 'chat.completions',
  model: 'm',
  upstreamModel: 'm',
  group: 'default',
  promptTokens: tokens,
  completionTokens: 0,
  cachedTokens: 0,
  cacheWriteTokens: 0,
  reasoningTokens: 0,
  quota: q.toString(),
  latencyMs: 1,
  ttftMs: null,
  stream: false,
  status: 'success',
  httpStatus: 200,
  errorMessage: null,
  clientIp: null,
  usageEstimated: false,
  attempts: [],
});

async function setBalances(user: bigint | null, tok: bigint | null, tokenId = 1) {
  const s = userShard(5, SHARDS);
  if (user === null) await redis.del(keys.userQuota(s, 5));
  else await redis.set(keys.userQuota(s, 5), user.toString());
  if (tok === null) await redis.del(keys.tokenQuota(s, tokenId));
  else await redis.set(keys.tokenQuota(s, tokenId), tok.toString());
}
const balance = async (k: string) => BigInt((await redis.get(k)) ?? 'NaN');

afterAll(() => redis.disconnect());

describe('quota scripts', () => {
  const s = userShard(5, SHARDS);

  it('reserves on token and user together, refuses all-or-nothing, settles the difference and records it', async () => {
    await setBalances(1_000n, 300n);
    const r = await quota.reserve(token(), 200n, rid());
    expect(await balance(keys.userQuota(s, 5))).toBe(800n);
    expect(await balance(keys.tokenQuota(s, 1))).toBe(100n);
    await expect(quota.reserve(token(), 200n, rid())).rejects.toMatchObject({ code: 'insufficient_quota' });
    // Refused: nothing moved.
    expect(await balance(keys.userQuota(s, 5))).toBe(800n);
    expect(await balance(keys.tokenQuota(s, 1))).toBe(100n);
    const before = await redis.xlen(keys.usageStream(s));
    await quota.settle(token(), r, record(150n));
    expect(await balance(keys.userQuota(s, 5))).toBe(850n);
    expect(await balance(keys.tokenQuota(s, 1))).toBe(150n);
    expect(await redis.xlen(keys.usageStream(s))).toBe(before + 1);
    expect(await balance(keys.tokenUsed(s, 1))).toBe(150n);
  });

  it('user balance short refuses even for an unlimited token; missing balances mean not ready', async () => {
    await setBalances(50n, null);
    await expect(quota.reserve(token({ unlimited: true }), 51n, rid())).rejects.toMatchObject({
      code: 'insufficient_quota',
    });
    await setBalances(null, null);
    await expect(quota.reserve(token({ unlimited: true }), 1n, rid())).rejects.toMatchObject({
      code: 'not_ready',
      status: 503,
    });
  });

  it('amounts beyond 2^53 stay exact', async () => {
    const big = 2n ** 60n + 7n;
    await setBalances(big, null);
    const r = await quota.reserve(token({ unlimited: true }), 2n ** 55n + 3n, rid());
    await quota.settle(token({ unlimited: true }), r, record(1n));
    expect(await balance(keys.userQuota(s, 5))).toBe(big - 1n);
  });

  it('rpm and tpm windows per token and user', async () => {
    await setBalances(10_000n, null, 2);
    const t = token({ id: 2, unlimited: true, rpm: 2, userTpm: 100 });
    const r1 = await quota.reserve(t, 1n, rid());
    expect(r1.headers['x-ratelimit-remaining-requests']).toBe('1');
    await quota.reserve(t, 1n, rid());
    await expect(quota.reserve(t, 1n, rid())).rejects.toMatchObject({
      code: 'rate_limit_exceeded',
      status: 429,
    });
    const t2 = token({ id: 3, unlimited: true, userTpm: 100 });
    const r = await quota.reserve(t2, 1n, rid());
    await quota.settle(t2, r, record(1n, 150));
    await expect(quota.reserve(t2, 1n, rid())).rejects.toMatchObject({ code: 'rate_limit_exceeded' });
  });
});

/**
 * A TCP hop to the test Redis that can lose one reply: armed with a string, it forwards the
 * next command containing it, lets Redis run it, and drops the connection instead of relaying
 * the answer — the client sees a connection error for a command Redis has applied.
 * `refuseAfterDrop` also stops accepting connections until `accept()`.
 */
async function lossyProxy(target: URL) {
  let armed: string | null = null;
  let refuseAfterDrop = false;
  let dropped = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 6379), target.hostname);
    let dropNextReply = false;
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    for (const sock of [client, upstream]) {
      sockets.add(sock);
      sock
        .on('close', () => sockets.delete(sock))
        .on('close', close)
        .on('error', close);
    }
    client.on('data', (chunk: Buffer) => {
      if (armed && chunk.includes(armed)) {
        armed = null;
        dropNextReply = true;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (dropNextReply) {
        dropped++;
        if (refuseAfterDrop) server.close();
        close();
      } else client.write(chunk);
    });
  });
  const listen = (port: number) => new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  await listen(0);
  const port = (server.address() as { port: number }).port;
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    dropReplyTo(marker: string, refuse = false) {
      armed = marker;
      refuseAfterDrop = refuse;
    },
    dropped: () => dropped,
    accept: () => listen(port),
    close() {
      for (const sock of sockets) sock.destroy();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

describe('settlement batching', () => {
  const s = userShard(5, SHARDS);

  it('a settlement waiting goes to Redis ahead of the next reservation, which sees the refund', async () => {
    await setBalances(10_000n, 500n);
    const t = token();
    const first = await quota.reserve(t, 500n, rid());
    expect(await balance(keys.tokenQuota(s, 1))).toBe(0n);
    // Not awaited: the refund waits for the next Redis write. The reservation right after it
    // must see the token's 500 back, so the refund has to travel first.
    const settled = quota.settle(t, first, record(0n, 0, first.requestId));
    await expect(quota.reserve(t, 500n, rid())).resolves.toMatchObject({ amount: 500n });
    await expect(settled).resolves.toBe('applied');
    expect(await balance(keys.tokenQuota(s, 1))).toBe(0n);
  });

  it('a burst of settlements over several shards goes out in pipelines, each applied once', async () => {
    const users = [5, 6, 7, 8, 9, 10, 11, 12];
    const tokens = users.map((userId, i) => token({ id: 100 + i, userId }));
    for (const t of tokens) {
      const sh = userShard(t.userId, SHARDS);
      await redis.set(keys.userQuota(sh, t.userId), '10000');
      await redis.set(keys.tokenQuota(sh, t.id), '1000');
    }
    expect(new Set(users.map((u) => userShard(u, SHARDS))).size).toBeGreaterThan(1);
    const reservations = await Promise.all(tokens.map((t) => quota.reserve(t, 100n, rid())));
    // All queued in one tick: one flush, grouped by shard.
    const outcomes = await Promise.all(
      tokens.map((t, i) => {
        const r = reservations[i]!;
        return quota.settle(t, r, { ...record(40n, 0, r.requestId), userId: t.userId, tokenId: t.id });
      }),
    );
    expect(outcomes).toEqual(tokens.map(() => 'applied'));
    for (const t of tokens) {
      const sh = userShard(t.userId, SHARDS);
      expect(await balance(keys.tokenQuota(sh, t.id))).toBe(960n);
      expect(await balance(keys.userQuota(sh, t.userId))).toBe(9960n);
    }
  });

  it('without a next reservation a settlement still goes out within milliseconds', async () => {
    await setBalances(10_000n, 500n);
    const t = token();
    const r = await quota.reserve(t, 200n, rid());
    const started = performance.now();
    await expect(quota.settle(t, r, record(50n, 0, r.requestId))).resolves.toBe('applied');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(await balance(keys.tokenQuota(s, 1))).toBe(450n);
  });
});

describe('idempotent settlement', () => {
  const s = userShard(5, SHARDS);
  const stream = keys.usageStream(s);
  const marker = (requestId: string) => keys.reservation(s, requestId);

  async function snapshot() {
    return {
      user: await balance(keys.userQuota(s, 5)),
      token: await balance(keys.tokenQuota(s, 1)),
      used: BigInt((await redis.get(keys.tokenUsed(s, 1))) ?? '0'),
      entries: await redis.xlen(stream),
    };
  }

  it('an admitted request has a marker holding the amount until settle; a refused one never has one', async () => {
    await setBalances(1_000n, 300n);
    const id = rid();
    const r = await quota.reserve(token(), 200n, id);
    expect(r.requestId).toBe(id);
    expect(await redis.get(marker(id))).toBe('200');
    // Outlives any request, but is not forever (a crashed worker's marker expires).
    const ttl = await redis.pttl(marker(id));
    expect(ttl).toBeGreaterThan(3_600_000);
    expect(ttl).toBeLessThanOrEqual(24 * 3_600_000);
    await quota.settle(token(), r, record(150n, 0, id));
    expect(await redis.exists(marker(id))).toBe(0);

    // Every refusal code path: token short, user short, token balance missing, rpm, not loaded.
    const refused = [rid(), rid(), rid(), rid(), rid()];
    await expect(quota.reserve(token(), 400n, refused[0]!)).rejects.toMatchObject({
      code: 'insufficient_quota',
    });
    await expect(quota.reserve(token({ unlimited: true }), 10_000n, refused[1]!)).rejects.toMatchObject({
      code: 'insufficient_quota',
    });
    await setBalances(1_000n, null, 4);
    await expect(quota.reserve(token({ id: 4 }), 1n, refused[2]!)).rejects.toMatchObject({
      code: 'not_ready',
    });
    const perMinute = token({ id: 4, unlimited: true, rpm: 1 });
    await quota.reserve(perMinute, 1n, rid());
    await expect(quota.reserve(perMinute, 1n, refused[3]!)).rejects.toMatchObject({
      code: 'rate_limit_exceeded',
    });
    await setBalances(null, null);
    await expect(quota.reserve(token({ unlimited: true }), 1n, refused[4]!)).rejects.toMatchObject({
      code: 'not_ready',
    });
    expect(await redis.exists(...refused.map(marker))).toBe(0);
  });

  it('settling the same reservation twice changes balances once and writes one stream entry', async () => {
    await setBalances(1_000n, 300n);
    const id = rid();
    const r = await quota.reserve(token(), 200n, id);
    const before = await snapshot();
    const rec = record(150n, 0, id);
    expect(await quota.settle(token(), r, rec)).toBe('applied');
    expect(await quota.settle(token(), r, rec)).toBe('duplicate');
    expect(await snapshot()).toEqual({
      user: before.user + 50n,
      token: before.token + 50n,
      used: before.used + 150n,
      entries: before.entries + 1,
    });
    const [[, fields]] = (await redis.xrevrange(stream, '+', '-', 'COUNT', 1)) as [[string, string[]]];
    expect(JSON.parse(fields[1]!).requestId).toBe(id);
  });

  it('a failed request (charged 0) is refunded once, however often its settle runs', async () => {
    await setBalances(1_000n, 300n);
    const id = rid();
    const r = await quota.reserve(token(), 200n, id);
    const rec = { ...record(0n, 0, id), status: 'failed' as const, httpStatus: 502 };
    const results = await Promise.all([1, 2, 3].map(() => quota.settle(token(), r, rec)));
    expect(results.sort()).toEqual(['applied', 'duplicate', 'duplicate']);
    expect(await balance(keys.userQuota(s, 5))).toBe(1_000n);
    expect(await balance(keys.tokenQuota(s, 1))).toBe(300n);
  });

  describe('a settlement whose reply is lost after Redis applied it', () => {
    let proxy: Awaited<ReturnType<typeof lossyProxy>>;
    let lossy: Redis;
    let lossyQuota: QuotaService;

    beforeAll(async () => {
      proxy = await lossyProxy(new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'));
      // The relay's own client options (relay/src/redis.ts), minus auto-pipelining.
      const options: RedisOptions = {
        maxRetriesPerRequest: 2,
        retryStrategy: (n) => Math.min(n * 50, 2_000),
      };
      lossy = new Redis(proxy.url, options);
      lossy.on('error', () => {}); // the refused reconnects are the point of one test
      lossyQuota = new QuotaService(lossy, keys, SHARDS, createLogger('error'));
      // Cached script: the EVALSHA whose reply is lost is the call that ran (no NOSCRIPT).
      await redis.script('LOAD', SETTLE_LUA);
    });
    afterAll(async () => {
      lossy.disconnect();
      await proxy.close();
    });

    async function settleLosingReply(refuseAfterDrop: boolean) {
      await setBalances(1_000n, 300n);
      const id = rid();
      const r = await quota.reserve(token(), 200n, id);
      const before = await snapshot();
      proxy.dropReplyTo(marker(id), refuseAfterDrop);
      const dropsBefore = proxy.dropped();
      const outcome = await lossyQuota.settle(token(), r, record(150n, 0, id));
      expect(proxy.dropped()).toBe(dropsBefore + 1);
      // 'duplicate' proves the lost call had been applied and the repeat changed nothing.
      expect(outcome).toBe('duplicate');
      expect(await snapshot()).toEqual({
        user: before.user + 50n,
        token: before.token + 50n,
        used: before.used + 150n,
        entries: before.entries + 1,
      });
      expect(await redis.exists(marker(id))).toBe(0);
    }

    it('ioredis resends the unanswered call on reconnect: applied once', async () => {
      await settleLosingReply(false);
    });

    it('Redis stays unreachable until ioredis gives up; settle retries: applied once', async () => {
      // ioredis rejects the call after maxRetriesPerRequest failed reconnects; let it in again then.
      let reconnects = 0;
      const onReconnecting = () => {
        if (++reconnects === 3) void proxy.accept();
      };
      lossy.on('reconnecting', onReconnecting);
      try {
        await settleLosingReply(true);
      } finally {
        lossy.off('reconnecting', onReconnecting);
      }
    });
  });
});

describe('reservation bound', () => {
  it('the prompt bound is never below the real token count (ASCII, CJK, emoji, tools)', async () => {
    const bodies = [
      { model: 'gpt-4o', messages: [{ role: 'user', content: 'hello world '.repeat(50) }] },
      {
        model: 'gpt-4o',
        messages: [
          { role: 'system', content: '你好，世界。'.repeat(40) },
          { role: 'user', content: '🙂🚀'.repeat(30) },
        ],
      },
      {
        model: 'gpt-3.5-turbo',
        messages: [{ role: 'user', content: 'x' }],
        tools: [
          {
            type: 'function',
            function: { name: 'f', parameters: { type: 'object', properties: { a: { type: 'string' } } } },
          },
        ],
      },
    ];
    for (const body of bodies)
      expect(promptUpperBound(body)).toBeGreaterThanOrEqual(await countPromptTokens(body.model, body));
  });

  it('reserves the output bound: max_completion_tokens, else the model default, times n', () => {
    const price = {
      model: 'm',
      modelRatio: '1',
      completionRatio: '2',
      cachedRatio: '1',
      cacheWriteRatio: '1',
      reasoningRatio: null,
      perCallQuota: '0',
      imagePrices: {},
      audioPerMinuteQuota: null,
      audioPer1kCharsQuota: null,
      defaultMaxOutputTokens: 1000,
    };
    const body = { model: 'm', messages: [] };
    const p = promptUpperBound(body);
    expect(requestBound('chat.completions', body, 0, price, '1')).toEqual({
      quota: BigInt(p + 2000),
      tokens: p + 1000,
    });
    const bounded = { ...body, max_completion_tokens: 10, n: 3 };
    expect(requestBound('chat.completions', bounded, 0, price, '1')).toEqual({
      quota: BigInt(promptUpperBound(bounded) + 60),
      tokens: promptUpperBound(bounded) + 30,
    });
  });
});

/** A user and token of their own (fresh rate-limit windows), with a balance. */
async function freshToken(over: Partial<TokenRecord> = {}, user = 1_000_000_000n) {
  const userId = 100_000 + Math.floor(Math.random() * 1_000_000);
  const t = token({ id: userId, userId, unlimited: true, ...over });
  await redis.set(keys.userQuota(userShard(userId, SHARDS), userId), user.toString());
  return t;
}
const tpmUsed = async (t: TokenRecord, scope: 'user' | 'token') =>
  Number(
    await redis.get(
      keys.rateLimit(userShard(t.userId, SHARDS), scope, scope === 'user' ? t.userId : t.id, 'tpm'),
    ),
  );
const usage = (t: TokenRecord, r: { requestId: string }, tokens: number): UsageRecord => ({
  ...record(1n, tokens, r.requestId),
  userId: t.userId,
  tokenId: t.id,
});

describe('tpm counts reservations', () => {
  it('a concurrent burst never admits more token bounds than the limit', async () => {
    for (const over of [{ tpm: 10_000 }, { userTpm: 10_000 }, { tpm: 10_000, userTpm: 7_000 }]) {
      const t = await freshToken(over);
      const limit = Math.min(over.tpm ?? Infinity, over.userTpm ?? Infinity);
      const bounds = Array.from({ length: 40 }, (_, i) => 500 + ((i * 397) % 2_500));
      const outcomes = await Promise.allSettled(bounds.map((b) => quota.reserve(t, 1n, rid(), b)));
      const admitted = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.tokenBound] : []));
      const sum = admitted.reduce((a, b) => a + b, 0);
      expect(sum).toBeLessThanOrEqual(limit);
      expect(sum).toBeGreaterThan(limit - 3_000); // filled up to within the largest bound
      for (const o of outcomes)
        if (o.status === 'rejected')
          expect(o.reason).toMatchObject({ code: 'rate_limit_exceeded', status: 429 });
    }
  });

  it('settle replaces the bound with the actual tokens; a failed request frees its bound', async () => {
    const t = await freshToken({ tpm: 10_000 });
    const a = await quota.reserve(t, 1n, rid(), 6_000);
    await expect(quota.reserve(t, 1n, rid(), 5_000)).rejects.toMatchObject({ code: 'rate_limit_exceeded' });
    expect(await quota.settle(t, a, usage(t, a, 1_200))).toBe('applied');
    expect(await tpmUsed(t, 'token')).toBe(1_200);
    const b = await quota.reserve(t, 1n, rid(), 5_000);
    expect(await tpmUsed(t, 'token')).toBe(6_200);
    await quota.settle(t, b, { ...usage(t, b, 0), status: 'failed', quota: '0' });
    expect(await tpmUsed(t, 'token')).toBe(1_200);
  });

  it('an empty window admits one request above the limit, then nothing until it ends', async () => {
    const t = await freshToken({ tpm: 100 });
    const big = await quota.reserve(t, 1n, rid(), 500);
    expect(big.headers['x-ratelimit-remaining-tokens']).toBe('0');
    await expect(quota.reserve(t, 1n, rid(), 1)).rejects.toMatchObject({ code: 'rate_limit_exceeded' });
    await quota.settle(t, big, usage(t, big, 50));
    // 50 used: 50 more fit, 51 do not.
    await expect(quota.reserve(t, 1n, rid(), 51)).rejects.toMatchObject({ code: 'rate_limit_exceeded' });
    await expect(quota.reserve(t, 1n, rid(), 50)).resolves.toMatchObject({ tokenBound: 50 });
  });

  it('an absurd bound (max_tokens 1e30) is clamped, never a script error after the balance moved', async () => {
    const t = await freshToken({ tpm: 1_000 });
    const r = await quota.reserve(t, 1n, rid(), 1e30);
    expect(r.tokenBound).toBe(1e12);
    expect(await quota.settle(t, r, usage(t, r, 10))).toBe('applied');
    expect(await tpmUsed(t, 'token')).toBe(10);
  });

  it('a settlement after its window ended counts the actual tokens in the current one', async () => {
    const t = await freshToken({ tpm: 10_000 });
    const r = await quota.reserve(t, 1n, rid(), 4_000);
    // The window ends (its key expires): the bound went with it.
    await redis.del(keys.rateLimit(userShard(t.userId, SHARDS), 'token', t.id, 'tpm'));
    await quota.settle(t, { ...r, tpmWindowEnds: [r.tpmWindowEnds[0], 1] }, usage(t, r, 700));
    expect(await tpmUsed(t, 'token')).toBe(700);
    const ttl = await redis.pttl(keys.rateLimit(userShard(t.userId, SHARDS), 'token', t.id, 'tpm'));
    expect(ttl).toBeGreaterThan(0);
  });
});

/** Go-style durations as OpenAI sends them ("1m0s", "59.998s", "20ms") back to ms. */
function parseReset(v: string): number {
  const m = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+)ms)?$/.exec(v);
  if (!m || v === '') throw new Error(`not a reset: ${v}`);
  const [, h = '0', min = '0', s = '0', ms = '0'] = m;
  return Math.round(Number(h) * 3_600_000 + Number(min) * 60_000 + Number(s) * 1000 + Number(ms));
}

describe('x-ratelimit headers', () => {
  it('formats resets the way OpenAI does', () => {
    for (const ms of [0, 20, 1_000, 1_500, 59_998, 60_000, 61_020, 3_723_004])
      expect(parseReset(formatReset(ms))).toBe(ms);
    expect([20, 999, 1_000, 1_500, 59_998, 60_000, 360_000, 61_020, 3_600_000].map(formatReset)).toEqual([
      '20ms',
      '999ms',
      '1s',
      '1.5s',
      '59.998s',
      '1m0s',
      '6m0s',
      '1m1.02s',
      '1h0m0s',
    ]);
  });

  it('requests and tokens headers whenever their limit applies, from the tighter window', async () => {
    const none = await freshToken();
    expect((await quota.reserve(none, 1n, rid(), 300)).headers).toEqual({});

    const tokensOnly = await freshToken({ userTpm: 5_000 });
    const h1 = (await quota.reserve(tokensOnly, 1n, rid(), 300)).headers;
    expect(Object.keys(h1).sort()).toEqual([
      'x-ratelimit-limit-tokens',
      'x-ratelimit-remaining-tokens',
      'x-ratelimit-reset-tokens',
    ]);
    expect(h1['x-ratelimit-limit-tokens']).toBe('5000');
    expect(h1['x-ratelimit-remaining-tokens']).toBe('4700');

    const both = await freshToken({ rpm: 5, userRpm: 3, tpm: 1_000, userTpm: 5_000 });
    const before = performance.now();
    const h2 = (await quota.reserve(both, 1n, rid(), 300)).headers;
    const elapsed = performance.now() - before;
    expect(h2).toMatchObject({
      'x-ratelimit-limit-requests': '3',
      'x-ratelimit-remaining-requests': '2',
      'x-ratelimit-limit-tokens': '1000',
      'x-ratelimit-remaining-tokens': '700',
    });
    // Reset: the window's remaining time, exact to the millisecond it was read at.
    for (const kind of ['requests', 'tokens']) {
      const reset = h2[`x-ratelimit-reset-${kind}`]!;
      const ms = parseReset(reset);
      expect(ms).toBeLessThanOrEqual(60_000);
      expect(ms).toBeGreaterThanOrEqual(60_000 - elapsed - 5);
    }
    const h3 = (await quota.reserve(both, 1n, rid(), 200)).headers;
    expect(h3['x-ratelimit-remaining-requests']).toBe('1');
    expect(h3['x-ratelimit-remaining-tokens']).toBe('500');
  });

  it('a tpm refusal says how many tokens are left in the window and when it resets', async () => {
    const t = await freshToken({ tpm: 1_000 });
    await quota.reserve(t, 1n, rid(), 800);
    const err = await quota.reserve(t, 1n, rid(), 300).catch((e) => e);
    expect(err).toMatchObject({ code: 'rate_limit_exceeded', status: 429 });
    expect(err.headers['x-ratelimit-limit-tokens']).toBe('1000');
    expect(err.headers['x-ratelimit-remaining-tokens']).toBe('200');
    const reset = parseReset(err.headers['x-ratelimit-reset-tokens']);
    expect(reset).toBeGreaterThan(59_000);
    expect(reset).toBeLessThanOrEqual(60_000);
    expect(err.headers['retry-after']).toBe('60');
  });
});

describe('Responses follow-ups', () => {
  const price = {
    model: 'gpt-4o',
    modelRatio: '1',
    completionRatio: '4',
    cachedRatio: '1',
    cacheWriteRatio: '1',
    reasoningRatio: null,
    perCallQuota: '0',
    imagePrices: {},
    audioPerMinuteQuota: null,
    audioPer1kCharsQuota: null,
    defaultMaxOutputTokens: 1000,
  };

  it('a reply leaves its context size; a follow-up by its user reserves it as input on top', async () => {
    const t = await freshToken();
    const first = await quota.reserve(t, 10_000n, rid(), 2_000);
    const responseId = `resp_${randomUUID().replaceAll('-', '')}`;
    const rec = { ...usage(t, first, 0), promptTokens: 1_800, completionTokens: 700 };
    await quota.settle(t, first, rec, responseId);
    expect(await quota.previousContext(t, responseId)).toBe(2_500);
    const ttl = await redis.ttl(keys.responseContext(userShard(t.userId, SHARDS), responseId));
    expect(ttl).toBeGreaterThan(29 * 24 * 3600);
    // An unknown response: nothing known. (Someone else's is refused before: response-owner.ts.)
    expect(await quota.previousContext(t, `${responseId}x`)).toBe(0);

    const followUp = { model: 'gpt-4o', previous_response_id: responseId, input: 'and then?' };
    const alone = requestBound('responses', followUp, 0, price, '1');
    const withContext = requestBound('responses', followUp, 0, price, '1', 2_500);
    expect(withContext.tokens - alone.tokens).toBe(2_500);
    expect(withContext.quota - alone.quota).toBe(2_500n);
  });

  it('a reply without an id or without usage leaves nothing', async () => {
    const t = await freshToken();
    const r = await quota.reserve(t, 10_000n, rid(), 2_000);
    const responseId = `resp_${randomUUID().replaceAll('-', '')}`;
    await quota.settle(t, r, usage(t, r, 0), responseId);
    expect(await redis.exists(keys.responseContext(userShard(t.userId, SHARDS), responseId))).toBe(0);
  });
});
