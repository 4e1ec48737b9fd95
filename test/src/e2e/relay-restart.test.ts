import type { Connection } from 'mysql2/promise';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { type MockOpenAI, REPLY_WORDS, startMockOpenAI } from '../mock-upstreams/openai/server.js';
import { type CreatedToken, createCustomer, createOpenAIChannel, createToken } from '../support/fixtures.js';
import { connectMysql } from '../support/mysql.js';
import { sleep } from '../support/ports.js';
import { Stack } from '../support/stack.js';
import { sendChat } from '../support/traffic.js';
import { waitFor } from '../support/wait.js';

/**
 * SIGTERM to the relay while streams are open: it stops accepting, lets the open streams
 * finish, settles them, and exits cleanly; every admitted request has exactly one usage row.
 * A new relay then serves the same tokens with the same balances.
 */
describe('relay SIGTERM mid-traffic', () => {
  let stack: Stack;
  let mock: MockOpenAI;
  let token: CreatedToken;
  let openai: OpenAI;
  let db: Connection;

  beforeAll(async () => {
    // ~10 events, 150 ms apart: each stream is open for about 1.5 s.
    mock = await startMockOpenAI({ keys: ['sk-up'], record: false, mode: { chunkDelayMs: 150 } });
    stack = await Stack.start({ relayWorkers: 2, relayEnv: { RELAY_SHUTDOWN_GRACE_MS: '20000' } });
    const root = await stack.rootClient();
    const customer = await createCustomer(root, 'restart', '900000000');
    await createOpenAIChannel(root, {
      name: 'mock',
      baseUrl: mock.baseUrl,
      keys: ['sk-up'],
      models: ['gpt-4o-mini'],
    });
    token = await createToken(root, { name: 'restart', userId: customer.id, unlimited: true });
    openai = new OpenAI({ apiKey: token.key, baseURL: stack.relayV1, maxRetries: 0 });
    db = await connectMysql(stack.databaseUrl);
    await waitFor(async () => (await sendChat(openai, 'gpt-4o-mini', false)).status === 200, 'first success');
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await stack?.stop();
    await mock?.close();
  });

  it('finishes open streams, logs each request once, and a new relay carries on', async () => {
    onTestFailed(() => console.error(stack.describeLogs()));
    const countRows = async () => {
      const [[c]] = (await db.query('SELECT COUNT(*) AS n FROM usage_logs WHERE token_id = ?', [
        Number(token.id),
      ])) as unknown as [{ n: number }[]];
      return Number(c.n);
    };
    const base = await waitFor(async () => {
      const n = await countRows();
      return n >= 1 ? n : undefined;
    }, 'the first usage row');
    const inFlight = Array.from({ length: 8 }, () => sendChat(openai, 'gpt-4o-mini', true));
    await sleep(400);
    stack.relay!.signal('SIGTERM');
    const results = await Promise.all(inFlight);
    for (const r of results) {
      expect(r.error).toBeNull();
      expect(r.text).toBe(REPLY_WORDS.join(''));
    }
    const exit = await stack.relay!.exited;
    expect(exit.code).toBe(0);

    await stack.startRelay();
    const after = [];
    for (let i = 0; i < 4; i++) after.push(await sendChat(openai, 'gpt-4o-mini', i % 2 === 0));
    expect(after.map((r) => r.status)).toEqual([200, 200, 200, 200]);

    const ids = [...results, ...after].map((r) => r.requestId!);
    const rows = await waitFor(async () => {
      const [r] = await db.query(
        'SELECT request_id, status, completion_tokens FROM usage_logs WHERE request_id IN (?)',
        [ids],
      );
      const list = r as { request_id: string; status: string; completion_tokens: number }[];
      return list.length === ids.length ? list : undefined;
    }, 'a usage row for every request');
    expect(
      rows.every((r) => r.status === 'success' && Number(r.completion_tokens) === REPLY_WORDS.length),
    ).toBe(true);
    // Exactly the 12 requests here were added: no duplicates from the shutdown.
    expect(await countRows()).toBe(base + ids.length);
  }, 120_000);
});
