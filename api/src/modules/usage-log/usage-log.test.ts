import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test-support/harness.js';
import { writeUsageBatch } from '../../usage-writer/usage-batch.js';
import { usageRecord } from '../../usage-writer/usage-fixtures.js';
import { Token } from '../token/token.entity.js';

const PASSWORD = 'customer-password-1';

describe('usage logs', () => {
  let api: TestApi;
  let root: string;
  const users: Record<string, { id: number; token: string; tokenId: number }> = {};

  async function createUser(role: string) {
    const username = `${role}-${randomBytes(3).toString('hex')}`;
    const created = await api.ok(
      'mutation($i: CreateUserInput!){ createUser(input:$i){ id } }',
      { i: { username, password: PASSWORD, role, quota: '1000000' } },
      root,
    );
    const id = Number(created.createUser.id);
    const token = await api.login(username, PASSWORD);
    const em = api.app.orm.em.fork();
    const t = em.create(Token, {
      user: id,
      name: 'logs',
      keyHash: randomBytes(32).toString('hex'),
      keyPrefix: 'sk-logs',
    });
    await em.flush();
    return { id, token, tokenId: t.id };
  }

  beforeAll(async () => {
    api = await startTestApi();
    root = await api.login();
    users.alice = await createUser('user');
    users.bob = await createUser('user');
    users.sales = await createUser('sales');
    users.admin = await createUser('admin');
  });
  afterAll(() => api?.close());

  it('pages with keyset cursors: every row exactly once, newest first, ties on time broken by id', async () => {
    const { alice } = users;
    const base = Date.UTC(2026, 0, 15, 12);
    // 5 distinct times, 7 rows each: page boundaries fall inside groups of equal timestamps.
    const records = Array.from({ length: 35 }, (_, i) =>
      usageRecord({
        userId: alice!.id,
        tokenId: alice!.tokenId,
        time: base + Math.floor(i / 7) * 1000,
        model: 'page-model',
      }),
    );
    await writeUsageBatch(api.app.orm, records);
    const seen: string[] = [];
    const times: number[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const data: {
        usageLogs: {
          edges: { cursor: string; node: { requestId: string; time: string; id: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      } = await api.ok(
        `query($f: UsageLogFilter, $after: String){ usageLogs(filter:$f, first: 4, after:$after){
             edges { cursor node { id requestId time } } pageInfo { hasNextPage endCursor } } }`,
        { f: { model: 'page-model' }, after },
        alice!.token,
      );
      pages++;
      for (const e of data.usageLogs.edges) {
        seen.push(e.node.requestId);
        times.push(Date.parse(e.node.time));
      }
      if (!data.usageLogs.pageInfo.hasNextPage) break;
      after = data.usageLogs.pageInfo.endCursor;
    }
    expect(pages).toBe(9);
    expect(seen).toHaveLength(35);
    expect(new Set(seen)).toEqual(new Set(records.map((r) => r.requestId)));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('customers read only their own logs; sales their customers; admins all', async () => {
    const { alice, bob, sales, admin } = users;
    const bobRecord = usageRecord({ userId: bob!.id, tokenId: bob!.tokenId, model: 'authz-model' });
    const aliceRecord = usageRecord({ userId: alice!.id, tokenId: alice!.tokenId, model: 'authz-model' });
    await writeUsageBatch(api.app.orm, [bobRecord, aliceRecord]);
    const q = `query($f: UsageLogFilter){ usageLogs(filter:$f){ edges { node { requestId userId } } } }`;

    const own = await api.ok(q, { f: { model: 'authz-model' } }, alice!.token);
    expect(own.usageLogs.edges.map((e: { node: { requestId: string } }) => e.node.requestId)).toEqual([
      aliceRecord.requestId,
    ]);
    // Naming another user is refused; naming another user's request or token finds nothing.
    const other = await api.gql(q, { f: { userId: bob!.id } }, alice!.token);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byRequest = await api.ok(q, { f: { requestId: bobRecord.requestId } }, alice!.token);
    expect(byRequest.usageLogs.edges).toEqual([]);
    const byToken = await api.ok(q, { f: { tokenId: bob!.tokenId } }, alice!.token);
    expect(byToken.usageLogs.edges).toEqual([]);
    const totals = await api.gql('{ usageLogTotals(filter: { userId: 1 }) { requests } }', {}, alice!.token);
    expect(totals.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const salesView = await api.ok(q, { f: { model: 'authz-model' } }, sales!.token);
    expect(salesView.usageLogs.edges).toHaveLength(2);
    // Sales may not read an admin's usage.
    const salesOnAdmin = await api.gql(q, { f: { userId: admin!.id } }, sales!.token);
    expect(salesOnAdmin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const adminView = await api.ok(q, { f: { model: 'authz-model' } }, admin!.token);
    expect(adminView.usageLogs.edges).toHaveLength(2);

    const anon = await api.gql(q, { f: {} });
    expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('exports the filtered set as CSV with a totals row (and the same scoping)', async () => {
    const { alice } = users;
    const records = Array.from({ length: 5 }, (_, i) =>
      usageRecord({
        userId: alice!.id,
        tokenId: alice!.tokenId,
        model: 'csv-model',
        quota: String(1000 + i),
        promptTokens: 3,
        completionTokens: 4,
        errorMessage: '=cmd',
      }),
    );
    await writeUsageBatch(api.app.orm, records);
    const base = api.url.replace(/\/graphql$/, '');
    const res = await fetch(`${base}/export/usage-logs.csv?model=csv-model`, {
      headers: { authorization: `Bearer ${alice!.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]!.startsWith('time,request_id,user_id')).toBe(true);
    expect(lines).toHaveLength(7);
    const total = lines[6]!.split(',');
    expect(total[0]).toBe('TOTAL');
    expect(total[1]).toBe('5 requests');
    expect(total[11]).toBe('15');
    expect(total[12]).toBe('20');
    expect(total[15]).toBe(String(1000 + 1001 + 1002 + 1003 + 1004));

    const forbidden = await fetch(`${base}/export/usage-logs.csv?userId=${users.bob!.id}`, {
      headers: { authorization: `Bearer ${alice!.token}` },
    });
    expect(forbidden.status).toBe(403);
    expect((await fetch(`${base}/export/usage-logs.csv`)).status).toBe(401);
  });
});
