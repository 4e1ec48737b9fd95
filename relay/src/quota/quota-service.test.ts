import { redisKeys, userShard } from '@switchboard/shared/redis-keys';
import type { TokenRecord } from '@switchboard/shared/relay-config';
import type { UsageRecord } from '@switchboard/shared/usage';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log.js';
import { countPromptTokens } from './count-tokens.js';
import { promptUpperBound, reservationFor } from './price-request.js';
import { QuotaService } from './quota-service.js';

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

const record = (q: bigint, tokens = 0): UsageRecord => ({
  requestId: `req_${Math.random()}`,
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
    const r = await quota.reserve(token(), 200n);
    expect(await balance(keys.userQuota(s, 5))).toBe(800n);
    expect(await balance(keys.tokenQuota(s, 1))).toBe(100n);
    await expect(quota.reserve(token(), 200n)).rejects.toMatchObject({ code: 'insufficient_quota' });
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
    await expect(quota.reserve(token({ unlimited: true }), 51n)).rejects.toMatchObject({
      code: 'insufficient_quota',
    });
    await setBalances(null, null);
    await expect(quota.reserve(token({ unlimited: true }), 1n)).rejects.toMatchObject({
      code: 'not_ready',
      status: 503,
    });
  });

  it('amounts beyond 2^53 stay exact', async () => {
    const big = 2n ** 60n + 7n;
    await setBalances(big, null);
    const r = await quota.reserve(token({ unlimited: true }), 2n ** 55n + 3n);
    await quota.settle(token({ unlimited: true }), r, record(1n));
    expect(await balance(keys.userQuota(s, 5))).toBe(big - 1n);
  });

  it('rpm and tpm windows per token and user', async () => {
    await setBalances(10_000n, null, 2);
    const t = token({ id: 2, unlimited: true, rpm: 2, userTpm: 100 });
    const r1 = await quota.reserve(t, 1n);
    expect(r1.headers['x-ratelimit-remaining-requests']).toBe('1');
    await quota.reserve(t, 1n);
    await expect(quota.reserve(t, 1n)).rejects.toMatchObject({ code: 'rate_limit_exceeded', status: 429 });
    const t2 = token({ id: 3, unlimited: true, userTpm: 100 });
    const r = await quota.reserve(t2, 1n);
    await quota.settle(t2, r, record(1n, 150));
    await expect(quota.reserve(t2, 1n)).rejects.toMatchObject({ code: 'rate_limit_exceeded' });
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
    expect(reservationFor('chat.completions', body, 0, price, '1')).toBe(BigInt(p + 2000));
    const bounded = { ...body, max_completion_tokens: 10, n: 3 };
    expect(reservationFor('chat.completions', bounded, 0, price, '1')).toBe(
      BigInt(promptUpperBound(bounded) + 60),
    );
  });
});
