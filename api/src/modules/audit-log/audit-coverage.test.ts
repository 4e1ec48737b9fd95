import { GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTHORIZATION_POLICY } from '../../graphql/authorization.policy.js';
import { getSchema } from '../../graphql/schema.js';
import { startTestApi, type TestApi } from '../../test-support/harness.js';
import { AuditLog } from './audit-log.entity.js';

/**
 * Every staff mutation (policy sales, admin or root) must leave an audit row. The list below
 * says, per mutation, how to call it and which action it records; a staff mutation missing from
 * both lists fails the first test, so a new one cannot ship unaudited by accident.
 */
type Call = { action: string; run: (api: TestApi, root: string) => Promise<unknown> };

let seq = 0;
const uniq = (p: string) => `${p}-${Date.now().toString(36)}-${++seq}`;

const createCustomer = async (api: TestApi, root: string) =>
  (
    await api.ok(
      'mutation($u:String!){ createUser(input:{ username:$u, password:"password-123" }){ id } }',
      { u: uniq('aud') },
      root,
    )
  ).createUser.id as string;
const createChannel = async (api: TestApi, root: string) =>
  (
    await api.ok(
      'mutation($i: CreateChannelInput!){ createChannel(input:$i){ id } }',
      { i: { type: 'openai', name: uniq('aud'), keys: [`sk-${uniq('k')}`], models: ['gpt-4o-mini'] } },
      root,
    )
  ).createChannel.id as string;
const createGroup = async (api: TestApi, root: string) =>
  (await api.ok('mutation($n:String!){ createGroup(name:$n, ratio:"1"){ id } }', { n: uniq('g') }, root))
    .createGroup.id as string;

const AUDITED: Record<string, Call> = {
  createUser: { action: 'user.create', run: createCustomer },
  updateUser: {
    action: 'user.update',
    run: async (api, root) =>
      api.ok(
        'mutation($id:ID!){ updateUser(id:$id, input:{ displayName:"x" }){ id } }',
        { id: await createCustomer(api, root) },
        root,
      ),
  },
  deleteUsers: {
    action: 'user.delete',
    run: async (api, root) =>
      api.ok(
        'mutation($ids:[ID!]!){ deleteUsers(ids:$ids) }',
        { ids: [await createCustomer(api, root)] },
        root,
      ),
  },
  adjustUserQuota: {
    action: 'user.quota.adjustment',
    run: async (api, root) =>
      api.ok(
        'mutation($id:ID!){ adjustUserQuota(userId:$id, amount:"5", reason:"audit"){ id } }',
        { id: await createCustomer(api, root) },
        root,
      ),
  },
  createChannel: { action: 'channel.create', run: createChannel },
  updateChannel: {
    action: 'channel.update',
    run: async (api, root) =>
      api.ok(
        'mutation($id:ID!){ updateChannel(id:$id, input:{ weight: 3 }){ id } }',
        { id: await createChannel(api, root) },
        root,
      ),
  },
  enableChannels: {
    action: 'channel.enable',
    run: async (api, root) =>
      api.ok(
        'mutation($ids:[ID!]!){ enableChannels(ids:$ids){ id } }',
        { ids: [await createChannel(api, root)] },
        root,
      ),
  },
  disableChannels: {
    action: 'channel.disable',
    run: async (api, root) =>
      api.ok(
        'mutation($ids:[ID!]!){ disableChannels(ids:$ids){ id } }',
        { ids: [await createChannel(api, root)] },
        root,
      ),
  },
  setChannelPriority: {
    action: 'channel.set-priority',
    run: async (api, root) =>
      api.ok(
        'mutation($ids:[ID!]!){ setChannelPriority(ids:$ids, priority: 2){ id } }',
        { ids: [await createChannel(api, root)] },
        root,
      ),
  },
  deleteChannels: {
    action: 'channel.delete',
    run: async (api, root) =>
      api.ok(
        'mutation($ids:[ID!]!){ deleteChannels(ids:$ids) }',
        { ids: [await createChannel(api, root)] },
        root,
      ),
  },
  createGroup: { action: 'group.create', run: createGroup },
  updateGroup: {
    action: 'group.update',
    run: async (api, root) =>
      api.ok(
        'mutation($id:ID!){ updateGroup(id:$id, ratio:"2"){ id } }',
        { id: await createGroup(api, root) },
        root,
      ),
  },
  deleteGroup: {
    action: 'group.delete',
    run: async (api, root) =>
      api.ok('mutation($id:ID!){ deleteGroup(id:$id) }', { id: await createGroup(api, root) }, root),
  },
  upsertModelPrice: {
    action: 'price.create',
    run: (api, root) =>
      api.ok(
        'mutation($m:String!){ upsertModelPrice(input:{ model:$m, modelRatio:"1" }){ id } }',
        { m: uniq('m') },
        root,
      ),
  },
  deleteModelPrices: {
    action: 'price.delete',
    run: async (api, root) => {
      const m = uniq('m');
      await api.ok(
        'mutation($m:String!){ upsertModelPrice(input:{ model:$m, modelRatio:"1" }){ id } }',
        { m },
        root,
      );
      return api.ok('mutation($m:String!){ deleteModelPrices(models:[$m]) }', { m }, root);
    },
  },
  setOption: {
    action: 'option.set',
    run: (api, root) => api.ok('mutation{ setOption(key:"retryCount", value: 3){ key } }', {}, root),
  },
  generateRedemptions: {
    action: 'redemption.generate',
    run: (api, root) =>
      api.ok(
        'mutation{ generateRedemptions(input:{ name:"aud", count: 1, quota:"5" }){ batchName } }',
        {},
        root,
      ),
  },
  disableRedemptions: {
    action: 'redemption.disable',
    run: (api, root) => api.ok('mutation{ disableRedemptions(ids:["1"]) }', {}, root),
  },
};

