import { PROVIDERS } from '@switchboard/shared/providers';
import { relaySnapshotSchema } from '@switchboard/shared/relay-config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test-support/harness.js';
import { Ability } from '../ability/ability.entity.js';

describe('channels', () => {
  let api: TestApi;
  let root: string;
  const CREATE =
    'mutation($i: CreateChannelInput!){ createChannel(input:$i){ id status priority weight maskedKeys { index masked disabled } baseUrl config timeouts { connectMs firstByteMs streamIdleMs } } }';

  const snapshot = async () =>
    relaySnapshotSchema.parse(JSON.parse((await api.app.redis.get(api.app.keys.configSnapshot))!));

  beforeAll(async () => {
    api = await startTestApi();
    root = await api.login();
    await api.ok('mutation{ createGroup(name:"ch-vip", ratio:"1.5"){ id } }', {}, root);
  });
  afterAll(() => api?.close());

  it('refuses bad input, naming the field', async () => {
    const base = { type: 'openai', name: 'x', keys: ['sk-abcdefgh123'], models: ['gpt-4o-mini'] };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, type: 'nope' }, 'type'],
      [{ ...base, keys: [] }, 'keys'],
      [{ ...base, keys: ['sk-a', 'sk-a'] }, 'keys'],
      [{ ...base, type: 'baidu', keys: ['only-one-part'] }, 'keys'],
      [{ ...base, type: 'spark', keys: ['app|key'] }, 'keys'],
      [{ ...base, baseUrl: 'ftp://x' }, 'baseUrl'],
      [{ ...base, type: 'custom' }, 'baseUrl'],
      [{ ...base, models: [] }, 'models'],
      [{ ...base, models: ['no-such-priced-model'] }, 'models'],
      [{ ...base, groups: ['missing'] }, 'groups'],
      [{ ...base, modelMapping: { 'gpt-4o-mini': 5 } }, 'modelMapping'],
      [{ ...base, modelMapping: { 'gpt-4o-mini': '' } }, 'modelMapping'],
      [{ ...base, headers: { 'bad header': 'x' } }, 'headers'],
      [{ ...base, headers: { Host: 'x' } }, 'headers'],
      [{ ...base, passthroughHeaders: ['authorization'] }, 'passthroughHeaders'],
      [{ ...base, timeouts: { connectMs: 5 } }, 'timeouts.connectMs'],
      [{ ...base, weight: -1 }, 'weight'],
      [{ ...base, keyStrategy: 'sticky' }, 'keyStrategy'],
      [{ ...base, type: 'azure', baseUrl: 'https://x.openai.azure.com', config: { bogus: 1 } }, 'config'],
    ];
    for (const [input, field] of cases) {
      const r = await api.gql(CREATE, { i: input }, root);
      expect(r.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    }
  });

  it('creates every kind of channel: multi-part keys, provider fields, headers, timeouts, abilities', async () => {
    const baidu = await api.ok(
      CREATE,
      {
        i: {
          type: 'baidu',
          name: 'ernie',
          keys: ['ak1|sk1', 'ak2|sk2'],
          models: ['gpt-4o-mini'],
          groups: ['default', 'ch-vip'],
          priority: 5,
        },
      },
      root,
    );
    expect(baidu.createChannel.maskedKeys).toHaveLength(2);
    expect(baidu.createChannel.baseUrl).toBe('https://aip.baidubce.com');
    const azure = await api.ok(
      CREATE,
      {
        i: {
          type: 'azure',
          name: 'az',
          baseUrl: 'https://x.openai.azure.com/',
          keys: ['azkey123456'],
          models: ['gpt-4o'],
          headers: { 'X-Team': 'blue' },
          passthroughHeaders: ['User-Agent'],
          timeouts: { connectMs: 2000, firstByteMs: 30000 },
        },
      },
      root,
    );
    expect(azure.createChannel.config).toEqual({ apiVersion: '2024-10-21' });
    expect(azure.createChannel.timeouts).toEqual({
      connectMs: 2000,
      firstByteMs: 30000,
      streamIdleMs: 300000,
    });
    const abilities = await api.app.orm.em.fork().find(Ability, { channel: Number(baidu.createChannel.id) });
    expect(abilities.map((a) => a.group).sort()).toEqual(['ch-vip', 'default']);
    const snap = await snapshot();
    const sc = snap.channels.find((c) => c.id === Number(azure.createChannel.id))!;
    expect(sc).toMatchObject({
      headers: { 'X-Team': 'blue' },
      passthroughHeaders: ['user-agent'],
      config: { apiVersion: '2024-10-21' },
    });
    const group = await api.ok('{ groups { name channels { id } } }', {}, root);
    const vip = group.groups.find((g: { name: string }) => g.name === 'ch-vip');
    expect(vip.channels).toEqual([{ id: baidu.createChannel.id }]);
  });

  it('accepts every provider type the relay supports, with its key format and default base URL', async () => {
    for (const p of PROVIDERS) {
      let key = Array.from({ length: p.keyParts }, (_, i) => `part${i}-${p.type}-abcdef`).join('|');
      // Formats "|" parts cannot express (Zhipu's "id.secret") come with a pattern.
      if (p.keyPattern && !new RegExp(p.keyPattern).test(key)) key = `${p.type}id.secret123456`;
      if (p.keyPattern) expect(new RegExp(p.keyPattern).test(key), p.type).toBe(true);
      const r = await api.gql(
        CREATE,
        {
          i: {
            type: p.type,
            name: `all-${p.type}`,
            keys: [key],
            models: ['gpt-4o-mini'],
            ...(p.defaultBaseUrl ? {} : { baseUrl: 'https://llm.example.test/v1' }),
          },
        },
        root,
      );
      expect(r.errors, p.type).toBeUndefined();
      expect(r.data.createChannel.baseUrl, p.type).toBe(
        p.defaultBaseUrl ? p.defaultBaseUrl.replace(/\/+$/, '') : 'https://llm.example.test/v1',
      );
      if (p.keyParts > 1) {
        const wrong = await api.gql(
          CREATE,
          {
            i: {
              type: p.type,
              name: 'x',
              keys: ['single'],
              models: ['gpt-4o-mini'],
              baseUrl: 'https://x.test',
            },
          },
          root,
        );
        expect(wrong.errors?.[0]?.extensions, p.type).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'keys',
        });
      }
    }
    const types = (await snapshot()).channels.map((c) => c.type);
    for (const p of PROVIDERS) expect(types).toContain(p.type);
  });

  it('updates keys (add, disable, remove) and mapping; every change reaches the snapshot', async () => {
    const c = await api.ok(
      CREATE,
      {
        i: { type: 'openai', name: 'rot', keys: ['sk-one-111111', 'sk-two-222222'], models: ['gpt-4o-mini'] },
      },
      root,
    );
    const id = c.createChannel.id;
    const u = await api.ok(
      `mutation($id:ID!, $m: JSONObject){ updateChannel(id:$id, input:{ addKeys:["sk-three-333333"], disabledKeys:[1], modelMapping:$m }){ maskedKeys { index masked disabled } modelMapping } }`,
      { id, m: { 'gpt-4o-mini': 'gpt-4o-mini-2024-07-18' } },
      root,
    );
    expect(u.updateChannel.maskedKeys.map((k: { disabled: boolean }) => k.disabled)).toEqual([
      false,
      true,
      false,
    ]);
    const r = await api.ok(
      'mutation($id:ID!){ updateChannel(id:$id, input:{ removeKeyIndexes:[0] }){ maskedKeys { masked disabled } } }',
      { id },
      root,
    );
    expect(r.updateChannel.maskedKeys).toEqual([
      { masked: 'sk-…2222', disabled: true },
      { masked: 'sk-…3333', disabled: false },
    ]);
    const sc = (await snapshot()).channels.find((x) => x.id === Number(id))!;
    expect(sc.keys).toHaveLength(2);
    expect(sc.disabledKeys).toEqual([0]);
    expect(sc.modelMapping).toEqual({ 'gpt-4o-mini': 'gpt-4o-mini-2024-07-18' });
  });

  it('batch disable / enable / priority / delete', async () => {
    const ids: string[] = [];
    for (const n of ['b1', 'b2']) {
      ids.push(
        (
          await api.ok(
            CREATE,
            { i: { type: 'openai', name: n, keys: [`sk-${n}-00000000`], models: ['gpt-4o-mini'] } },
            root,
          )
        ).createChannel.id,
      );
    }
    const d = await api.ok(
      'mutation($ids:[ID!]!){ disableChannels(ids:$ids, reason:"maintenance"){ status statusReason } }',
      { ids },
      root,
    );
    expect(d.disableChannels).toEqual([
      { status: 'manually_disabled', statusReason: 'maintenance' },
      { status: 'manually_disabled', statusReason: 'maintenance' },
    ]);
    expect(
      (await snapshot()).channels.filter((c) => ids.includes(String(c.id))).map((c) => c.status),
    ).toEqual(['manually_disabled', 'manually_disabled']);
    const abilities = await api.app.orm.em.fork().find(Ability, { channel: { $in: ids.map(Number) } });
    expect(abilities.every((a) => !a.enabled)).toBe(true);
    await api.ok('mutation($ids:[ID!]!){ enableChannels(ids:$ids){ status } }', { ids }, root);
    const p = await api.ok(
      'mutation($ids:[ID!]!){ setChannelPriority(ids:$ids, priority: 9){ priority } }',
      { ids },
      root,
    );
    expect(p.setChannelPriority).toEqual([{ priority: 9 }, { priority: 9 }]);
    const missing = await api.gql('mutation{ deleteChannels(ids:["424242"]) }', {}, root);
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const del = await api.ok('mutation($ids:[ID!]!){ deleteChannels(ids:$ids) }', { ids }, root);
    expect(del.deleteChannels).toBe(2);
    expect((await snapshot()).channels.some((c) => ids.includes(String(c.id)))).toBe(false);
  });

  it('availableModels: enabled channels only, customers limited to their own group', async () => {
    await api.ok(
      'mutation{ upsertModelPrice(input:{ model:"vip-only-model", modelRatio:"1" }){ id } }',
      {},
      root,
    );
    const c = await api.ok(
      CREATE,
      {
        i: {
          type: 'openai',
          name: 'vip',
          keys: ['sk-vip-000000000'],
          models: ['vip-only-model'],
          groups: ['ch-vip'],
        },
      },
      root,
    );
    await api.ok(
      'mutation{ createUser(input:{ username:"am-cust", password:"password-123" }){ id } }',
      {},
      root,
    );
    const cust = await api.login('am-cust', 'password-123');
    const own = await api.ok('{ availableModels(group:"ch-vip") }', {}, cust);
    expect(own.availableModels).not.toContain('vip-only-model');
    const staff = await api.ok('{ availableModels(group:"ch-vip") }', {}, root);
    expect(staff.availableModels).toContain('vip-only-model');
    await api.ok(
      'mutation($ids:[ID!]!){ disableChannels(ids:$ids){ id } }',
      { ids: [c.createChannel.id] },
      root,
    );
    const after = await api.ok('{ availableModels(group:"ch-vip") }', {}, root);
    expect(after.availableModels).not.toContain('vip-only-model');
  });

  it('never returns a key in full, to anyone', async () => {
    const secret = 'sk-this-is-very-secret-000111';
    await api.ok(
      CREATE,
      { i: { type: 'openai', name: 'sec', keys: [secret], models: ['gpt-4o-mini'] } },
      root,
    );
    const all = await api.gql(
      '{ channels { id name maskedKeys { masked } headers config } auditLogs { items { before after } } }',
      {},
      root,
    );
    expect(JSON.stringify(all)).not.toContain(secret);
    expect(JSON.stringify(all)).not.toContain('very-secret');
  });

  it('a task nobody runs times out with a clear error', async () => {
    const c = await api.ok(
      CREATE,
      { i: { type: 'openai', name: 'lonely', keys: ['sk-lonely-000000'], models: ['gpt-4o-mini'] } },
      root,
    );
    const slow = await import('../../test-support/harness.js').then((m) =>
      m.startTestApi({ CHANNEL_TASK_TIMEOUT_MS: '1000', REDIS_PREFIX: `${process.env.REDIS_PREFIX}notask:` }),
    );
    try {
      const token = await slow.login();
      // This api's Redis prefix has no relay worker; the snapshot there holds the same MySQL channel.
      const r = await slow.gql(
        'mutation($id:ID!){ testChannel(id:$id){ ok } }',
        { id: c.createChannel.id },
        token,
      );
      expect(r.errors?.[0]?.message).toMatch(/No relay worker answered within 1 s/);
      const wrongModel = await slow.gql(
        'mutation($id:ID!){ testChannel(id:$id, model:"other"){ ok } }',
        { id: c.createChannel.id },
        token,
      );
      expect(wrongModel.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'model' });
    } finally {
      await slow.close();
    }
  });
});
