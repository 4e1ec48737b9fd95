import { hashTokenKey } from '@switchboard/shared/crypto';
import { relaySnapshotSchema, tokenRecordSchema } from '@switchboard/shared/relay-config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../test-support/harness.js';

describe('thin slice: login → createChannel → createToken → Redis', () => {
  let api: TestApi;
  let rootToken: string;

  beforeAll(async () => {
    api = await startTestApi();
    rootToken = await api.login();
  });
  afterAll(() => api?.close());

  it('rejects a wrong password with UNAUTHENTICATED', async () => {
    const r = await api.gql('mutation{ login(username:"root", password:"nope-nope"){ accessToken } }');
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('me returns the signed-in user', async () => {
    const data = await api.ok('{ me { username role quota } }', {}, rootToken);
    expect(data.me).toEqual({ username: 'root', role: 'root', quota: '0' });
    const anon = await api.ok('{ me { username } }');
    expect(anon.me).toBeNull();
  });

  it('creates a channel and publishes a snapshot that carries it, keys encrypted', async () => {
    const { keys } = api.app;
    const messages: string[] = [];
    const sub = api.app.redis.duplicate();
    await sub.subscribe(keys.configChannel);
    sub.on('message', (_c: string, m: string) => messages.push(m));
    const before = Number((await api.app.publisher.snapshotVersion()) ?? 0);

    const data = await api.ok(
      `mutation($input: CreateChannelInput!){ createChannel(input:$input){ id type baseUrl models groups status maskedKeys { index masked } } }`,
      {
        input: {
          type: 'openai',
          name: 'mock openai',
          baseUrl: 'http://127.0.0.1:9999',
          keys: ['sk-test-key-0123456789'],
          models: ['gpt-4o-mini', 'gpt-4o'],
          modelMapping: { 'gpt-4o': 'gpt-4o-2024-08-06' },
        },
      },
      rootToken,
    );
    const ch = data.createChannel;
    expect(ch).toMatchObject({
      type: 'openai',
      baseUrl: 'http://127.0.0.1:9999/v1',
      groups: ['default'],
      status: 'enabled',
    });
    expect(ch.maskedKeys).toEqual([{ index: 0, masked: 'sk-…6789' }]);

    const raw = await api.app.redis.get(keys.configSnapshot);
    const snapshot = relaySnapshotSchema.parse(JSON.parse(raw!));
    expect(snapshot.version).toBeGreaterThan(before);
    const sc = snapshot.channels.find((c) => c.id === Number(ch.id))!;
    expect(sc.models).toEqual(['gpt-4o-mini', 'gpt-4o']);
    expect(sc.modelMapping).toEqual({ 'gpt-4o': 'gpt-4o-2024-08-06' });
    expect(sc.keys[0]).toMatch(/^v1\./);
    expect(raw).not.toContain('sk-test-key-0123456789');
    expect(snapshot.groups).toContainEqual({ name: 'default', ratio: '1' });
    expect(snapshot.prices.length).toBeGreaterThan(10);

    await new Promise((r) => setTimeout(r, 50));
    expect(messages.map((m) => JSON.parse(m))).toContainEqual({
      kind: 'snapshot',
      version: snapshot.version,
    });
    sub.disconnect();
  });

  it('creates a token: key shown once, hash record and quota in Redis', async () => {
    const data = await api.ok(
      `mutation($input: CreateTokenInput!){ createToken(input:$input){ key token { id userId keyPrefix remainQuota unlimited ipWhitelist liveRemainQuota } } }`,
      { input: { name: 'ci', remainQuota: '5000000000', ipWhitelist: ['10.0.0.0/8', '2001:db8::/32'] } },
      rootToken,
    );
    const { key, token } = data.createToken;
    expect(key).toMatch(/^sk-[A-Za-z0-9]{48}$/);
    expect(token).toMatchObject({
      keyPrefix: key.slice(0, 7),
      remainQuota: '5000000000',
      unlimited: false,
      liveRemainQuota: '5000000000',
    });
    expect(token.ipWhitelist).toEqual(['10.0.0.0/8', '2001:db8::/32']);

    const { keys, publisher } = api.app;
    const record = tokenRecordSchema.parse(
      JSON.parse((await api.app.redis.hget(keys.token(hashTokenKey(key)), 'd'))!),
    );
    expect(record).toMatchObject({
      id: Number(token.id),
      userId: token.userId,
      status: 'enabled',
      group: 'default',
      unlimited: false,
    });
    expect(await api.app.redis.get(keys.tokenQuota(publisher.shard(token.userId), Number(token.id)))).toBe(
      '5000000000',
    );
    // The key itself is stored nowhere.
    const listed = await api.ok('{ tokens { items { keyPrefix } } }', {}, rootToken);
    expect(JSON.stringify(listed)).not.toContain(key);
  });

  it('rebuilds tokens, balances and snapshot when Redis lost them', async () => {
    const { keys, redis, publisher } = api.app;
    const created = await api.ok(
      `mutation{ createToken(input:{ name:"rebuild", remainQuota:"42" }){ key token { id userId } } }`,
      {},
      rootToken,
    );
    const versionBefore = (await publisher.snapshotVersion())!;
    const hash = hashTokenKey(created.createToken.key);
    const quotaKey = keys.tokenQuota(
      publisher.shard(created.createToken.token.userId),
      Number(created.createToken.token.id),
    );
    await redis.del(keys.configSnapshot, keys.token(hash), quotaKey);

    expect(await publisher.rebuildIfMissing()).toBe(true);
    expect(await redis.hget(keys.token(hash), 'd')).toContain('"name":"rebuild"');
    expect(await redis.get(quotaKey)).toBe('42');
    // Still newer than before the wipe: versions are time-based.
    expect((await publisher.snapshotVersion())!).toBeGreaterThan(versionBefore);
    expect(await publisher.rebuildIfMissing()).toBe(false);
  });

  it('lists usage logs: a new customer has none (other test files share this run’s database)', async () => {
    await api.ok(
      'mutation{ createUser(input:{ username:"slice-cust", password:"password-123" }){ id } }',
      {},
      rootToken,
    );
    const cust = await api.login('slice-cust', 'password-123');
    const data = await api.ok(
      '{ usageLogs(first: 5) { edges { node { requestId quota } } pageInfo { hasNextPage } } }',
      {},
      cust,
    );
    expect(data.usageLogs).toEqual({ edges: [], pageInfo: { hasNextPage: false } });
  });
});
