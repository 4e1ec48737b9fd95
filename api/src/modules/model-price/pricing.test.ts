import { relaySnapshotSchema } from '@switchboard/shared/relay-config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test-support/harness.js';

describe('groups, pricing and options', () => {
  let api: TestApi;
  let root: string;
  let admin: string;
  const snapshot = async () =>
    relaySnapshotSchema.parse(JSON.parse((await api.app.redis.get(api.app.keys.configSnapshot))!));

  beforeAll(async () => {
    api = await startTestApi();
    root = await api.login();
    await api.ok(
      'mutation{ createUser(input:{ username:"pr-admin", password:"password-123", role:"admin" }){ id } }',
      {},
      root,
    );
    admin = await api.login('pr-admin', 'password-123');
  });
  afterAll(() => api?.close());

  it('groups: ratio validated as a decimal, changes published, deletion refused while in use', async () => {
    const bad = await api.gql('mutation{ createGroup(name:"g1", ratio:"1,5"){ id } }', {}, admin);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ratio' });
    const neg = await api.gql('mutation{ createGroup(name:"g1", ratio:"-1"){ id } }', {}, admin);
    expect(neg.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ratio' });
    const g = await api.ok(
      'mutation{ createGroup(name:"g1", ratio:"0.75", description:"partners"){ id ratio } }',
      {},
      admin,
    );
    expect((await snapshot()).groups).toContainEqual({ name: 'g1', ratio: '0.75' });
    const dup = await api.gql('mutation{ createGroup(name:"g1", ratio:"1"){ id } }', {}, admin);
    expect(dup.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await api.ok(
      'mutation($id:ID!){ updateGroup(id:$id, ratio:"0.7"){ ratio } }',
      { id: g.createGroup.id },
      admin,
    );
    expect((await snapshot()).groups).toContainEqual({ name: 'g1', ratio: '0.7' });
    await api.ok(
      'mutation{ createUser(input:{ username:"in-g1", password:"password-123", group:"g1" }){ id } }',
      {},
      admin,
    );
    const inUse = await api.gql('mutation($id:ID!){ deleteGroup(id:$id) }', { id: g.createGroup.id }, admin);
    expect(inUse.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(inUse.errors?.[0]?.message).toMatch(/1 user/);
  });

  it('prices: given as ratios or USD per 1M tokens, exposed both ways, validated, published', async () => {
    const p = await api.ok(
      `mutation($i: ModelPriceInput!){ upsertModelPrice(input:$i){ model modelRatio completionRatio cachedRatio imagePrices inputUsdPerMillion outputUsdPerMillion perCallQuota } }`,
      {
        i: {
          model: 'my-model',
          inputUsdPerMillion: '3',
          outputUsdPerMillion: '15',
          cachedRatio: '0.1',
          perCallQuota: '100',
          imagePrices: { '1024x1024': '2000', '1024x1024|hd': 4000, '*': '1500' },
        },
      },
      admin,
    );
    expect(p.upsertModelPrice).toEqual({
      model: 'my-model',
      modelRatio: '1.5',
      completionRatio: '5',
      cachedRatio: '0.1',
      imagePrices: { '1024x1024': '2000', '1024x1024|hd': '4000', '*': '1500' },
      inputUsdPerMillion: '3',
      outputUsdPerMillion: '15',
      perCallQuota: '100',
    });
    const sp = (await snapshot()).prices.find((x) => x.model === 'my-model')!;
    expect(sp).toMatchObject({
      modelRatio: '1.5',
      completionRatio: '5',
      cachedRatio: '0.1',
      perCallQuota: '100',
    });

    for (const [input, field] of [
      [{ model: 'm', modelRatio: 'abc' }, 'modelRatio'],
      [{ model: 'm', modelRatio: '1.1234567891' }, 'modelRatio'],
      [{ model: 'm' }, 'modelRatio'],
      [{ model: 'm', modelRatio: '1', imagePrices: { big: '1' } }, 'imagePrices'],
      [{ model: 'm', modelRatio: '1', perCallQuota: '-1' }, 'perCallQuota'],
      [{ model: 'm', modelRatio: '1', defaultMaxOutputTokens: 0 }, 'defaultMaxOutputTokens'],
    ] as const) {
      const e = await api.gql(
        'mutation($i: ModelPriceInput!){ upsertModelPrice(input:$i){ id } }',
        { i: input },
        admin,
      );
      expect(e.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    }
    const seeded = await api.ok('{ modelPrices(search:"gpt-4o-mini") { model modelRatio } }', {}, admin);
    expect(seeded.modelPrices).toContainEqual({ model: 'gpt-4o-mini', modelRatio: '0.075' });
  });

  it('an unpriced model is refused for channels until defaultModelRatio is set (root only)', async () => {
    const input = { type: 'openai', name: 'u', keys: ['sk-unpriced-0000'], models: ['brand-new-model'] };
    const refused = await api.gql(
      'mutation($i: CreateChannelInput!){ createChannel(input:$i){ id } }',
      { i: input },
      admin,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'models' });
    expect(refused.errors?.[0]?.message).toMatch(/brand-new-model/);

    const notRoot = await api.gql(
      'mutation{ setOption(key:"defaultModelRatio", value:"1") { key } }',
      {},
      admin,
    );
    expect(notRoot.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unknown = await api.gql('mutation{ setOption(key:"nope", value:1) { key } }', {}, root);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'key' });
    const badValue = await api.gql('mutation{ setOption(key:"retryCount", value:"many") { key } }', {}, root);
    expect(badValue.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'value' });

    const set = await api.ok(
      'mutation{ setOption(key:"defaultModelRatio", value:"1") { key value } }',
      {},
      root,
    );
    expect(set.setOption).toEqual({ key: 'defaultModelRatio', value: '1' });
    await api.ok('mutation{ setOption(key:"retryCount", value:4) { key } }', {}, root);
    expect((await snapshot()).options).toMatchObject({ defaultModelRatio: '1', retryCount: 4 });
    const ok = await api.gql(
      'mutation($i: CreateChannelInput!){ createChannel(input:$i){ id } }',
      { i: input },
      admin,
    );
    expect(ok.errors).toBeUndefined();
    const opts = await api.ok('{ options { key value defaultValue } }', {}, root);
    expect(opts.options).toContainEqual({ key: 'retryCount', value: 4, defaultValue: 2 });
    await api.ok('mutation{ setOption(key:"defaultModelRatio", value:null) { key } }', {}, root);
  });
});
