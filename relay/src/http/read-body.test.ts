import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { connect } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RelayFixture } from '../testing/relay-fixture.js';

const LIMIT = 2_000;

interface Reply {
  status: number;
  body: { error?: { code?: string; type?: string; message?: string } };
  /** Body bytes the client managed to write. */
  sent: number;
}

/**
 * A body over RELAY_BODY_LIMIT is refused with OpenAI's 413 error object, which the client
 * must actually receive: also when the size is not declared (chunked) and when a small
 * compressed body expands past the limit. The connection must not be reset under it.
 */
describe('readBody: a body over the limit gets a 413 the client can read', () => {
  const fx = new RelayFixture('body');
  let key: string;

  beforeAll(async () => {
    await fx.publishSnapshot([{ id: 1, baseUrl: 'http://127.0.0.1:9', keys: ['sk-b'], models: ['gpt-4o'] }]);
    key = await fx.token({ userId: 1, tokenId: 1, userQuota: 1e9 });
    await fx.startInProcess({ RELAY_BODY_LIMIT: String(LIMIT) });
  });
  afterAll(() => fx.stop());

  /** POSTs `pieces` as written by node:http (chunked unless a content-length is given). */
  const post = (pieces: Iterable<Buffer | string>, headers: Record<string, string> = {}): Promise<Reply> =>
    new Promise((resolve, reject) => {
      let sent = 0;
      const req = request(`${fx.v1}/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
      });
      req.on('error', reject);
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text), sent }));
        res.on('error', reject);
      });
      const it = pieces[Symbol.iterator]();
      // Written with backpressure, as a real client streams an upload.
      const pump = () => {
        for (let next = it.next(); !next.done; next = it.next()) {
          sent += next.value.length;
          if (!req.write(next.value)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });

  const expect413 = (r: Reply) => {
    expect(r.status).toBe(413);
    expect(r.body.error).toMatchObject({ code: 'request_too_large', type: 'invalid_request_error' });
  };

  function* json(total: number, piece = 16 * 1024): Generator<string> {
    yield '{"model":"gpt-4o","messages":[{"role":"user","content":"';
    for (let n = 0; n < total; n += piece) yield 'a'.repeat(piece);
    yield '"}]}';
  }

  it('chunked (no Content-Length) and far past the limit: 413 JSON, not a reset', async () => {
    const r = await post(json(2 * 1024 * 1024));
    expect413(r);
    expect(r.sent).toBeGreaterThan(2 * 1024 * 1024);
  });

  it('chunked through fetch (a streamed request body): 413 JSON', async () => {
    const pieces = [...json(512 * 1024)];
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        const next = pieces.shift();
        if (next === undefined) c.close();
        else c.enqueue(Buffer.from(next));
      },
    });
    const res = await fetch(`${fx.v1}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as Reply['body']).error?.code).toBe('request_too_large');
  });

  it('a declared Content-Length over the limit: 413 JSON, and the connection stays usable', async () => {
    const body = Buffer.from([...json(256 * 1024)].join(''));
    expect413(await post([body], { 'content-length': String(body.length) }));
    // The refused body was drained, so a keep-alive client can send its next request.
    const ok = await post(['{"model":"gpt-4o","messages":[]}']);
    expect(ok.status).not.toBe(413);
  });

  const bomb = Buffer.from([...json(4 * 1024 * 1024)].join(''));
  it.each([
    ['deflate', deflateSync(bomb)],
    ['br', brotliCompressSync(bomb)],
    ['gzip', gzipSync(bomb)],
  ])('a %s bomb (small compressed, expands past the limit): 413 JSON', async (encoding, packed) => {
    expect(packed.length).toBeLessThan(LIMIT * 10);
    expect413(await post([packed], { 'content-encoding': encoding }));
  });

  it('a compressed body that is itself large (chunked deflate of random bytes): 413 JSON', async () => {
    const packed = deflateSync(randomBytes(2 * 1024 * 1024));
    const pieces = Array.from({ length: Math.ceil(packed.length / 65_536) }, (_, i) =>
      packed.subarray(i * 65_536, (i + 1) * 65_536),
    );
    expect413(await post(pieces, { 'content-encoding': 'deflate' }));
  });

  it('a client that sends its whole (chunked) body before reading gets the 413', async () => {
    // As a blocking client does: nothing is read until the last byte went out.
    const r = await rawChunkedPost(fx.port, key, 8 * 1024 * 1024, { readFirst: false });
    expect(r.outcome).toBe('sent');
    expect(r.reply).toMatch(/^HTTP\/1\.1 413 /);
    expect(r.reply).toContain('"code":"request_too_large"');
  });

  it('an endless body is cut after a bounded amount, once the 413 went out', async () => {
    const r = await rawChunkedPost(fx.port, key, 256 * 1024 * 1024, { readFirst: true });
    expect(r.reply).toMatch(/^HTTP\/1\.1 413 /);
    expect(r.outcome).toMatch(/ECONNRESET|EPIPE|closed/);
    // The relay drops at most max(limit, 16 MiB) after the refusal, plus what sits in buffers.
    expect(r.sent).toBeLessThan(64 * 1024 * 1024);
  });
});

/**
 * A raw HTTP/1.1 client writing a chunked body of `total` bytes (with backpressure), reading
 * the reply either all along (`readFirst`) or only after the whole body went out.
 */
function rawChunkedPost(
  port: number,
  key: string,
  total: number,
  opts: { readFirst: boolean },
): Promise<{ reply: string; sent: number; outcome: string }> {
  const piece = Buffer.alloc(256 * 1024, 'a');
  const chunked = (text: string) => `${text.length.toString(16)}\r\n${text}\r\n`;
  const framed = Buffer.from(chunked(piece.toString('latin1')), 'latin1');
  return new Promise((resolve) => {
    let reply = '';
    let sent = 0;
    let outcome = '';
    const socket = connect(port, '127.0.0.1');
    const finish = (how: string) => {
      outcome ||= how;
      if (socket.destroyed) resolve({ reply, sent, outcome });
    };
    socket.on('error', (e: NodeJS.ErrnoException) => finish(e.code ?? 'error'));
    socket.on('close', () => finish('closed'));
    // A relay that neither answers nor closes fails the test instead of hanging it.
    socket.setTimeout(10_000, () => {
      finish('timeout');
      socket.destroy();
    });
    const read = () =>
      socket.on('data', (d: Buffer) => {
        reply += d.toString('latin1');
        // A whole reply (content-length framed) ends the exchange from the client's side.
        const m = /content-length: (\d+)\r\n[\s\S]*?\r\n\r\n/i.exec(reply);
        if (!opts.readFirst && m && reply.length >= m.index + m[0].length + Number(m[1])) socket.destroy();
      });
    if (opts.readFirst) read();
    socket.write(
      'POST /v1/chat/completions HTTP/1.1\r\nhost: relay\r\ncontent-type: application/json\r\n' +
        `authorization: Bearer ${key}\r\ntransfer-encoding: chunked\r\n\r\n` +
        chunked('{"model":"gpt-4o","x":"'),
    );
    const pump = () => {
      while (!socket.destroyed && sent < total) {
        sent += piece.length;
        if (!socket.write(framed)) return void socket.once('drain', pump);
      }
      if (socket.destroyed) return;
      socket.write(`${chunked('"}')}0\r\n\r\n`, () => {
        outcome = 'sent';
        read();
      });
    };
    pump();
  });
}
