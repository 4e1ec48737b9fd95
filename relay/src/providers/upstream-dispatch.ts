import type { Dispatcher } from 'undici';

/**
 * One upstream exchange on undici's dispatch API: the hot path's HTTP client.
 *
 * undici's `request()` builds a URL, a request handler, a Readable body stream and an
 * abort-signal binding for every call; on a small JSON reply that machinery costs more CPU than
 * the parsing and the socket writes together (measured: about half of the client's CPU per
 * request). Here one small handler object collects the body straight into a Buffer (JSON
 * replies) or hands chunks to one async iterator with backpressure (streams). Timeouts stay
 * undici's: the channel's dispatcher enforces connect, first-byte and idle limits.
 */
export interface UpstreamReply {
  statusCode: number;
  /** Header names lower-cased; a repeated header's values joined with ", ". */
  headers: Record<string, string>;
  body: UpstreamBody;
}

export interface UpstreamRequest {
  method: 'GET' | 'POST' | 'DELETE';
  headers: Record<string, string>;
  body?: Buffer | string;
}

/** Pause the socket when this many bytes wait unread (a slow stream consumer). */
const HIGH_WATER = 256 * 1024;

/** Origins of base URLs, parsed once per distinct base (one per channel). */
const origins = new Map<string, string>();
const ORIGINS_MAX = 1_024;

function splitUrl(url: string): { origin: string; path: string } {
  const slash = url.indexOf('/', url.indexOf('//') + 2);
  const base = slash === -1 ? url : url.slice(0, slash);
  let origin = origins.get(base);
  if (origin === undefined) {
    origin = new URL(base).origin;
    if (origins.size >= ORIGINS_MAX) origins.clear();
    origins.set(base, origin);
  }
  return { origin, path: slash === -1 ? '/' : url.slice(slash) };
}

export function dispatchUpstream(
  dispatcher: Dispatcher,
  url: string,
  init: UpstreamRequest,
  signal: AbortSignal | undefined,
): Promise<UpstreamReply> {
  const { origin, path } = splitUrl(url);
  return new Promise<UpstreamReply>((resolve, reject) => {
    const exchange = new Exchange(resolve, reject, signal);
    dispatcher.dispatch(
      { origin, path, method: init.method, headers: init.headers, body: init.body ?? null },
      exchange,
    );
  });
}

class Exchange implements Dispatcher.DispatchHandler {
  private abortFn: ((err?: Error) => void) | null = null;
  private body: UpstreamBody | null = null;
  private settled = false;
  private readonly onAbort: (() => void) | null = null;

  constructor(
    private readonly resolve: (reply: UpstreamReply) => void,
    private readonly reject: (err: unknown) => void,
    private readonly signal: AbortSignal | undefined,
  ) {
    if (signal) {
      this.onAbort = () => this.abort(abortError(signal));
      signal.addEventListener('abort', this.onAbort, { once: true });
    }
  }

  abort(err: Error): void {
    if (this.abortFn) this.abortFn(err);
    else this.fail(err);
  }

  onConnect(abort: (err?: Error) => void): void {
    this.abortFn = abort;
    if (this.signal?.aborted) abort(abortError(this.signal));
  }

  onHeaders(statusCode: number, raw: Buffer[], resume: () => void): boolean {
    const body = new UpstreamBody(resume, (err) => this.abort(err));
    this.body = body;
    this.settled = true;
    this.resolve({ statusCode, headers: parseRawHeaders(raw), body });
    return true;
  }

  onData(chunk: Buffer): boolean {
    return this.body ? this.body.push(chunk) : true;
  }

  onComplete(): void {
    this.cleanup();
    this.body?.end();
  }

  onError(err: Error): void {
    this.cleanup();
    this.fail(err);
  }

  private fail(err: unknown): void {
    if (!this.settled) {
      this.settled = true;
      this.reject(err);
    } else this.body?.fail(err);
  }

  private cleanup(): void {
    if (this.onAbort) this.signal!.removeEventListener('abort', this.onAbort);
  }
}

/**
 * The reply body: read whole (`buffer`, `text`, `json`) or iterated chunk by chunk. Leaving the
 * iteration early (`return`) aborts the exchange, so an unread body never holds a connection.
 */
export class UpstreamBody implements AsyncIterableIterator<Buffer> {
  private chunks: Buffer[] = [];
  private head = 0;
  private queued = 0;
  private done = false;
  private error: unknown = null;
  private paused = false;
  private waiter: { resolve: (r: IteratorResult<Buffer>) => void; reject: (e: unknown) => void } | null =
    null;
  private whole: { resolve: (b: Buffer) => void; reject: (e: unknown) => void } | null = null;

  constructor(
    private readonly resume: () => void,
    private readonly cancel: (err: Error) => void,
  ) {}

  /** From the handler: false asks undici to pause the socket until `resume`. */
  push(chunk: Buffer): boolean {
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w.resolve({ value: chunk, done: false });
      return true;
    }
    this.chunks.push(chunk);
    this.queued += chunk.length;
    if (this.queued > HIGH_WATER && !this.whole) {
      this.paused = true;
      return false;
    }
    return true;
  }

  end(): void {
    this.done = true;
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w.resolve({ value: undefined, done: true });
    }
    if (this.whole) this.whole.resolve(this.concat());
  }

  fail(err: unknown): void {
    if (this.done) return;
    this.done = true;
    this.error = err;
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w.reject(err);
    }
    if (this.whole) this.whole.reject(err);
  }

  next(): Promise<IteratorResult<Buffer>> {
    if (this.head < this.chunks.length) {
      const chunk = this.chunks[this.head]!;
      this.chunks[this.head++] = EMPTY;
      this.queued -= chunk.length;
      if (this.head === this.chunks.length) {
        this.chunks = [];
        this.head = 0;
      }
      if (this.paused && this.queued <= HIGH_WATER / 2) {
        this.paused = false;
        this.resume();
      }
      return Promise.resolve({ value: chunk, done: false });
    }
    if (this.error) return Promise.reject(this.error);
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }

  return(): Promise<IteratorResult<Buffer>> {
    if (!this.done) {
      this.done = true;
      this.chunks = [];
      this.cancel(new Error('upstream body discarded'));
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** The whole body (the reply's bytes as they came). */
  buffer(): Promise<Buffer> {
    if (this.error) return Promise.reject(this.error);
    if (this.done) return Promise.resolve(this.concat());
    if (this.paused) {
      this.paused = false;
      this.resume();
    }
    return new Promise((resolve, reject) => {
      this.whole = { resolve, reject };
    });
  }

  async text(): Promise<string> {
    return (await this.buffer()).toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  private concat(): Buffer {
    const parts = this.head === 0 ? this.chunks : this.chunks.slice(this.head);
    this.chunks = [];
    this.head = 0;
    this.queued = 0;
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  }
}

const EMPTY = Buffer.alloc(0);

function parseRawHeaders(raw: Buffer[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toString('latin1').toLowerCase();
    const value = raw[i + 1]!.toString('latin1');
    const prev = out[name];
    out[name] = prev === undefined ? value : `${prev}, ${value}`;
  }
  return out;
}

function abortError(signal: AbortSignal): Error {
  const reason = signal.reason as unknown;
  if (reason instanceof Error) return reason;
  const err = new Error('This operation was aborted');
  err.name = 'AbortError';
  return err;
}
