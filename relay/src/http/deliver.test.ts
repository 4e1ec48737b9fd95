import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chunk,
  frame,
  type SseScript,
  type SseUpstream,
  startSseUpstream,
} from '../providers/openai/__fixtures__/sse-upstream.js';
import { RelayFixture } from '../testing/relay-fixture.js';

/**
 * A slow client (it stops reading, so the relay's writes back up) that then disconnects while
 * the upstream is still sending: the reply must end as `aborted`, be settled once, and the
 * upstream request be closed — not wait for a 'drain' that a closed response never emits.
 */
describe('deliverStream, deliverBinary: a client that stops reading, then disconnects', () => {
  const fx = new RelayFixture('deliver');
  let up: SseUpstream;
  let script: SseScript = (res) => res.end();
  let key: string;

  // A TTS upstream streaming audio in big writes until the relay hangs up.
  const audio = { stalled: false, closedEarly: 0 };
  let tts: Server;

  beforeAll(async () => {
    up = await startSseUpstream((res, req) => script(res, req));
    tts = createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'audio/mpeg' });
      res.on('close', () => {
        if (!res.writableFinished) audio.closedEarly++;
      });
      const piece = Buffer.alloc(64 * 1024, 0xff);
      const pump = () => {
        while (!res.destroyed) {
          if (!res.write(piece)) {
            const wait = setTimeout(() => (audio.stalled = true), 300);
            res.once('drain', () => {
              clearTimeout(wait);
              pump();
            });
            return;
          }
        }
      };
      pump();
    });
    await new Promise<void>((r) => tts.listen(0, '127.0.0.1', r));
    const ttsUrl = `http://127.0.0.1:${(tts.address() as AddressInfo).port}`;
    await fx.publishSnapshot([
      { id: 1, baseUrl: up.url, keys: ['sk-d'], models: ['gpt-4o'] },
      { id: 2, baseUrl: ttsUrl, keys: ['sk-t'], models: ['tts-1'] },
    ]);
    key = await fx.token({ userId: 1, tokenId: 1, userQuota: 1e12 });
    await fx.startInProcess();
  });
  afterAll(async () => {
    await fx.stop();
    await up.close();
    tts.closeAllConnections();
    await new Promise((r) => tts.close(r));
  });

  it('is recorded once as aborted within seconds and the upstream request is closed', async () => {
    // Many events per write (as a fast upstream sends them), written until the relay stops
    // taking them; `stalled` flips once the upstream has been held back by backpressure.
    const events = frame(withLogprobs(chunk('hi '))).repeat(64);
    let stalled = false;
    script = async (res) => {
      while (!res.destroyed) {
        if (!res.write(events)) {
          const wait = setTimeout(() => (stalled = true), 300);
          await new Promise<void>((resolve) => {
            const done = () => {
              res.off('drain', done);
              res.off('close', done);
              resolve();
            };
            res.on('drain', done);
            res.on('close', done);
          });
          clearTimeout(wait);
        }
      }
    };
    const socket = await requestWithoutReading(fx.port, key, '/v1/chat/completions', {
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
    const deadline = Date.now() + 15_000;
    while (!stalled && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(stalled).toBe(true);
    socket.destroy();

    const rec = await fx.waitForRecord((r) => r.status === 'aborted', 5_000);
    expect(rec).toMatchObject({ status: 'aborted', stream: true, httpStatus: 200 });
    await up.waitAbandoned(1);
    // Settled exactly once.
    await new Promise((r) => setTimeout(r, 200));
    expect(await fx.usageRecords()).toHaveLength(1);
  });

  it('binary (speech): the same client is recorded once as aborted and the upstream closed', async () => {
    const before = (await fx.usageRecords()).length;
    const socket = await requestWithoutReading(fx.port, key, '/v1/audio/speech', {
      model: 'tts-1',
      voice: 'alloy',
      input: 'hello there',
    });
    const deadline = Date.now() + 15_000;
    while (!audio.stalled && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(audio.stalled).toBe(true);
    socket.destroy();

    const rec = await fx.waitForRecord((r) => r.endpoint === 'audio.speech', 5_000);
    expect(rec).toMatchObject({ status: 'aborted', httpStatus: 200 });
    const closeBy = Date.now() + 5_000;
    while (audio.closedEarly < 1 && Date.now() < closeBy) await new Promise((r) => setTimeout(r, 20));
    expect(audio.closedEarly).toBe(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(await fx.usageRecords()).toHaveLength(before + 1);
  });
});

/** A chunk with top-5 logprobs, as OpenAI sends with `logprobs: true` (about 1 KB, little text). */
function withLogprobs(c: Record<string, unknown>): Record<string, unknown> {
  const top = (t: string, i: number) => ({ token: t, logprob: -0.01 * (i + 1), bytes: [...Buffer.from(t)] });
  const alternatives = ['hi', 'hello', 'hey', 'greetings', 'howdy'];
  const [choice] = c.choices as Array<Record<string, unknown>>;
  const logprobs = { content: [{ ...top('hi', 0), top_logprobs: alternatives.map(top) }], refusal: null };
  return { ...c, choices: [{ ...choice, logprobs }] };
}

/** A raw HTTP/1.1 POST whose reply is never read past the status line. */
function requestWithoutReading(port: number, key: string, path: string, json: unknown): Promise<Socket> {
  const body = JSON.stringify(json);
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nhost: relay\r\ncontent-type: application/json\r\n` +
          `authorization: Bearer ${key}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    });
    socket.once('error', reject);
    socket.once('data', (d: Buffer) => {
      // From here on nothing is read: the kernel buffers fill and the relay's writes back up.
      socket.pause();
      if (!d.toString('latin1').startsWith('HTTP/1.1 200')) reject(new Error(d.toString('latin1')));
      else resolve(socket);
    });
  });
}
