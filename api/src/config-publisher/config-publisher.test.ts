import { relaySnapshotSchema } from '@switchboard/shared/relay-config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../test-support/harness.js';

describe('config publisher across api instances', () => {
  let a: TestApi;
  let b: TestApi;

  beforeAll(async () => {
    a = await startTestApi();
    b = await startTestApi();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('versions stay strictly increasing when two instances publish at once, and the last one holds the newest state', async () => {
    const seen: number[] = [];
    const sub = a.app.redis.duplicate();
    await sub.subscribe(a.app.keys.configChannel);
    sub.on('message', (_c: string, m: string) => {
      const msg = JSON.parse(m);
      if (msg.kind === 'snapshot') seen.push(msg.version);
    });
    const root = await a.login();
    const runs = [];
    for (let i = 0; i < 8; i++) {
      runs.push(a.app.publisher.publishSnapshot(), b.app.publisher.publishSnapshot());
    }
    // A change committed through instance b while publishes are in flight.
    runs.push(b.ok('mutation{ createGroup(name:"race", ratio:"2"){ id } }', {}, await b.login()));
    await Promise.all(runs);
    await new Promise((r) => setTimeout(r, 100));
    sub.disconnect();
    expect(seen.length).toBeGreaterThan(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThan(seen[i - 1]!);
    const stored = relaySnapshotSchema.parse(JSON.parse((await a.app.redis.get(a.app.keys.configSnapshot))!));
    expect(stored.version).toBe(seen[seen.length - 1]);
    expect(stored.groups).toContainEqual({ name: 'race', ratio: '2' });
    expect(root).toBeTruthy();
  });

  it('a version never goes back, even when the stored one is ahead of the clock', async () => {
    const { redis, keys, publisher } = a.app;
    const raw = (await redis.get(keys.configSnapshot))!;
    const future = Date.now() + 3_600_000;
    await redis.set(keys.configSnapshot, raw.replace(/^\{"version":\d+/, `{"version":${future}`));
    const v = await publisher.publishSnapshot();
    expect(v).toBe(future + 1);
  });

  it('only one instance rebuilds an emptied Redis', async () => {
    await a.app.redis.del(a.app.keys.configSnapshot);
    const [ra, rb] = await Promise.all([
      a.app.publisher.rebuildIfMissing(),
      b.app.publisher.rebuildIfMissing(),
    ]);
    expect([ra, rb].filter(Boolean)).toHaveLength(1);
    expect(await a.app.redis.exists(a.app.keys.configSnapshot)).toBe(1);
  });
});
