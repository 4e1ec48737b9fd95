import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Token } from '../modules/token/token.entity.js';
import { startTestApi, type TestApi } from '../test-support/harness.js';
import { seedUsageOwner } from '../usage-writer/usage-fixtures.js';

/**
 * The relay's per-token used-quota counter (One-API /dashboard/billing/usage) only grows with
 * settlements; the api seeds it from MySQL so a Redis rebuild does not restart usage at 0.
 */
describe('tokenUsed is seeded from MySQL usedQuota', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  const usedKey = (t: Token) => api.app.keys.tokenUsed(api.app.publisher.shard(t.user.id), t.id);

  it('rebuild seeds limited and unlimited tokens, and never lowers a live counter', async () => {
    const em = api.app.orm.em.fork();
    const { user, token } = await seedUsageOwner(em);
    token.usedQuota = 2n ** 60n + 7n;
    const unlimited = em.create(Token, {
      user,
      name: 'unlimited',
      keyHash: `${token.keyHash.slice(0, 60)}eeee`,
      keyPrefix: 'sk-unl',
      unlimited: true,
      usedQuota: 4_321n,
    });
    await em.flush();
    await api.app.redis.del(usedKey(token), usedKey(unlimited));

    await api.app.publisher.rebuild();
    expect(await api.app.redis.get(usedKey(token))).toBe((2n ** 60n + 7n).toString());
    expect(await api.app.redis.get(usedKey(unlimited))).toBe('4321');

    // Live counter ahead of MySQL (the usage writer lags): kept.
    await api.app.redis.set(usedKey(unlimited), '9999');
    await api.app.publisher.rebuild();
    expect(await api.app.redis.get(usedKey(unlimited))).toBe('9999');
  });

  it('syncing token records seeds a missing counter too', async () => {
    const em = api.app.orm.em.fork();
    const { token } = await seedUsageOwner(em);
    token.usedQuota = 777n;
    await em.flush();
    await api.app.redis.del(usedKey(token));
    await api.app.publisher.syncTokens(em, [token]);
    expect(await api.app.redis.get(usedKey(token))).toBe('777');
  });
});
