import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test-support/harness.js';

describe('users and customers', () => {
  let api: TestApi;
  let root: string;
  let sales: string;
  let salesId: number;

  beforeAll(async () => {
    api = await startTestApi();
    root = await api.login();
    const s = await api.ok(
      'mutation{ createUser(input:{ username:"u-sales", password:"sales-password", role:"sales" }){ id } }',
      {},
      root,
    );
    salesId = Number(s.createUser.id);
    sales = await api.login('u-sales', 'sales-password');
  });
  afterAll(() => api?.close());

  it('sales creates a customer with quota: MySQL, live Redis balance, top-up row and audit row', async () => {
    const data = await api.ok(
      `mutation{ createUser(input:{ username:"acme", password:"acme-password", quota:"10000000000", rpm: 60 }){
        id role quota liveQuota rpm } }`,
      {},
      sales,
    );
    expect(data.createUser).toMatchObject({
      role: 'user',
      quota: '10000000000',
      liveQuota: '10000000000',
      rpm: 60,
    });
    const audit = await api.ok(
      `query($id:String){ auditLogs(filter:{ targetType:"user", targetId:$id }){ items { action actorName after } } }`,
      { id: data.createUser.id },
      root,
    );
    expect(audit.auditLogs.items[0]).toMatchObject({ action: 'user.create', actorName: 'u-sales' });
    expect(JSON.stringify(audit.auditLogs.items)).not.toContain('passwordHash');
  });

  it('sales cannot create admins or sales, nor see admins', async () => {
    const r = await api.gql(
      'mutation{ createUser(input:{ username:"x-admin", password:"password-123", role:"admin" }){ id } }',
      {},
      sales,
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const list = await api.ok('{ users { items { username role } total } }', {}, sales);
    const roles = new Set(list.users.items.map((u: { role: string }) => u.role));
    expect([...roles].every((r) => r === 'user' || r === 'sales')).toBe(true);
    expect(list.users.items.some((u: { username: string }) => u.username === 'root')).toBe(false);
  });

  it('rejects bad input with the field named', async () => {
    const cases: [string, string][] = [
      ['{ username:"a", password:"password-123" }', 'username'],
      ['{ username:"shortpw", password:"short" }', 'password'],
      ['{ username:"badgroup", password:"password-123", group:"nope" }', 'group'],
      ['{ username:"badmail", password:"password-123", email:"not-mail" }', 'email'],
      ['{ username:"neg", password:"password-123", quota:"-5" }', 'quota'],
    ];
    for (const [input, field] of cases) {
      const r = await api.gql(`mutation{ createUser(input:${input}){ id } }`, {}, root);
      expect(r.errors?.[0]?.extensions, input).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const dup = await api.gql(
      'mutation{ createUser(input:{ username:"acme", password:"password-123" }){ id } }',
      {},
      root,
    );
    expect(dup.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('adjusts quota with a reason (INCRBY keeps relay charges) and sets it with updateUser', async () => {
    const u = await api.ok(
      'mutation{ createUser(input:{ username:"topup-me", password:"password-123", quota:"1000" }){ id } }',
      {},
      root,
    );
    const id = Number(u.createUser.id);
    const { keys, publisher, redis } = api.app;
    // The relay charged 300 meanwhile (live balance only).
    await redis.decrby(keys.userQuota(publisher.shard(id), id), 300);
    const adj = await api.ok(
      'mutation($id:ID!){ adjustUserQuota(userId:$id, amount:"5000", reason:"invoice 42"){ amount kind reason } }',
      { id: String(id) },
      sales,
    );
    expect(adj.adjustUserQuota).toEqual({ amount: '5000', kind: 'adjustment', reason: 'invoice 42' });
    const after = await api.ok('query($id:ID!){ user(id:$id){ quota liveQuota } }', { id: String(id) }, root);
    expect(after.user).toEqual({ quota: '6000', liveQuota: '5700' });

    const noReason = await api.gql(
      'mutation($id:ID!){ adjustUserQuota(userId:$id, amount:"1", reason:" "){ id } }',
      { id: String(id) },
      root,
    );
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });

    // Set the balance: the live value becomes exactly the target, MySQL moves by the same delta.
    const set = await api.ok(
      'mutation($id:ID!){ updateUser(id:$id, input:{ quota:"2000", quotaReason:"reset" }){ quota liveQuota } }',
      { id: String(id) },
      root,
    );
    expect(set.updateUser).toEqual({ quota: '2300', liveQuota: '2000' });
  });

  it('a customer edits only its own profile; disabling a user updates its token records', async () => {
    await api.ok(
      'mutation{ createUser(input:{ username:"cust-a", password:"password-123" }){ id } }',
      {},
      root,
    );
    const cust = await api.login('cust-a', 'password-123');
    const me = await api.ok('{ me { id } }', {}, cust);
    const own = await api.ok(
      'mutation($id:ID!){ updateUser(id:$id, input:{ displayName:"A" }){ displayName } }',
      { id: me.me.id },
      cust,
    );
    expect(own.updateUser.displayName).toBe('A');
    const pw = await api.gql(
      'mutation($id:ID!){ updateUser(id:$id, input:{ password:"new-password-1" }){ id } }',
      { id: me.me.id },
      cust,
    );
    expect(pw.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    const raise = await api.gql(
      'mutation($id:ID!){ updateUser(id:$id, input:{ quota:"999" }){ id } }',
      { id: me.me.id },
      cust,
    );
    expect(raise.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await api.gql(
      'mutation($id:ID!){ updateUser(id:$id, input:{ displayName:"x" }){ id } }',
      { id: String(salesId) },
      cust,
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const t = await api.ok(
      'mutation{ createToken(input:{ name:"mine", unlimited:true }){ key token { id } } }',
      {},
      cust,
    );
    await api.ok(
      'mutation($id:ID!){ updateUser(id:$id, input:{ status:"disabled" }){ status } }',
      { id: me.me.id },
      sales,
    );
    const { hashTokenKey } = await import('@switchboard/shared/crypto');
    const record = JSON.parse(
      (await api.app.redis.hget(api.app.keys.token(hashTokenKey(t.createToken.key)), 'd'))!,
    );
    expect(record.userStatus).toBe('disabled');
    // Its session stopped working.
    const after = await api.ok('{ me { id } }', {}, cust);
    expect(after.me).toBeNull();
  });

  it('keeps balances above 2^53 exact, in MySQL, Redis and GraphQL', async () => {
    const huge = '900719925474099312'; // far above 2^53, below 2^63
    const u = await api.ok(
      `mutation{ createUser(input:{ username:"whale", password:"password-123", quota:"${huge}" }){ id quota liveQuota } }`,
      {},
      root,
    );
    expect(u.createUser).toMatchObject({ quota: huge, liveQuota: huge });
    const adj = await api.ok(
      'mutation($id:ID!){ adjustUserQuota(userId:$id, amount:"-3", reason:"exact"){ amount } }',
      { id: u.createUser.id },
      root,
    );
    expect(adj.adjustUserQuota.amount).toBe('-3');
    const after = await api.ok(
      'query($id:ID!){ user(id:$id){ quota liveQuota } }',
      { id: u.createUser.id },
      root,
    );
    expect(after.user).toEqual({ quota: '900719925474099309', liveQuota: '900719925474099309' });
    const set = await api.ok(
      'mutation($id:ID!){ updateUser(id:$id, input:{ quota:"900719925474099399" }){ quota liveQuota } }',
      { id: u.createUser.id },
      root,
    );
    expect(set.updateUser).toEqual({ quota: '900719925474099399', liveQuota: '900719925474099399' });
  });

  it('a password change ends the other sessions; a reset by staff ends all of them', async () => {
    await api.ok(
      'mutation{ createUser(input:{ username:"pw-user", password:"password-123" }){ id } }',
      {},
      root,
    );
    const s1 = await api.login('pw-user', 'password-123');
    const s2 = await api.login('pw-user', 'password-123');
    await api.ok(
      'mutation{ changePassword(currentPassword:"password-123", newPassword:"password-456") }',
      {},
      s1,
    );
    expect((await api.ok('{ me { username } }', {}, s1)).me).toEqual({ username: 'pw-user' });
    expect((await api.ok('{ me { username } }', {}, s2)).me).toBeNull();
    const me = await api.ok('{ me { id } }', {}, s1);
    await api.ok(
      'mutation($id:ID!){ updateUser(id:$id, input:{ password:"password-789" }){ id } }',
      { id: me.me.id },
      sales,
    );
    expect((await api.ok('{ me { username } }', {}, s1)).me).toBeNull();
    expect(await api.login('pw-user', 'password-789')).toMatch(/^sbs_/);
  });

  it('deleting a user removes its tokens from Redis', async () => {
    const u = await api.ok(
      'mutation{ createUser(input:{ username:"gone", password:"password-123" }){ id } }',
      {},
      root,
    );
    const t = await api.ok(
      'mutation($uid:Int){ createToken(input:{ name:"t", userId:$uid, remainQuota:"5" }){ key token { id } } }',
      { uid: Number(u.createUser.id) },
      sales,
    );
    const { hashTokenKey } = await import('@switchboard/shared/crypto');
    const key = api.app.keys.token(hashTokenKey(t.createToken.key));
    expect(await api.app.redis.exists(key)).toBe(1);
    const n = await api.ok(
      'mutation($ids:[ID!]!){ deleteUsers(ids:$ids) }',
      { ids: [u.createUser.id] },
      sales,
    );
    expect(n.deleteUsers).toBe(1);
    expect(await api.app.redis.exists(key)).toBe(0);
  });
});
