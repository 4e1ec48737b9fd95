import WebSocket from 'ws';
import type { AdapterContext } from '../contract.js';
import { UpstreamError } from '../contract.js';
import { transportError } from '../upstream-http.js';
import { sparkHandshakeError } from './spark-error.js';

/**
 * One Spark WebSocket exchange: open (with the channel's connect timeout), send the request,
 * then read text frames one by one as they arrive. Honours the attempt's abort signal and the
 * channel's stream-idle timeout; a refused handshake becomes the matching UpstreamError.
 */
export class SparkSocket {
  private readonly queue: string[] = [];
  private waiter: { resolve: (v: string | null) => void; reject: (e: unknown) => void } | null = null;
  private failure: unknown = null;
  private closed = false;

  private constructor(
    private readonly ws: WebSocket,
    private readonly ctx: AdapterContext,
  ) {
    ws.on('message', (data, isBinary) => {
      const text = isBinary ? Buffer.from(data as Buffer).toString('utf8') : data.toString();
      if (this.waiter) {
        const w = this.waiter;
        this.waiter = null;
        w.resolve(text);
      } else this.queue.push(text);
    });
    ws.on('close', () => this.finish(null));
    ws.on('error', (err) => this.finish(withoutUrl(err)));
  }

  static open(url: string, ctx: AdapterContext): Promise<SparkSocket> {
    return new Promise((resolve, reject) => {
      if (ctx.signal.aborted) return reject(transportError(ctx.signal.reason, ctx));
      const ws = new WebSocket(url, {
        handshakeTimeout: ctx.channel.timeouts.connectMs,
        headers: ctx.channel.headers,
      });
      const onAbort = () => ws.terminate();
      ctx.signal.addEventListener('abort', onAbort, { once: true });
      ws.once('unexpected-response', (_req, res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          reject(sparkHandshakeError(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'), ctx.key));
          ws.terminate();
        });
      });
      ws.once('open', () => resolve(new SparkSocket(ws, ctx)));
      ws.once('error', (err) => reject(transportError(withoutUrl(err), ctx)));
      ws.once('close', () => ctx.signal.removeEventListener('abort', onAbort));
    });
  }

  send(body: unknown): void {
    this.ws.send(JSON.stringify(body));
  }

  /** The next frame's text; null when the server closed the socket. */
  next(): Promise<string | null> {
    const queued = this.queue.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.resolve(null);
    const idleMs = this.ctx.channel.timeouts.streamIdleMs;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(
          new UpstreamError({
            status: 504,
            type: 'upstream_error',
            code: 'upstream_timeout',
            message: 'The upstream provider timed out.',
            retryable: true,
            fatal: null,
            upstreamStatus: 0,
            detail: `spark: no frame for ${idleMs} ms`,
          }),
        );
        this.ws.terminate();
      }, idleMs);
      this.waiter = {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
    });
  }

  close(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close();
  }

  private finish(err: unknown): void {
    if (this.closed) return;
    this.closed = true;
    if (err || this.ctx.signal.aborted)
      this.failure = transportError(err ?? this.ctx.signal.reason, this.ctx);
    const w = this.waiter;
    this.waiter = null;
    if (!w) return;
    if (this.failure) w.reject(this.failure);
    else w.resolve(null);
  }
}

/** The URL carries the signature: keep it out of any message built from a socket error. */
function withoutUrl(err: Error): Error {
  const clean = new Error(err.message.replace(/\b(?:wss?|https?):\/\/\S+/gi, '[url]'));
  clean.name = err.name;
  return clean;
}
