import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Token } from '../modules/token/token.entity.js';
import { UsageLog } from '../modules/usage-log/usage-log.entity.js';
import { UsageRollup } from '../modules/usage-rollup/usage-rollup.entity.js';
import { startTestApi, type TestApi } from '../test-support/harness.js';
import { writeUsageBatch } from '../usage-writer/usage-batch.js';
import { seedUsageOwner, usageRecord } from '../usage-writer/usage-fixtures.js';
import { pruneUsageLogs } from './log-retention.job.js';
import { resetTokenQuotas } from './token-quota-reset.job.js';

describe('maintenance jobs', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  it('log retention prunes old rows in chunks and keeps the roll-ups', async () => {
    const { user, token } = await seedUsageOwner(api.app.orm.em.fork());
    const now = Date.parse('2026-06-01T00:00:00Z');
    const old = Array.from({ length: 12_000 }, (_, i) =>
      usageRecord({ userId: user.id, tokenId: token.id, time: now - 40 * 86_400_000 - i * 1000 }),
    );
    const recent = Array.from({ length: 10 }, () =>
      usageRecord({ userId: user.id, tokenId: token.id, time: now - 86_400_000 }),
    );
    for (let i = 0; i < old.length; i += 2000) await writeUsageBatch(api.app.orm, old.slice(i, i + 2000));
    await writeUsageBatch(api.app.orm, recent);
    const em = api.app.orm.em.fork();
    const rollupsBefore = await em.count(UsageRollup, { userId: user.id });

    expect(await pruneUsageLogs(api.app, now, 30)).toBeGreaterThanOrEqual(12_000);
    expect(await em.count(UsageLog, { userId: user.id })).toBe(10);
    expect(await em.count(UsageRollup, { userId: user.id })).toBe(rollupsBefore);
    expect(await pruneUsageLogs(api.app, now, 0)).toBe(0);
  });

  it('token quota resets restore remainQuota once per period, in MySQL and Redis', async () => {
    const em = api.app.orm.em.fork();
    const { token, user } = await seedUsageOwner(em, { remainQuota: 5n });
    const monthly = em.create(Token, {
      user,
      name: 'monthly',
      keyHash: `${token.keyHash.slice(0, 60)}eeee`,
      keyPrefix: 'sk-mon',
      remainQuota: 1n,
      quotaReset: 'monthly',
      resetAmount: 900n,
      lastResetAt: new Date('2026-05-20T00:00:00Z'),
    });
    token.quotaReset = 'daily';
    token.resetAmount = 1000n;
    token.lastResetAt = new Date('2026-05-31T12:00:00Z');
    await em.flush();

    const at = new Date('2026-06-01T00:10:00Z');
    const count = await resetTokenQuotas(api.app, at);
    expect(count).toBeGreaterThanOrEqual(2);
    const check = api.app.orm.em.fork();
    expect((await check.findOneOrFail(Token, token.id)).remainQuota).toBe(1000n);
    expect((await check.findOneOrFail(Token, monthly.id)).remainQuota).toBe(900n);
    expect(await api.app.publisher.liveTokenQuota(user.id, token.id)).toBe(1000n);
    expect(await api.app.publisher.liveTokenQuota(user.id, monthly.id)).toBe(900n);

    // Same period again: nothing to do; the next day resets the daily token only.
    await check.nativeUpdate(Token, { id: { $in: [token.id, monthly.id] } }, { remainQuota: 3n });
    await resetTokenQuotas(api.app, new Date('2026-06-01T20:00:00Z'));
    expect((await api.app.orm.em.fork().findOneOrFail(Token, token.id)).remainQuota).toBe(3n);
    await resetTokenQuotas(api.app, new Date('2026-06-02T00:01:00Z'));
    const after = api.app.orm.em.fork();
    expect((await after.findOneOrFail(Token, token.id)).remainQuota).toBe(1000n);
    expect((await after.findOneOrFail(Token, monthly.id)).remainQuota).toBe(3n);
  });

  it('a channel test job without any relay fails at once with a clear reason', async () => {
    const token = await api.login();
    await api.ok(
      `mutation{ createChannel(input:{ type:"openai", name:"no-relay", baseUrl:"http://127.0.0.1:9", keys:["sk-bbbbbbbbbbbbbbbb1"], models:["gpt-4o-mini"] }){ id } }`,
      {},
      token,
    );
    const started = await api.ok('mutation{ startTestChannels { jobId } }', {}, token);
    const q = 'query($id: ID!){ job(jobId:$id){ state failedReason } }';
    let job = { state: '', failedReason: null as string | null };
    for (let i = 0; i < 100 && job.state !== 'failed'; i++) {
      job = (await api.ok(q, { id: started.startTestChannels.jobId }, token)).job;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(job).toEqual({
      state: 'failed',
      failedReason: 'No relay worker is running (channel tests run on the relay)',
    });
  });
});
