import { userShard } from '@switchboard/shared/redis-keys';
import { type MockOpenAI, startMockOpenAI } from '@switchboard/test/mock-upstreams/openai/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayFixture, USAGE_SHARDS } from '../testing/relay-fixture.js';

/** One-API's /dashboard/billing endpoints (controller/billing.go); quotaPerUsd is 500000 here. */
describe('One-API billing endpoints', () => {
  const fx = new RelayFixture('billing');
  let mock: MockOpenAI;

  beforeAll(async () => {
    mock = await startMockOpenAI({ keys: ['sk-upstream-1'] });
    await fx.publishSnapshot([{ id: 1, baseUrl: mock.url, keys: ['sk-upstream-1'], models: ['gpt-4o'] }]);
    await fx.startInProcess();
  });
  afterAll(async () => {
    await fx.stop();
    await mock.close();
  });

  async function billing(key: string) {
    const get = async (path: string) => {
      const r = await fetch(`${fx.url}${path}`, { headers: { authorization: `Bearer ${key}` } });
      expect(r.status).toBe(200);
      return (await r.json()) as Record<string, unknown>;
    };
    return {
      subscription: await get('/dashboard/billing/subscription'),
      usage: await get('/v1/dashboard/billing/usage'),
    };
  }

  const setUsed = (userId: number, tokenId: number, used: number) =>
    fx.redis.set(fx.keys.tokenUsed(userShard(userId, USAGE_SHARDS), tokenId), String(used));

  it('hard_limit_usd is remaining + used, total_usage is used in cents: their difference is what is left', async () => {
    const key = await fx.token({ userId: 1, tokenId: 11, userQuota: 10_000_000, tokenQuota: 1_000_000 });
    await setUsed(1, 11, 250_000);
    const { subscription, usage } = await billing(key);
    expect(subscription).toEqual({
      object: 'billing_subscription',
      has_payment_method: true,
      soft_limit_usd: 2.5,
      hard_limit_usd: 2.5,
      system_hard_limit_usd: 2.5,
      access_until: 0,
    });
    expect(usage).toEqual({ object: 'list', total_usage: 50 });
    // $2 left: 1_000_000 / 500_000.
    expect((subscription.hard_limit_usd as number) - (usage.total_usage as number) / 100).toBe(2);
  });

  it("the user's balance caps what a token has left", async () => {
    const key = await fx.token({ userId: 2, tokenId: 21, userQuota: 200_000, tokenQuota: 1_000_000 });
    await setUsed(2, 21, 50_000);
    const { subscription, usage } = await billing(key);
    expect(subscription.hard_limit_usd).toBe(0.5);
    expect(usage.total_usage).toBe(10);
    expect((subscription.hard_limit_usd as number) - (usage.total_usage as number) / 100).toBe(0.4);
  });

  it('an overdrawn balance counts as nothing left; access_until is the expiry in seconds', async () => {
    const expiresAt = Date.UTC(2030, 0, 1);
    const key = await fx.token({
      userId: 3,
      tokenId: 31,
      userQuota: -100_000,
      tokenQuota: 500_000,
      record: { expiresAt },
    });
    await setUsed(3, 31, 125_000);
    const { subscription, usage } = await billing(key);
    expect(subscription.hard_limit_usd).toBe(0.25);
    expect(subscription.access_until).toBe(expiresAt / 1000);
    expect((subscription.hard_limit_usd as number) - (usage.total_usage as number) / 100).toBe(0);
  });

  it('an unlimited token shows One-API’s 100000000 limit and its real usage', async () => {
    const key = await fx.token({ userId: 4, tokenId: 41, userQuota: 1_000_000 });
    await setUsed(4, 41, 5_000);
    const { subscription, usage } = await billing(key);
    expect(subscription.hard_limit_usd).toBe(100_000_000);
    expect(subscription.soft_limit_usd).toBe(100_000_000);
    expect(usage.total_usage).toBe(1);
  });

  it('a metered request moves quota from remaining to used; the limit stays and the difference is still what is left', async () => {
    const key = await fx.token({ userId: 5, tokenId: 51, userQuota: 10_000_000, tokenQuota: 1_000_000 });
    const before = await billing(key);
    expect(before.usage.total_usage).toBe(0);
    const r = await fetch(`${fx.v1}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(r.status).toBe(200);
    await r.text();
    const rec = await fx.waitForRecord((x) => x.tokenId === 51);
    const spent = BigInt(rec!.quota);
    expect(spent).toBeGreaterThan(0n);
    const after = await billing(key);
    expect(after.usage.total_usage).toBeCloseTo((Number(spent) / 500_000) * 100, 12);
    expect(after.subscription.hard_limit_usd).toBe(2);
    const left = Number(await fx.tokenQuota(5, 51)) / 500_000;
    expect(
      (after.subscription.hard_limit_usd as number) - (after.usage.total_usage as number) / 100,
    ).toBeCloseTo(left, 12);
  });
});
