import { hashTokenKey } from '@switchboard/shared/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test-support/harness.js';

describe('tokens', () => {
  let api: TestApi;
  let root: string;
  let custA: string;
  let custB: string;

  const create = (input: Record<string, unknown>, as: string) =>
    api.gql(
      'mutation($i: CreateTokenInput!){ createToken(input:$i){ key token { id userId remainQuota liveRemainQuota quotaReset ipWhitelist models group status } } }',
      { i: input },
      as,
    );

  beforeAll(async () => {
    api = await startTestApi();
    root = await api.login();
    for (const name of ['tok-a', 'tok-b']) {
      await api.ok(
        `mutation{ createUser(input:{ username:"${name}", password:"password-123" }){ id } }`,
        {},
        root,
      );
    }
    custA = await api.login('tok-a', 'password-123');
    custB = await api.login('tok-b', 'password-123');
    await api.ok('mutation{ createGroup(name:"vip", ratio:"0.8"){ id } }', {}, root);
  });
  afterAll(() => api?.close());

  it('validates input, naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '' }, 'name'],
      [{ name: 'x', ipWhitelist: ['10.0.0.0/33'] }, 'ipWhitelist'],
      [{ name: 'x', ipWhitelist: ['127.1'] }, 'ipWhitelist'],
      [{ name: 'x', ipWhitelist: ['fe80::/129'] }, 'ipWhitelist'],
      [{ name: 'x', group: 'nope' }, 'group'],
      [{ name: 'x', remainQuota: '-1' }, 'remainQuota'],
      [{ name: 'x', expiresAt: '2001-01-01T00:00:00Z' }, 'expiresAt'],
      [{ name: 'x', quotaReset: 'weekly' }, 'quotaReset'],
      [{ name: 'x', quotaReset: 'daily' }, 'resetAmount'],
      [{ name: 'x', rpm: -1 }, 'rpm'],
    ];
    for (const [input, field] of cases) {
      const r = await create(input, custA);
      expect(r.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    }
  });

  it('creates with every setting; a customer sees only its own tokens', async () => {
    const r = await create(
      {
        name: 'full',
        remainQuota: '1000',
        models: ['gpt-4o-mini'],
        ipWhitelist: ['192.168.1.7', '2001:db8::/48'],
        group: 'vip',
        quotaReset: 'monthly',
        resetAmount: '1000',
        rpm: 10,
        tpm: 1000,
      },
      custA,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.createToken.token).toMatchObject({
      remainQuota: '1000',
      liveRemainQuota: '1000',
      quotaReset: 'monthly',
      ipWhitelist: ['192.168.1.7/32', '2001:db8::/48'],
      group: 'vip',
    });
    const id = r.data.createToken.token.id;
    const b = await api.gql('query($id:ID!){ token(id:$id){ id } }', { id }, custB);
    expect(b.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const listB = await api.ok('{ tokens { total items { id } } }', {}, custB);
    expect(listB.tokens.items.map((t: { id: string }) => t.id)).not.toContain(id);
    const forOther = await create({ name: 'x', userId: 1 }, custA);
    expect(forOther.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('update moves the live quota by the difference and rewrites the record; disable and delete reach Redis', async () => {
    const r = await create({ name: 'upd', remainQuota: '1000' }, custA);
    const { id, userId } = r.data.createToken.token;
    const hash = hashTokenKey(r.data.createToken.key);
    const { keys, publisher, redis } = api.app;
    const quotaKey = keys.tokenQuota(publisher.shard(userId), Number(id));
    await redis.decrby(quotaKey, 100); // spent on the relay meanwhile
    const u = await api.ok(
      'mutation($id:ID!){ updateToken(id:$id, input:{ remainQuota:"1500", status:"disabled", models:["a","b"] }){ remainQuota liveRemainQuota status models } }',
      { id },
      custA,
    );
    expect(u.updateToken).toEqual({
      remainQuota: '1500',
      liveRemainQuota: '1400',
      status: 'disabled',
      models: ['a', 'b'],
    });
    const record = JSON.parse((await redis.hget(keys.token(hash), 'd'))!);
    expect(record).toMatchObject({ status: 'disabled', models: ['a', 'b'] });

    const unl = await api.ok(
      'mutation($id:ID!){ updateToken(id:$id, input:{ unlimited:true }){ liveRemainQuota } }',
      { id },
      custA,
    );
    expect(unl.updateToken.liveRemainQuota).toBeNull();
    expect(await redis.exists(quotaKey)).toBe(0);

    const regen = await api.ok(
      'mutation($id:ID!){ regenerateTokenKey(id:$id){ key token { keyPrefix } } }',
      { id },
      custA,
    );
    expect(regen.regenerateTokenKey.key).not.toBe(r.data.createToken.key);
    expect(await redis.exists(keys.token(hash))).toBe(0);
    const newHash = hashTokenKey(regen.regenerateTokenKey.key);
    expect(await redis.exists(keys.token(newHash))).toBe(1);

    const del = await api.ok('mutation($ids:[ID!]!){ deleteTokens(ids:$ids) }', { ids: [id] }, custA);
    expect(del.deleteTokens).toBe(1);
    expect(await redis.exists(keys.token(newHash))).toBe(0);
  });

  it('searches and exports settings and balances as CSV and JSON, never keys', async () => {
    const r = await create({ name: '=cmd|calc', remainQuota: '77' }, custB);
    const key: string = r.data.createToken.key;
    const found = await api.ok('{ tokens(search:"cmd") { items { name } } }', {}, custB);
    expect(found.tokens.items).toEqual([{ name: '=cmd|calc' }]);
    const csv = (await api.ok('{ exportTokens(format:"csv") }', {}, custB)).exportTokens as string;
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toContain('remainQuota');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("'=cmd|calc"); // formula-safe
    expect(csv).not.toContain(key);
    const json = JSON.parse((await api.ok('{ exportTokens(format:"json") }', {}, root)).exportTokens);
    const row = json.find((t: { name: string }) => t.name === '=cmd|calc');
    expect(row).toMatchObject({ username: 'tok-b', remainQuota: '77', liveRemainQuota: '77' });
    expect(JSON.stringify(json)).not.toContain(key);
    const bad = await api.gql('{ exportTokens(format:"xml") }', {}, root);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'format' });
  });
});
