import type { ChannelTestResult, HealthEvent } from '@switchboard/shared/jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test-support/harness.js';
import { Channel } from './channel.entity.js';

/** What the api does with a relay worker's test result (the result is data, as the relay returns it). */
describe('channel test results', () => {
  let api: TestApi;
  let root: string;
  const events: HealthEvent[] = [];
  let sub: ReturnType<TestApi['app']['redis']['duplicate']>;

  const result = (over: Partial<ChannelTestResult>): ChannelTestResult => ({
    ok: true,
    model: 'gpt-4o-mini',
    latencyMs: 123,
    status: 200,
    error: null,
    fatal: false,
    ...over,
  });

  const record = async (id: number, r: ChannelTestResult, enableIfPassed = false) => {
    const em = api.app.orm.em.fork();
    const channel = await em.findOneOrFail(Channel, id);
    await api.app.services.channelTasks.recordTest({ em, user: null, ip: null }, channel, r, enableIfPassed);
    return api.app.orm.em.fork().findOneOrFail(Channel, id);
  };

  beforeAll(async () => {
    api = await startTestApi();
    root = await api.login();
    sub = api.app.redis.duplicate();
    await sub.subscribe(api.app.keys.healthChannel);
    sub.on('message', (_c: string, m: string) => events.push(JSON.parse(m)));
  });
  afterAll(async () => {
    sub?.disconnect();
    await api?.close();
  });

  const create = async (name: string, extra: Record<string, unknown> = {}) =>
    Number(
      (
        await api.ok(
          'mutation($i: CreateChannelInput!){ createChannel(input:$i){ id } }',
          { i: { type: 'openai', name, keys: [`sk-${name}-0000000`], models: ['gpt-4o-mini'], ...extra } },
          root,
        )
      ).createChannel.id,
    );

  it('stores response time; a fatal failure auto-disables; a pass re-enables only when asked', async () => {
    const id = await create('t1');
    let c = await record(id, result({ latencyMs: 321.4 }));
    expect(c).toMatchObject({ responseTimeMs: 321, status: 'enabled' });
    expect(c.lastTestAt).toBeInstanceOf(Date);

    c = await record(id, result({ ok: false, fatal: true, status: 401, error: '401: invalid api key' }));
    expect(c).toMatchObject({ status: 'auto_disabled', statusReason: 'test failed: 401: invalid api key' });
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toContainEqual(
      expect.objectContaining({ kind: 'status', channelId: id, status: 'auto_disabled' }),
    );
    const snap = JSON.parse((await api.app.redis.get(api.app.keys.configSnapshot))!);
    expect(snap.channels.find((x: { id: number }) => x.id === id).status).toBe('auto_disabled');

    c = await record(id, result({}));
    expect(c.status).toBe('auto_disabled');
    // What a relay learned live (key disabled, cool-down) must not outlive a passed re-test.
    await api.app.redis.hset(api.app.keys.channelState(id), { disabledKeys: '0', disabled: 'upstream 401' });
    c = await record(id, result({}), true);
    expect(c.status).toBe('enabled');
    expect(await api.app.redis.exists(api.app.keys.channelState(id))).toBe(0);
  });

  it('never touches a manually disabled channel or one with autoDisable off', async () => {
    const manual = await create('t2');
    await api.ok('mutation($ids:[ID!]!){ disableChannels(ids:$ids){ id } }', { ids: [String(manual)] }, root);
    expect((await record(manual, result({}), true)).status).toBe('manually_disabled');
    const noAuto = await create('t3', { autoDisable: false });
    expect((await record(noAuto, result({ ok: false, fatal: true, error: 'x' }))).status).toBe('enabled');
  });
});
