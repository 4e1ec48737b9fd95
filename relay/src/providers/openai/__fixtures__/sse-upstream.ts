import type { AdapterRequest } from '../../contract.js';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A scripted OpenAI-compatible upstream for stream tests: answers every POST with 200
 * `text/event-stream` and lets the test write the SSE frames itself (keep-alive comments,
 * chunks, error events, pauses), the way DeepSeek, vLLM or OpenRouter send them. Counts the
 * replies the relay hung up on before they ended, to check upstream bodies are released.
 */
export interface SseUpstream {
  url: string;
  hits: number;
  /** Replies whose connection closed before the script ended them. */
  abandoned: number;
  /** Resolves once `abandoned` reaches `n`. */
  waitAbandoned(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export type SseScript = (res: ServerResponse, req: IncomingMessage) => unknown;

export async function startSseUpstream(script: SseScript): Promise<SseUpstream> {
  const sockets = new Set<Socket>();
  const state = { hits: 0, abandoned: 0 };
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      state.hits++;
      res.on('close', () => {
        if (!res.writableFinished) state.abandoned++;
      });
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.flushHeaders();
      Promise.resolve(script(res, req)).catch(() => res.destroy());
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    get hits() {
      return state.hits;
    },
    get abandoned() {
      return state.abandoned;
    },
    async waitAbandoned(n, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (state.abandoned < n) {
        if (Date.now() > deadline) throw new Error(`abandoned ${state.abandoned}, expected ${n}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** One SSE `data:` frame as OpenAI writes it. */
export function frame(data: unknown): string {
  return `data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
}

/** A chat.completion.chunk carrying `content`, as OpenAI streams them. */
export function chunk(content: string, finish: string | null = null): Record<string, unknown> {
  return {
    id: 'chatcmpl-sse1',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: 'gpt-4o',
    system_fingerprint: 'fp_sse',
    choices: [{ index: 0, delta: finish ? {} : { content }, logprobs: null, finish_reason: finish }],
  };
}

/** Waits `ms` (upstream pauses between frames). */
export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A streaming chat request as the relay hands it to the adapter (`over` replaces fields). */
export function streamChatRequest(over: Partial<AdapterRequest> = {}): AdapterRequest {
  return {
    endpoint: 'chat.completions',
    body: { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], stream: true },
    model: 'gpt-4o',
    stream: true,
    clientWantsStreamUsage: false,
    ...over,
  };
}
