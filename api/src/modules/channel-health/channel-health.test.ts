import { type ChannelEvent, type HealthEvent, QUEUES } from '@switchboard/shared/jobs';
import { Queue } from 'bullmq';
import { createClient, type Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ROOT_PASSWORD, startTestApi, type TestApi } from '../../test-support/harness.js';
import { AuditLog } from '../audit-log/audit-log.entity.js';
import { Channel } from '../channel/channel.entity.js';

/** Collects the events of one subscription. */
function subscribe(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const events: Record<string, unknown>[] = [];
  const errors: unknown[] = [];
  const dispose = client.subscribe<Record<string, unknown>>(
    { query, variables },
    {
      next: (v) => {
        if (v.errors) errors.push(...v.errors);
        if (v.data) events.push(v.data);
      },
      error: (e) => errors.push(e),
      complete: () => {},
    },
  );
  return { events, errors, dispose };
}

async function until(check: () => boolean | Promise<boolean>, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('live channel health over graphql-ws', () => {
  let api: TestApi;
  let root: string;
  let wsUrl: string;
  const clients: Client[] = [];

  const connect = (token?: string) => {
    const c = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
    });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    api = await startTestApi();
    root = await api.login();
    wsUrl = api.url.replace(/^http/, 'ws');
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await api?.close();
  });

  it('delivers a HealthEvent PUBLISHed on Redis by another process (connection)', async () => {
    const sub = subscribe(
      connect(root),
      'subscription { channelHealth { kind channelId status reason ok latencyMs at } }',
    );
    const filtered = subscribe(
      connect(root),
      'subscription { channelHealth(channelId: 8) { kind channelId } }',
    );
    // Another process stands in as a separate Redis connection.
    const other = new Redis(process.env.REDIS_URL!);
    const event: HealthEvent = {
      kind: 'status',
      channelId: 7,
      status: 'auto_disabled',
      reason: 'invalid key',
      at: 1_770_000_000_000,
    };
    const test: HealthEvent = {
      kind: 'test',
      channelId: 8,
      ok: true,
      latencyMs: 42,
      error: null,
      at: 1_770_000_000_500,
    };
    // The subscriber's SUBSCRIBE is asynchronous: publish until the first event arrives.
    await until(async () => {
      await other.publish(api.app.keys.healthChannel, JSON.stringify(event));
      return sub.events.length > 0;
    });
    await other.publish(api.app.keys.healthChannel, 'not json');
    await other.publish(api.app.keys.healthChannel, JSON.stringify(test));
    await until(() => sub.events.some((e) => (e.channelHealth as { kind: string }).kind === 'test'));
    other.disconnect();
    expect(sub.events[0]).toEqual({
      channelHealth: {
        kind: 'status',
        channelId: 7,
        status: 'auto_disabled',
        reason: 'invalid key',
        ok: null,
        latencyMs: null,
        at: new Date(event.at).toISOString(),
      },
    });
    expect(sub.errors).toEqual([]);
    await until(() => filtered.events.length > 0);
    expect(filtered.events.every((e) => (e.channelHealth as { channelId: number }).channelId === 8)).toBe(
      true,
    );
  });

  it('refuses anonymous and non-admin subscribers', async () => {
    const anon = subscribe(connect(), 'subscription { channelHealth { kind } }');
    await until(() => anon.errors.length > 0);
    expect(JSON.stringify(anon.errors)).toContain('UNAUTHENTICATED');
    await api.ok(
      'mutation{ createUser(input:{ username:"health-customer", password:"customer-password-1" }){ id } }',
      {},
      root,
    );
    const customer = await api.login('health-customer', 'customer-password-1');
    const denied = subscribe(connect(customer), 'subscription { channelHealth { kind } }');
    await until(() => denied.errors.length > 0);
    expect(JSON.stringify(denied.errors)).toContain('FORBIDDEN');
  });

  it('authenticates the console by its session cookie, but not from a foreign origin', async () => {
    const res = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($p:String!){ login(username:"root", password:$p){ accessToken } }',
        variables: { p: ROOT_PASSWORD },
      }),
    });
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const withHeaders = (headers: Record<string, string>) =>
      class extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers });
        }
      };
    const viaCookie = (headers: Record<string, string>) => {
      const c = createClient({ url: wsUrl, webSocketImpl: withHeaders(headers), retryAttempts: 0 });
      clients.push(c);
      return subscribe(c, 'query { me { username } }');
    };
    const same = viaCookie({ cookie, origin: `http://${new URL(api.url).host}` });
    await until(() => same.events.length > 0);
    expect(same.events[0]).toEqual({ me: { username: 'root' } });
    const foreign = viaCookie({ cookie, origin: 'https://evil.example' });
    await until(() => foreign.events.length > 0);
    expect(foreign.events[0]).toEqual({ me: null });
  });

  it('persists a relay auto-disable event: key then channel, audited as the system, health published, idempotent', async () => {
    const created = await api.ok(
      `mutation{ createChannel(input:{ type:"openai", name:"events", baseUrl:"http://127.0.0.1:9", keys:["sk-aaaaaaaaaaaaaaaa1","sk-aaaaaaaaaaaaaaaa2"], models:["gpt-4o-mini"] }){ id } }`,
      {},
      root,
    );
    const channelId = Number(created.createChannel.id);
    const sub = subscribe(
      connect(root),
      'subscription($id: Int){ channelHealth(channelId: $id) { kind status keyIndex } }',
      {
        id: channelId,
      },
    );
    await new Promise((r) => setTimeout(r, 300));
    const queue = new Queue(QUEUES.channelEvents, {
      connection: api.app.redis,
      prefix: api.app.keys.bullPrefix,
    });
    const at = Date.now();
    const keyEvent: ChannelEvent = {
      kind: 'auto-disable-key',
      channelId,
      keyIndex: 1,
      reason: 'invalid api key',
      at,
    };
    await queue.add('e1', keyEvent);
    await queue.add('e2', keyEvent); // a replay changes nothing
    const load = () => api.app.orm.em.fork().findOneOrFail(Channel, channelId);
    await until(async () => (await load()).disabledKeys.includes(1));
    await queue.add('e3', {
      kind: 'auto-disable-channel',
      channelId,
      reason: 'account deactivated',
      at: Date.now(),
    });
    await until(async () => (await load()).status === 'auto_disabled');
    await queue.close();
    const channel = await load();
    expect(channel.disabledKeys).toEqual([1]);
    expect(channel.statusReason).toBe('account deactivated');
    const audits = () =>
      api.app.orm.em
        .fork()
        .find(AuditLog, { targetType: 'channel', targetId: String(channelId), actorName: 'system' });
    // The audit row follows the status change (same job, a moment later).
    await until(async () => (await audits()).length >= 2);
    expect((await audits()).map((a) => a.action).sort()).toEqual([
      'channel.auto-disable',
      'channel.auto-disable-key',
    ]);
    await until(() => sub.events.length >= 2);
    expect(sub.events).toEqual([
      { channelHealth: { kind: 'key-disabled', status: null, keyIndex: 1 } },
      { channelHealth: { kind: 'status', status: 'auto_disabled', keyIndex: null } },
    ]);
  });

  it('reports a bulk job’s progress to its subscriber until it completes', async () => {
    const started = await api.ok(
      'mutation{ startGenerateRedemptions(input:{ name:"progress", count: 2000, quota:"5" }){ jobId } }',
      {},
      root,
    );
    const sub = subscribe(
      connect(root),
      'subscription($id: ID!){ jobProgress(jobId: $id) { jobId state progress message result } }',
      { id: started.startGenerateRedemptions.jobId },
    );
    await until(
      () => sub.events.some((e) => (e.jobProgress as { state: string }).state === 'completed'),
      30_000,
    );
    const last = sub.events.at(-1)!.jobProgress as { progress: number; result: unknown };
    expect(last).toMatchObject({ progress: 100, result: { batchName: 'progress', count: 2000 } });
    // The sealed codes never travel on the progress feed.
    expect(JSON.stringify(sub.events)).not.toContain('sealed');
    expect(sub.errors).toEqual([]);
  });
});
