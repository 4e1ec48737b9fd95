import { createServer as createHttpServer, type ServerResponse } from 'node:http';
import { type AddressInfo, connect, createServer as createTcpServer, type Socket } from 'node:net';
import { Worker } from 'node:worker_threads';

/**
 * Upstreams that misbehave at the transport level, for timeout and disconnect tests. The mock
 * OpenAI server answers too politely for these: here a port never completes a TCP handshake,
 * a server reads a request and never answers, and a stream stops after a few events while
 * telling the test when the relay hung up on it.
 */

/**
 * A port on 127.0.0.1 whose TCP handshake never completes: a listener with a full accept
 * queue (Linux drops further SYNs, the client keeps retransmitting until it gives up). The
 * listener lives in a worker thread blocked in Atomics.wait, so nothing ever accepts.
 */
export async function startUnacceptingPort(): Promise<{ url: string; close(): Promise<void> }> {
  const wake = new SharedArrayBuffer(4);
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const server = require('node:net').createServer();
     server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
       parentPort.postMessage(server.address().port);
       Atomics.wait(new Int32Array(workerData), 0, 0, 300000);
       server.close();
     });`,
    { eval: true, workerData: wake },
  );
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  // Fill the accept queue; the first connect that does not complete shows it is full.
  const fillers: Socket[] = [];
  for (let i = 0; i < 8; i++) {
    const s = connect(port, '127.0.0.1');
    s.on('error', () => {});
    fillers.push(s);
    const connected = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 500);
      s.once('connect', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (!connected) break;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const s of fillers) s.destroy();
      const flag = new Int32Array(wake);
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
      await worker.terminate();
    },
  };
}

/** Accepts connections and reads requests, never answers. Counts connections opened and closed. */
export async function startSilentUpstream(): Promise<{
  url: string;
  connections(): number;
  /** Connections the peer (the relay) has closed. */
  closedConnections(): number;
  close(): Promise<void>;
}> {
  const sockets = new Set<Socket>();
  let seen = 0;
  let closed = 0;
  const server = createTcpServer((s) => {
    seen++;
    sockets.add(s);
    s.on('data', () => {});
    s.on('error', () => {});
    s.on('close', () => {
      if (sockets.delete(s)) closed++;
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => seen,
    closedConnections: () => closed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of [...sockets]) {
          sockets.delete(s);
          s.destroy();
        }
        server.close(() => resolve());
      }),
  };
}

export interface StalledStream {
  /** The upstream key the request carried. */
  key: string | null;
  /** Content words written before stalling. */
  words: string[];
  /** When the response was closed by the peer (the relay aborted it), or null while open. */
  closedAt: number | null;
  openedAt: number;
}

/**
 * An OpenAI chat stream (its wire format: `chat.completion.chunk` SSE frames, no usage) that
 * sends a role delta and `words`, then stays silent until the relay closes the connection.
 */
export async function startStallingChatStream(words: string[]): Promise<{
  url: string;
  streams: StalledStream[];
  /** Resolves when the `n`th stream (0-based) is closed by the relay. */
  closed(n: number): Promise<number>;
  close(): Promise<void>;
}> {
  const streams: StalledStream[] = [];
  const waiters: Array<() => void> = [];
  const open = new Set<ServerResponse>();
  const server = createHttpServer((req, res) => {
    req.resume();
    const auth = req.headers.authorization ?? '';
    const entry: StalledStream = {
      key: auth.startsWith('Bearer ') ? auth.slice(7) : null,
      words,
      closedAt: null,
      openedAt: Date.now(),
    };
    streams.push(entry);
    open.add(res);
    res.on('close', () => {
      open.delete(res);
      entry.closedAt = Date.now();
      for (const w of waiters.splice(0)) w();
    });
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    const base = {
      id: 'chatcmpl-stall',
      object: 'chat.completion.chunk',
      created: 1_700_000_000,
      model: 'gpt-4o',
    };
    const deltas = [{ role: 'assistant', content: '' }, ...words.map((content) => ({ content }))];
    for (const delta of deltas)
      res.write(
        `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: null }] })}\n\n`,
      );
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    streams,
    async closed(n) {
      for (;;) {
        const at = streams[n]?.closedAt;
        if (at != null) return at;
        await new Promise<void>((r) => waiters.push(r));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
