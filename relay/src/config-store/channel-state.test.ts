import { redisKeys } from '@switchboard/shared/redis-keys';
import { snapshotChannelSchema } from '@switchboard/shared/relay-config';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { ChannelStateStore } from './channel-state.js';
import type { RuntimeChannel } from './routing-index.js';

const keys = redisKeys(`${process.env.REDIS_PREFIX}chstate:`);
const clients: Redis[] = [];
const redis = () => {
  const r = new Redis(process.env.REDIS_URL!);
  clients.push(r);
  return r;
};

function channel(id: number, keyCount: number): RuntimeChannel {
  const snapshot = snapshotChannelSchema.parse({
    id,
    name: `c${id}`,
    type: 'openai',
    baseUrl: 'http://127.0.0.1:1/v1',
    keys: Array.from({ length: keyCount }, (_, i) => `sealed-${i}`),
    models: ['gpt-4o'],
    groups: ['default'],
    status: 'enabled',
    timeouts: {},
  });
  return {
    id,
    name: snapshot.name,
    type: 'openai',
    snapshot,
    adapterChannel: {} as RuntimeChannel['adapterChannel'],
    keys: Array.from({ length: keyCount }, (_, i) => `sk-${i}`),
    cursor: 0,
  };
}

afterAll(() => {
  for (const c of clients) c.disconnect();
});

describe('live channel state', () => {
  it('two workers disabling different keys at once both count (no lost update)', async () => {
    const c = channel(1, 3);
    const a = new ChannelStateStore(redis(), keys);
    const b = new ChannelStateStore(redis(), keys);
    await Promise.all([a.disableKey(c, 0, 'key 0 revoked'), b.disableKey(c, 1, 'key 1 revoked')]);
    const stored = await redis().hget(keys.channelState(1), 'disabledKeys');
    expect(stored!.split(',').sort()).toEqual(['0', '1']);
    expect(await redis().hget(keys.channelState(1), 'disabled')).toBeNull();
    // The third key goes: whichever worker does it sees the others' keys and disables the channel.
    expect(await a.disableKey(c, 2, 'key 2 revoked')).toBe(true);
    expect(a.isUsable(c)).toBe(false);
    expect(await redis().hget(keys.channelState(1), 'disabled')).toBe('key 2 revoked');
  });

  it('a read that started before a local write does not bring the older state back', async () => {
    const c = channel(2, 2);
    const conn = redis();
    const store = new ChannelStateStore(conn, keys);
    await store.disableKey(c, 0, 'first key');
    // A refresh (as on a channel-state message) whose read is answered after the next local
    // write: hold the reply back until the write has happened.
    const hgetall = conn.hgetall.bind(conn);
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    conn.hgetall = (async (key: string) => {
      const stale = await hgetall(key);
      await gate;
      return stale;
    }) as typeof conn.hgetall;
    const refresh = store.refresh(2);
    await store.disableKey(c, 1, 'second key');
    release();
    await refresh;
    conn.hgetall = hgetall as typeof conn.hgetall;
    expect([...store.get(2).disabledKeys].sort()).toEqual([0, 1]);
    expect(store.isUsable(c)).toBe(false);
    // A later refresh reads Redis again and agrees.
    await store.refresh(2);
    expect([...store.get(2).disabledKeys].sort()).toEqual([0, 1]);
  });
});
