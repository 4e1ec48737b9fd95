import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, errors as undiciErrors } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchUpstream } from './upstream-dispatch.js';

let server: Server;
let base = '';
const agent = new Agent({ headersTimeout: 2_000, bodyTimeout: 2_000 });
/** Per path: how the test server answers. */
const routes = new Map<string, (req: IncomingMessage, res: ServerResponse) => void>();
const closedSockets: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    req.on('close', () => {
      if (!res.writableFinished) closedSockets.push(req.url ?? '');
    });
    const route = routes.get(req.url?.split('?')[0] ?? '');
    if (route) route(req, res);
    else res.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await agent.close();
  server.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('dispatchUpstream', () => {
  it('sends method, path with query, headers and body; reads status, headers and the whole body', async () => {
    routes.set('/v1/echo', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        res.setHeader('set-cookie', ['a=1', 'b=2']);
        res.writeHead(201, { 'content-type': 'application/json', 'X-Custom': 'yes' });
        res.end(
          JSON.stringify({
            method: req.method,
            url: req.url,
            auth: req.headers.authorization,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      });
    });
    const reply = await dispatchUpstream(
      agent,
      `${base}/v1/echo?x=1`,
      {
        method: 'POST',
        headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
        body: '{"a":1}',
      },
      undefined,
    );
    expect(reply.statusCode).toBe(201);
    expect(reply.headers['content-type']).toBe('application/json');
    expect(reply.headers['x-custom']).toBe('yes');
    expect(reply.headers['set-cookie']).toBe('a=1, b=2');
    expect(await reply.body.json()).toEqual({
      method: 'POST',
      url: '/v1/echo?x=1',
      auth: 'Bearer k',
      body: '{"a":1}',
    });
  });

  it('iterates chunks as they arrive, before the body ends', async () => {
    let finish = () => {};
    routes.set('/slow', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: 1\n\n');
      finish = () => res.end('data: 2\n\n');
    });
    const reply = await dispatchUpstream(agent, `${base}/slow`, { method: 'GET', headers: {} }, undefined);
    const it = reply.body[Symbol.asyncIterator]();
    const first = await it.next();
    expect(first.value?.toString()).toBe('data: 1\n\n');
    finish();
    const rest: string[] = [];
    for (let r = await it.next(); !r.done; r = await it.next()) rest.push(r.value.toString());
    expect(rest.join('')).toBe('data: 2\n\n');
  });

  it('pauses the socket for a slow reader and delivers every byte in order', async () => {
    const total = 4 * 1024 * 1024;
    routes.set('/big', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const block = Buffer.alloc(64 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < total) {
          block.fill(sent / block.length);
          sent += block.length;
          if (!res.write(Buffer.from(block))) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    const reply = await dispatchUpstream(agent, `${base}/big`, { method: 'GET', headers: {} }, undefined);
    let received = 0;
    let ordered = true;
    for await (const chunk of reply.body) {
      for (let i = 0; i < chunk.length; i += 4096) {
        if (chunk[i] !== Math.floor((received + i) / (64 * 1024)) % 256) ordered = false;
      }
      received += chunk.length;
      if (received % (1024 * 1024) < chunk.length) await sleep(20); // a slow consumer
    }
    expect(received).toBe(total);
    expect(ordered).toBe(true);
  });

  it('leaving the iteration early aborts the exchange (the upstream sees its request close)', async () => {
    routes.set('/endless', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const timer = setInterval(() => res.write('data: x\n\n'), 5);
      res.on('close', () => clearInterval(timer));
    });
    const reply = await dispatchUpstream(agent, `${base}/endless`, { method: 'GET', headers: {} }, undefined);
    for await (const _chunk of reply.body) break;
    for (let i = 0; i < 100 && !closedSockets.includes('/endless'); i++) await sleep(20);
    expect(closedSockets).toContain('/endless');
  });

  it('an abort signal before the headers rejects; after them it fails the body', async () => {
    routes.set('/hang', () => {});
    const early = new AbortController();
    const pending = dispatchUpstream(agent, `${base}/hang`, { method: 'GET', headers: {} }, early.signal);
    setTimeout(() => early.abort(), 50);
    await expect(pending).rejects.toThrow();

    routes.set('/trickle', (_req, res) => {
      res.writeHead(200);
      res.write('a');
    });
    const late = new AbortController();
    const reply = await dispatchUpstream(
      agent,
      `${base}/trickle`,
      { method: 'GET', headers: {} },
      late.signal,
    );
    const whole = reply.body.buffer();
    late.abort();
    await expect(whole).rejects.toThrow();

    const already = new AbortController();
    already.abort();
    await expect(
      dispatchUpstream(agent, `${base}/v1/echo`, { method: 'GET', headers: {} }, already.signal),
    ).rejects.toThrow();
  });

  it("transport errors are undici's own (timeouts keep their class)", async () => {
    routes.set('/never', () => {});
    const quick = new Agent({ headersTimeout: 100 });
    await expect(
      dispatchUpstream(quick, `${base}/never`, { method: 'GET', headers: {} }, undefined),
    ).rejects.toBeInstanceOf(undiciErrors.HeadersTimeoutError);
    await quick.close();
    await expect(
      dispatchUpstream(agent, 'http://127.0.0.1:1/x', { method: 'GET', headers: {} }, undefined),
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