/** Staff mutations that change no stored decision by themselves, and why. */
const EXEMPT: Record<string, string> = {
  testChannel: 'a measurement; a resulting status change is audited as channel.auto-status',
  fetchChannelModels: 'reads the upstream model list, changes nothing',
  refreshChannelBalance: 'stores the balance the provider reports, not an admin decision',
  startGenerateRedemptions: 'starts a job; its codes are audited when generated',
  claimGeneratedRedemptions: 'hands out codes generated (and audited) by the job',
  startTestChannels: 'starts a job of tests (see testChannel)',
  startFetchModels: 'starts a job that reads upstream model lists',
};

describe('audit log coverage', () => {
  let api: TestApi;
  let root: string;

  beforeAll(async () => {
    api = await startTestApi();
    root = await api.login();
  });
  afterAll(() => api?.close());

  it('every staff mutation is either audited here or exempt with a reason', async () => {
    const schema = await getSchema();
    const staff = Object.keys((schema.getMutationType() as GraphQLObjectType).getFields()).filter((m) =>
      ['sales', 'admin', 'root'].includes(AUTHORIZATION_POLICY[`Mutation.${m}`] ?? ''),
    );
    const missing = staff.filter((m) => !(m in AUDITED) && !(m in EXEMPT));
    expect(missing, 'add them to AUDITED (with a call) or EXEMPT (with a reason)').toEqual([]);
  });

  it('each audited mutation writes a row naming the actor, the action and the target', async () => {
    for (const [mutation, call] of Object.entries(AUDITED)) {
      const em = api.app.orm.em.fork();
      const before = await em.count(AuditLog, { action: call.action });
      await call.run(api, root);
      const rows = await em.find(AuditLog, { action: call.action }, { orderBy: { id: 'desc' }, limit: 1 });
      expect(await em.count(AuditLog, { action: call.action }), mutation).toBeGreaterThan(before);
      expect(rows[0], mutation).toMatchObject({ actorName: 'root', targetType: expect.any(String) });
    }
  });
});
