import type { Connection } from 'mysql2/promise';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { REPLY_WORDS, type MockOpenAI, startMockOpenAI } from '../mock-upstreams/openai/server.js';
import { type CreatedToken, createCustomer, createOpenAIChannel, createToken } from '../support/fixtures.js';
import { connectMysql, createDatabase } from '../support/mysql.js';
import { sleep } from '../support/ports.js';
import { PrivateMariaDb } from '../support/private-mariadb.js';
import { Stack } from '../support/stack.js';
import { startTraffic } from '../support/traffic.js';
import { waitFor } from '../support/wait.js';

/**
 * The database stopped during traffic: the relay keeps serving (it never needs MySQL), every
 * usage record waits in Redis, and once the database is back every record is written exactly
 * once and the balances in MySQL equal the sum of the logged costs. MySQL here is a private
 * mariadbd that this test starts and stops; the shared one is never touched.
 */
const TOKEN_QUOTA = 200_000_000n;

describe('usage records survive MySQL going down during traffic', () => {
  let mysqld: PrivateMariaDb;
  let stack: Stack;
  let mock: MockOpenAI;
  let token: CreatedToken;
  let openai: OpenAI;

  beforeAll(async () => {
    mock = await startMockOpenAI({ keys: ['sk-up'], record: false });
    mysqld = await PrivateMariaDb.start();
    await createDatabase(mysqld.adminUrl, 'switchboard');
    stack = await Stack.start({ relayWorkers: 2, env: { DATABASE_URL: mysqld.url('switchboard') } });
    const root = await stack.rootClient();
    const customer = await createCustomer(root, 'durable', '900000000');
    await createOpenAIChannel(root, {
      name: 'mock',
      baseUrl: mock.baseUrl,
      keys: ['sk-up'],
      models: ['gpt-4o-mini'],
    });
    token = await createToken(root, {
      name: 'durable',
      userId: customer.id,
      remainQuota: TOKEN_QUOTA.toString(),
    });
    openai = new OpenAI({ apiKey: token.key, baseURL: stack.relayV1, maxRetries: 0 });
    await waitFor(
      async () =>
        (await fetch(`${stack.relayV1}/models`, { headers: { authorization: `Bearer ${token.key}` } })).ok,
      'relay ready for the token',
    );
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
    await mysqld?.destroy();
    await mock?.close();
  });

  it('writes every record exactly once after the database returns', async () => {
    onTestFailed(() => console.error(`${stack.describeLogs()}\n--- mariadbd ---\n${mysqld.logTail()}`));
    const traffic = startTraffic(openai, 'gpt-4o-mini', 4);
    await sleep(1_000);
    await mysqld.stop();
    const whileDown = traffic.sent.length;
    await sleep(3_000);
    const servedWhileDown = traffic.sent.length - whileDown;
    await mysqld.start();
    await sleep(1_000);
    const sent = await traffic.stop();

    // The relay does not depend on MySQL: every request was answered in full.
    expect(servedWhileDown).toBeGreaterThan(10);
    expect(sent.filter((r) => r.status !== 200)).toEqual([]);
    expect(new Set(sent.map((r) => r.text))).toEqual(new Set([REPLY_WORDS.join('')]));
    const ids = sent.map((r) => r.requestId!);
    expect(new Set(ids).size).toBe(sent.length);

    let db: Connection | null = null;
    try {
      const rows = await waitFor(
        async () => {
          db ??= await connectMysql(stack.databaseUrl);
          const [r] = await db.query(
            'SELECT request_id, quota, status FROM usage_logs WHERE token_id = ? AND request_id IN (?)',
            [Number(token.id), ids],
          );
          const list = r as { request_id: string; quota: string; status: string }[];
          return list.length === ids.length ? list : undefined;
        },
        `all ${ids.length} usage rows in MySQL`,
        90_000,
        500,
      );
      expect(rows.every((r) => r.status === 'success')).toBe(true);
      const logged = rows.reduce((sum, r) => sum + BigInt(r.quota), 0n);
      // Balances converge to exactly the logged cost (counters are written with the rows).
      const [[t]] = (await db!.query('SELECT remain_quota, used_quota FROM tokens WHERE id = ?', [
        Number(token.id),
      ])) as unknown as [{ remain_quota: string; used_quota: string }[]];
      const [[all]] = (await db!.query('SELECT COUNT(*) AS n FROM usage_logs WHERE token_id = ?', [
        Number(token.id),
      ])) as unknown as [{ n: number }[]];
      // Nothing was written twice (the writer retried batches while MySQL was down).
      expect(Number(all.n)).toBe(ids.length);
      expect(BigInt(t.used_quota)).toBe(logged);
      expect(TOKEN_QUOTA - BigInt(t.remain_quota)).toBe(logged);
    } finally {
      await (db as Connection | null)?.end();
    }
  }, 180_000);
});
