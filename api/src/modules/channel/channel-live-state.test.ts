import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test-support/harness.js';

/**
 * A relay keeps what it learned about a channel (cool-down, disabled keys, channel disabled) in
 * the Redis hash `channelState(id)`. When an admin enables the channel or changes its keys the
 * api forgets that state, after the new snapshot, and tells the workers (`channel-state`).
 */
describe('channel live state', () => {
  let api: TestApi;
  let root: string;
  let subscriber: Redis;
  const messages: Record<string, unknown>[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    root = await api.login();
    subscriber = new Redis(process.env.REDIS_URL!);
    await subscriber.subscribe(api.app.keys.configChannel);
    subscriber.on('message', (_channel, raw) => messages.push(JSON.parse(raw)));
  });
  afterAll(async () => {
    subscriber?.disconnect();
    await api?.close();
  });

  const create = async (name: string): Promise<string> =>
    (
      await api.ok(
        'mutation($i: CreateChannelInput!){ createChannel(input:$i){ id } }',
        {
          i: {
            type: 'openai',
            name,
            keys: [`sk-${name}-00000000`, `sk-${name}-11111111`],
            models: ['gpt-4o-mini'],
          },
        },
        root,
      )
    ).createChannel.id;

  /** What a relay writes when it disables the channel's last key. */
  const relayDisables = (id: string) =>
    api.app.redis.hset(api.app.keys.channelState(Number(id)), {
      disabledKeys: '0,1',
      disabled: 'upstream 401',
      cooldownUntil: String(Date.now() + 60_000),
    });

  /** Messages published after `from`, up to the one that says this channel's state changed. */
  const until = async (from: number, id: string) => {
    for (let i = 0; i < 100; i++) {
      const seen = messages.slice(from);
      if (seen.some((m) => m.kind === 'channel-state' && m.channelId === Number(id))) return seen;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no channel-state message for channel ${id}: ${JSON.stringify(messages.slice(from))}`);
  };

  it('enabling a channel clears the relay state and announces it after the new snapshot', async () => {
    const ids = [await create('ls-a'), await create('ls-b')];
    await api.ok('mutation($ids:[ID!]!){ disableChannels(ids:$ids){ status } }', { ids }, root);
    for (const id of ids) await relayDisables(id);
    const from = messages.length;
    await api.ok('mutation($ids:[ID!]!){ enableChannels(ids:$ids){ status } }', { ids }, root);
    for (const id of ids) {
      expect(await api.app.redis.exists(api.app.keys.channelState(Number(id)))).toBe(0);
      const seen = await until(from, id);
      const stateAt = seen.findIndex((m) => m.kind === 'channel-state' && m.channelId === Number(id));
      const snapshotAt = seen.findIndex((m) => m.kind === 'snapshot');
      expect(snapshotAt).toBeGreaterThanOrEqual(0);
      expect(snapshotAt).toBeLessThan(stateAt);
    }
  });

  it('disabling keeps the state; editing keys clears it', async () => {
    const id = await create('ls-c');
    await relayDisables(id);
    await api.ok('mutation($ids:[ID!]!){ disableChannels(ids:$ids){ status } }', { ids: [id] }, root);
    await api.ok('mutation($id:ID!){ updateChannel(id:$id, input:{ name:"ls-c2" }){ id } }', { id }, root);
    expect(await api.app.redis.hget(api.app.keys.channelState(Number(id)), 'disabled')).toBe('upstream 401');

    const from = messages.length;
    await api.ok(
      'mutation($id:ID!){ updateChannel(id:$id, input:{ addKeys:["sk-ls-c-22222222"] }){ id } }',
      { id },
      root,
    );
    expect(await api.app.redis.exists(api.app.keys.channelState(Number(id)))).toBe(0);
    await until(from, id);
  });
});
