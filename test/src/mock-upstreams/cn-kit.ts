import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Shared plumbing of the mock upstreams for the Chinese providers (baidu, qwen, zhipu, spark,
 * hunyuan): a node:http server that records every request, a server-wide fault mode, and the
 * deterministic reply every mock streams. Each provider's folder owns its wire format and its
 * own credential check.
 */
export type CnMockError =
  /** The credential is refused (bad key, bad signature, bad token). */
  | 'auth'
  /** The provider's rate limit answer. */
  | 'rate_limit'
  /** The provider's "account in arrears / no balance" answer. */
  | 'no_balance'
  /** A 5xx-class failure. */
  | 'server_error'
  /** Spark: a "success" reply with empty content. */
  | 'empty_content';

export interface CnMockMode {
  error?: CnMockError;
  /** Stream: pause `pauseMs` after this many content chunks. */
  pauseAfterChunks?: number;
  pauseMs?: number;
  /** Stream: an error frame after this many content chunks (providers that have one). */
  errorAfterChunks?: number;
  /** Stream: close the connection after this many content chunks, without a final frame. */
  dropAfterChunks?: number;
  /** The finish reason to answer with instead of the usual one (Zhipu's `network_error`…). */
  finishReason?: string;
}

export interface CnRecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  raw: string;
  /** Parsed JSON body, or null. */
  body: Record<string, unknown> | null;
}

export interface CnMock {
  url: string;
  port: number;
  requests: CnRecordedRequest[];
  setMode(mode: CnMockMode | null): void;
  close(): Promise<void>;
}

/** The reply every mock gives, one element per stream chunk. */
export const CN_REPLY_CHUNKS = ['你好', '，我是', '模拟助手。'];
export const CN_REPLY = CN_REPLY_CHUNKS.join('');

/** A deterministic prompt token count: one per character of message text, a stand-in tokenizer. */
export function promptTokensOf(texts: string[]): number {
  return texts.reduce((n, t) => n + [...t].length, 0);
}

/** Deterministic embedding of a text (8 dims), so tests can check order and values. */
export function embeddingOf(text: string, dims = 8): number[] {
  const out: number[] = [];
  for (let i = 0; i < dims; i++) out.push(Number((((text.length + 1) * (i + 1)) % 97) / 97).valueOf());
  return out;
}

export type CnHandler = (
  req: CnRecordedRequest,
  res: ServerResponse,
  mode: CnMockMode,
  incoming: IncomingMessage,
) => Promise<void>;

export async function startCnHttpMock(
  handler: CnHandler,
  opts: { port?: number; mode?: CnMockMode } = {},
): Promise<CnMock> {
  let mode: CnMockMode = opts.mode ?? {};
  const requests: CnRecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((incoming, res) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (c: Buffer) => chunks.push(c));
    incoming.on('end', () => {
      const url = new URL(incoming.url ?? '/', 'http://mock');
      const raw = Buffer.concat(chunks).toString('utf8');
      const rec: CnRecordedRequest = {
        method: incoming.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: incoming.headers,
        raw,
        body: parseBody(raw),
      };
      requests.push(rec);
      handler(rec, res, mode, incoming).catch((err: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { message: String(err) });
        else res.destroy();
      });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    setMode(m) {
      mode = m ?? {};
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function parseBody(raw: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(raw);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function startSse(res: ServerResponse, headers: Record<string, string> = {}): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    ...headers,
  });
  res.flushHeaders();
}

/** Waits where the mode asks for a mid-stream pause (after `index + 1` chunks were sent). */
export async function pauseIfAsked(mode: CnMockMode, index: number): Promise<void> {
  if (mode.pauseAfterChunks !== undefined && index + 1 === mode.pauseAfterChunks)
    await sleep(mode.pauseMs ?? 1000);
}

/** Message texts of a request, for prompt token counts. */
export function textsOf(messages: unknown, field = 'content'): string[] {
  if (!Array.isArray(messages)) return [];
  return messages.map((m) => {
    const v = (m as Record<string, unknown>)[field];
    return typeof v === 'string' ? v : JSON.stringify(v ?? '');
  });
}
