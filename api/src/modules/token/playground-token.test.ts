import { hashTokenKey } from '@switchboard/shared/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test-support/harness.js';
import { PLAYGROUND_TOKEN_TTL_MS, PLAYGROUND_TOKENS_PER_USER } from './playground-token.service.js';
import { Token } from './token.entity.js';

describe('playground tokens', () => {
  let api: TestApi;
  let customer: string;
  let customerId: number;
  const CREATE = 'mutation{ createPlaygroundToken{ key expiresAt } }';

  const record = async (key: string) => {
    const raw = await api.app.redis.hget(api.app.keys.token(hashTokenKey(key)), 'd');
    return raw ? JSON.parse(raw) : null;
  };

  beforeAll(async () => {
    api = await startTestApi();
    const root = await api.login();
    await api.ok('mutation{ createGroup(name:"pg-group", ratio:"1"){ id } }', {}, root);
    customerId = Number(
      (
        await api.ok(
          'mutation{ createUser(input:{ username:"pg-cust", password:"pg-password-1", group:"pg-group", quota:"5000000" }){ id } }',
          {},
          root,
        )
      ).createUser.id,
    );
    customer = await api.login('pg-cust', 'pg-password-1');
  });
  afterAll(() => api?.close());

  it('issues a short-lived key for the signed-in customer, stored as a hash and in Redis', async () => {
    const before = Date.now();
    const { createPlaygroundToken: t } = await api.ok(CREATE, {}, customer);
    expect(t.key).toMatch(/^sk-/);
    const expiresAt = Date.parse(t.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + PLAYGROUND_TOKEN_TTL_MS - 1000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + PLAYGROUND_TOKEN_TTL_MS + 1000);

    const row = await api.app.orm.em.fork().findOneOrFail(Token, { keyHash: hashTokenKey(t.key) });
    expect(row).toMatchObject({ playground: true, unlimited: true, models: null, ipWhitelist: null });
    expect(JSON.stringify(row)).not.toContain(t.key);

    expect(await record(t.key)).toMatchObject({
      userId: customerId,
      status: 'enabled',
      playground: true,
      unlimited: true,
      group: 'pg-group',
      models: null,
      ipWhitelist: null,
      expiresAt,
    });
  });

  it('is never listed, exported nor reachable by id', async () => {
    await api.ok(CREATE, {}, customer);
    const page = await api.ok('{ tokens{ total items{ id } } }', {}, customer);
    expect(page.tokens.total).toBe(0);
    const exported = JSON.parse((await api.ok('{ exportTokens(format:"json") }', {}, customer)).exportTokens);
    expect(exported).toEqual([]);
    const row = await api.app.orm.em.fork().findOneOrFail(Token, { user: customerId, playground: true });
    const r = await api.gql(`{ token(id:"${row.id}"){ id } }`, {}, customer);
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps only the newest few per user; older keys stop working at once', async () => {
    const keys: string[] = [];
    for (let i = 0; i < PLAYGROUND_TOKENS_PER_USER + 2; i++) {
      keys.push((await api.ok(CREATE, {}, customer)).createPlaygroundToken.key);
    }
    const rows = await api.app.orm.em.fork().find(Token, { user: customerId, playground: true });
    expect(rows.map((t) => t.keyHash).sort()).toEqual(
      keys.slice(-PLAYGROUND_TOKENS_PER_USER).map(hashTokenKey).sort(),
    );
    expect(await record(keys[0]!)).toBeNull();
    expect(await record(keys[1]!)).toBeNull();
    expect(await record(keys.at(-1)!)).not.toBeNull();
  });

  it('the maintenance job removes expired ones from MySQL and Redis', async () => {
    const { key } = (await api.ok(CREATE, {}, customer)).createPlaygroundToken;
    const em = api.app.orm.em.fork();
    await em.nativeUpdate(Token, { keyHash: hashTokenKey(key) }, { expiresAt: new Date(Date.now() - 1000) });
    expect(await api.app.services.playgroundTokens.pruneExpired()).toBeGreaterThanOrEqual(1);
    expect(await em.count(Token, { keyHash: hashTokenKey(key) })).toBe(0);
    expect(await record(key)).toBeNull();
    expect(await em.count(Token, { user: customerId, playground: true })).toBe(
      PLAYGROUND_TOKENS_PER_USER - 1,
    );
  });

  it('needs a signed-in user', async () => {
    const r = await api.gql(CREATE);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
