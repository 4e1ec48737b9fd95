import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayFixture } from './testing/relay-fixture.js';
import { startSilentUpstream, startStallingChatStream } from './testing/stalling-upstreams.js';

// Generous: the relay should hang up on its upstream within milliseconds of the client.
const ABORT_BOUND_MS = 5_000;
const WORDS = ['Hello', ' from', ' the'];

const within = <T>(p: Promise<T>, ms: number): Promise<T | 'timed out'> =>
  Promise.race([p, new Promise<'timed out'>((r) => setTimeout(() => r('timed out'), ms))]);

describe('client disconnects (RELAY_WORKERS=2)', () => {
  const fx = new RelayFixture('disconnect');
  let stalling: Awaited<ReturnType<typeof startStallingChatStream>>;
  let silent: Awaited<ReturnType<typeof startSilentUpstream>>;

  beforeAll(async () => {
    stalling = await startStallingChatStream(WORDS);
    silent = await startSilentUpstream();
    await fx.publishSnapshot([
      { id: 1, baseUrl: stalling.url, keys: ['sk-stall'], models: ['gpt-4o'] },
      { id: 2, baseUrl: silent.url, keys: ['sk-silent'], models: ['gpt-4o-mini'] },
    ]);
    await fx.startCluster(2);
  }, 60_000);
  afterAll(async () => {
    await fx.stop();
    await Promise.all([stalling.close(), silent.close()]);
  });

  it('mid-stream: the upstream request is aborted, one aborted record bills the produced tokens', async () => {
    const key = await fx.token({ userId: 1, tokenId: 1, userQuota: 10_000_000 });
    const client = new OpenAI({ apiKey: key, baseURL: fx.v1, maxRetries: 0 });
    const controller = new AbortController();
    const stream = await client.chat.completions.create(
      { model: 'gpt-4o', messages: [{ role: 'user', content: 'tell me' }], stream: true },
      { signal: controller.signal },
    );
    let text = '';
    let abortedAt = 0;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (text === WORDS.join('')) {
        abortedAt = Date.now();
        controller.abort();
        break;
      }
    }
    expect(text).toBe(WORDS.join(''));

    // The upstream saw its connection closed: the relay did not leave it streaming to no one.
    const closedAt = await within(stalling.closed(0), ABORT_BOUND_MS * 2);
    expect(closedAt).not.toBe('timed out');
    expect((closedAt as number) - abortedAt).toBeLessThan(ABORT_BOUND_MS);
    expect(stalling.streams).toHaveLength(1);
    expect(stalling.streams[0]!.key).toBe('sk-stall');

    const rec = await fx.waitForRecord((r) => r.userId === 1);
    expect(rec).toMatchObject({ status: 'aborted', stream: true, channelId: 1, usageEstimated: true });
    // The upstream sent no usage; the three words it produced count as o200k tokens.
    expect(rec!.completionTokens).toBe(3);
    expect(rec!.promptTokens).toBeGreaterThan(0);
    expect(BigInt(rec!.quota)).toBeGreaterThan(0n);
    expect(10_000_000n - (await fx.userQuota(1))).toBe(BigInt(rec!.quota));
    // Exactly one record: nothing settles twice.
    await new Promise((r) => setTimeout(r, 500));
    expect((await fx.usageRecords()).filter((r) => r.userId === 1)).toHaveLength(1);
  });

  it('before the first byte: the upstream connection is closed, the record is aborted, nothing billed', async () => {
    const key = await fx.token({ userId: 2, tokenId: 2, userQuota: 10_000_000 });
    const client = new OpenAI({ apiKey: key, baseURL: fx.v1, maxRetries: 0 });
    const controller = new AbortController();
    const opened = silent.connections();
    const closedBefore = silent.closedConnections();
    const pending = client.chat.completions
      .create(
        { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] },
        { signal: controller.signal },
      )
      .catch((e: unknown) => e);
    // Wait until the relay is connected to the upstream (which will never answer).
    const deadline = Date.now() + 10_000;
    while (silent.connections() === opened && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(silent.connections(), 'connections opened').toBe(opened + 1);
    const abortedAt = Date.now();
    controller.abort();
    expect(await pending).toBeInstanceOf(OpenAI.APIUserAbortError);

    // Every connection the relay opened to the upstream is closed (undici may open a short-lived
    // extra one while it tears the aborted request down; that one must be closed as well).
    const allClosed = () => silent.closedConnections() - closedBefore === silent.connections() - opened;
    while (!allClosed() && Date.now() - abortedAt < ABORT_BOUND_MS * 2)
      await new Promise((r) => setTimeout(r, 20));
    expect(silent.closedConnections(), 'connections closed').toBeGreaterThan(closedBefore);
    expect(allClosed()).toBe(true);
    expect(Date.now() - abortedAt).toBeLessThan(ABORT_BOUND_MS);

    const rec = await fx.waitForRecord((r) => r.userId === 2);
    expect(rec).toMatchObject({ status: 'aborted', quota: '0', completionTokens: 0 });
    expect(rec!.attempts).toEqual([
      expect.objectContaining({ channelId: 2, status: 0, error: 'client closed' }),
    ]);
    expect(await fx.userQuota(2)).toBe(10_000_000n);
    await new Promise((r) => setTimeout(r, 500));
    expect((await fx.usageRecords()).filter((r) => r.userId === 2)).toHaveLength(1);
  });
});
