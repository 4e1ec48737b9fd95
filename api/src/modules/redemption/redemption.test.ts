import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test-support/harness.js';
import { AuditLog } from '../audit-log/audit-log.entity.js';
import { TopUp } from '../top-up/top-up.entity.js';
import { User } from '../user/user.entity.js';
import { Redemption } from './redemption.entity.js';

const PASSWORD = 'customer-password-1';

describe('redemption codes', () => {
  let api: TestApi;
  let root: string;

  async function customer(quota = '1000') {
    const username = `c-${randomBytes(3).toString('hex')}`;
    const created = await api.ok(
      'mutation($i: CreateUserInput!){ createUser(input:$i){ id } }',
      { i: { username, password: PASSWORD, quota } },
      root,
    );
    return { id: Number(created.createUser.id), token: await api.login(username, PASSWORD) };
  }

  beforeAll(async () => {
    api = await startTestApi();
    root = await api.login();
  });
  afterAll(() => api?.close());

  it('generates codes shown once, stores only hashes, and lists them without the codes', async () => {
    const data = await api.ok(
      'mutation{ generateRedemptions(input:{ name:"promo-a", count: 3, quota:"123456789012345" }){ batchName codes } }',
      {},
      root,
    );
    const codes: string[] = data.generateRedemptions.codes;
    expect(codes).toHaveLength(3);
    for (const c of codes) expect(c).toMatch(/^rc-[A-Za-z0-9]{32}$/);
    const rows = await api.app.orm.em.fork().find(Redemption, { batchName: 'promo-a' });
    expect(rows).toHaveLength(3);
    expect(JSON.stringify(rows)).not.toContain(codes[0]!.slice(3));
    const listed = await api.ok(
      '{ redemptions(batchName:"promo-a"){ total items { codePrefix quota status } } }',
      {},
      root,
    );
    expect(listed.redemptions.total).toBe(3);
    expect(listed.redemptions.items[0]).toMatchObject({ quota: '123456789012345', status: 'unused' });
    expect(JSON.stringify(listed)).not.toContain(codes[1]!.slice(10));
  });

  it('two concurrent redeems of one code: exactly one succeeds, the balance moves once (MySQL and Redis)', async () => {
    const { codes } = (
      await api.ok(
        'mutation{ generateRedemptions(input:{ name:"race", count: 1, quota:"5000" }){ codes } }',
        {},
        root,
      )
    ).generateRedemptions;
    const a = await customer();
    const b = await customer();
    const redeem = 'mutation($c: String!){ redeem(code:$c){ quota topUp { amount kind } } }';
    const results = await Promise.all([
      api.gql(redeem, { c: codes[0] }, a.token),
      api.gql(redeem, { c: codes[0] }, b.token),
      api.gql(redeem, { c: codes[0] }, a.token),
    ]);
    const ok = results.filter((r) => !r.errors);
    expect(ok).toHaveLength(1);
    expect(ok[0]!.data.redeem).toEqual({ quota: '5000', topUp: { amount: '5000', kind: 'redemption' } });
    for (const r of results.filter((x) => x.errors)) expect(r.errors![0]!.extensions?.code).toBe('CONFLICT');

    const em = api.app.orm.em.fork();
    const code = await em.findOneOrFail(Redemption, { batchName: 'race' });
    expect(code.status).toBe('used');
    const winner = code.redeemedById === a.id ? a : b;
    const loser = winner === a ? b : a;
    expect((await em.findOneOrFail(User, winner.id)).quota).toBe(6000n);
    expect((await em.findOneOrFail(User, loser.id)).quota).toBe(1000n);
    expect(await api.app.publisher.liveUserQuota(winner.id)).toBe(6000n);
    expect(await api.app.publisher.liveUserQuota(loser.id)).toBe(1000n);
    expect(await em.count(TopUp, { redemptionId: code.id })).toBe(1);
    expect(await em.count(AuditLog, { action: 'redemption.redeem', targetId: String(code.id) })).toBe(1);
  });

  it('refuses disabled, unknown and malformed codes; only admins generate', async () => {
    const { codes } = (
      await api.ok(
        'mutation{ generateRedemptions(input:{ name:"off", count: 1, quota:"1" }){ codes } }',
        {},
        root,
      )
    ).generateRedemptions;
    const id = (await api.app.orm.em.fork().findOneOrFail(Redemption, { batchName: 'off' })).id;
    expect((await api.ok(`mutation{ disableRedemptions(ids:["${id}"]) }`, {}, root)).disableRedemptions).toBe(
      1,
    );
    const c = await customer();
    const redeem = 'mutation($c: String!){ redeem(code:$c){ quota } }';
    expect((await api.gql(redeem, { c: codes[0] }, c.token)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(
      (await api.gql(redeem, { c: `rc-${'x'.repeat(32)}` }, c.token)).errors?.[0]?.extensions?.code,
    ).toBe('NOT_FOUND');
    expect((await api.gql(redeem, { c: 'hello' }, c.token)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'code',
    });
    const denied = await api.gql(
      'mutation{ generateRedemptions(input:{ name:"x", count: 1, quota:"1" }){ codes } }',
      {},
      c.token,
    );
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('generates a large batch as a job with progress, and hands the codes out once', async () => {
    const started = await api.ok(
      'mutation{ startGenerateRedemptions(input:{ name:"bulk", count: 1200, quota:"10" }){ jobId } }',
      {},
      root,
    );
    const jobId = started.startGenerateRedemptions.jobId;
    let state = '';
    for (let i = 0; i < 200 && state !== 'completed'; i++) {
      const j = await api.ok(
        'query($id: ID!){ job(jobId:$id){ state progress result } }',
        { id: jobId },
        root,
      );
      state = j.job.state;
      if (state === 'completed') {
        expect(j.job.progress).toBe(100);
        expect(j.job.result).toEqual({ batchName: 'bulk', count: 1200 });
      }
      if (state === 'failed') throw new Error(`job failed: ${j.job.failedReason}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(state).toBe('completed');
    const claim = 'mutation($id: ID!){ claimGeneratedRedemptions(jobId:$id){ batchName codes } }';
    const claimed = await api.ok(claim, { id: jobId }, root);
    expect(claimed.claimGeneratedRedemptions.codes).toHaveLength(1200);
    expect(new Set(claimed.claimGeneratedRedemptions.codes).size).toBe(1200);
    expect((await api.gql(claim, { id: jobId }, root)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await api.app.orm.em.fork().count(Redemption, { batchName: 'bulk' })).toBe(1200);
  });

  it('lists top-ups: customers their own', async () => {
    const c = await customer();
    const { codes } = (
      await api.ok(
        'mutation{ generateRedemptions(input:{ name:"tu", count: 1, quota:"77" }){ codes } }',
        {},
        root,
      )
    ).generateRedemptions;
    await api.ok('mutation($c: String!){ redeem(code:$c){ quota } }', { c: codes[0] }, c.token);
    const mine = await api.ok('{ topUps { total items { userId amount kind } } }', {}, c.token);
    expect(mine.topUps.items).toContainEqual({ userId: c.id, amount: '77', kind: 'redemption' });
    for (const t of mine.topUps.items) expect(t.userId).toBe(c.id);
    // Root's id, not assumed to be 1: test files share the run's database in any order.
    const rootId = Number((await api.ok('{ me { id } }', {}, root)).me.id);
    const others = await api.gql('query($u: Int!){ topUps(userId: $u) { total } }', { u: rootId }, c.token);
    expect(others.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Sales see their customers' top-ups, not root's.
    await api.ok(
      'mutation{ createUser(input:{ username:"tu-sales", password:"sales-password-1", role:"sales" }){ id } }',
      {},
      root,
    );
    const sales = await api.login('tu-sales', 'sales-password-1');
    const seen = await api.ok('{ topUps(limit: 500) { items { userId amount } } }', {}, sales);
    expect(seen.topUps.items).toContainEqual({ userId: c.id, amount: '77' });
    expect(seen.topUps.items.some((t: { userId: number }) => t.userId === rootId)).toBe(false);
    const forRoot = await api.gql('query($u: Int!){ topUps(userId: $u) { total } }', { u: rootId }, sales);
    expect(forRoot.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
