import { errors as undiciErrors, request } from 'undici';
import type { AdapterContext, UpstreamErrorInfo } from './contract.js';
import { UpstreamError } from './contract.js';
import { SseDecoder, type SseEvent } from '../streaming/sse-decoder.js';
import { sanitizeUpstreamMessage } from './openai/openai-error.js';

/**
 * Small helpers the native adapters (anthropic, gemini, azure) share: one POST/GET through the
 * channel's dispatcher, tolerant JSON parsing of upstream bytes, transport-error mapping and
 * scrubbing of client-facing messages. Provider-specific error classification stays in each
 * provider's folder.
 */
export type UpstreamResponse = Awaited<ReturnType<typeof request>>;

export async function sendUpstream(
  ctx: AdapterContext,
  url: string,
  init: { method?: 'GET' | 'POST'; headers: Record<string, string>; body?: unknown },
): Promise<UpstreamResponse> {
  const headers: Record<string, string> = {
    ...ctx.passthroughHeaders,
    ...ctx.channel.headers,
    ...init.headers,
  };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  try {
    return await request(url, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      dispatcher: ctx.dispatcher,
      signal: ctx.signal,
    });
  } catch (err) {
    throw transportError(err, ctx);
  }
}

/** Reads the whole body as text; a broken connection becomes a retryable UpstreamError. */
export async function readText(res: UpstreamResponse, ctx: AdapterContext): Promise<string> {
  try {
    return await res.body.text();
  } catch (err) {
    throw transportError(err, ctx);
  }
}

/** JSON.parse that never throws: upstream bytes are not trusted to be JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Connect errors, timeouts and resets: another channel may well succeed. */
export function transportError(err: unknown, ctx: AdapterContext): UpstreamError {
  if (err instanceof UpstreamError) return err;
  const timeout =
    err instanceof undiciErrors.ConnectTimeoutError ||
    err instanceof undiciErrors.HeadersTimeoutError ||
    err instanceof undiciErrors.BodyTimeoutError;
  const aborted = ctx.signal.aborted;
  const detail = scrub(err instanceof Error ? `${err.name}: ${err.message}` : String(err), ctx.key);
  return new UpstreamError({
    status: timeout ? 504 : 502,
    type: 'upstream_error',
    code: timeout ? 'upstream_timeout' : aborted ? 'request_aborted' : 'upstream_unreachable',
    message: timeout ? 'The upstream provider timed out.' : 'The upstream provider could not be reached.',
    retryable: !aborted,
    fatal: null,
    upstreamStatus: 0,
    detail,
  });
}

/**
 * Removes what must never reach a client or a log line: the key itself, anything that looks
 * like a credential in a query string, and URLs (signed URLs, internal hosts).
 */
export function scrub(text: string, key: string): string {
  let out = text;
  for (const part of key.split('|')) {
    if (part.length >= 6) out = out.split(part).join('[redacted]');
  }
  return out
    .replace(/([?&](?:key|api-key|api_key|token|sig|signature|access_token)=)[^&\s"']+/gi, '$1[redacted]')
    .replace(/\b(?:sk-ant-|sk-|AIza)[A-Za-z0-9_-]{8,}/g, '[redacted]');
}

/**
 * Same as {@link scrub}, then the OpenAI adapter's client sanitizer (URLs, IP addresses and
 * internal host names removed): for messages a client will read.
 */
export function clientSafe(text: string, key: string, max = 500): string {
  const out = sanitizeUpstreamMessage(scrub(text, key));
  return out.length > max ? `${out.slice(0, max)}…` : out;
}

/** Defaults by HTTP status, for providers whose body says nothing more specific. */
export function errorByStatus(status: number, clientMessage: string, detail: string): UpstreamErrorInfo {
  const base = { upstreamStatus: status, detail, message: clientMessage, fatal: null, code: null };
  if (status === 401 || status === 403)
    return {
      ...base,
      status: 401,
      type: 'authentication_error',
      code: 'invalid_upstream_key',
      message: 'The upstream provider rejected the channel key.',
      retryable: true,
      fatal: 'key',
    };
  if (status === 429)
    return { ...base, status: 429, type: 'rate_limit_error', code: 'rate_limit_exceeded', retryable: true };
  if (status === 408)
    return { ...base, status: 504, type: 'upstream_error', code: 'upstream_timeout', retryable: true };
  if (status === 404)
    return { ...base, status: 404, type: 'invalid_request_error', code: 'model_not_found', retryable: false };
  if (status === 413) return { ...base, status: 413, type: 'invalid_request_error', retryable: false };
  if (status >= 500)
    return {
      ...base,
      status: status === 503 || status === 529 ? 503 : 502,
      type: 'upstream_error',
      retryable: true,
    };
  return { ...base, status: 400, type: 'invalid_request_error', retryable: false };
}

/** A provider account without balance: disable the key, fail over, never show it to the client. */
export function billingError(upstreamStatus: number, detail: string): UpstreamErrorInfo {
  return {
    status: 503,
    type: 'upstream_error',
    code: 'channel_unavailable',
    message: 'The upstream channel is temporarily unavailable.',
    retryable: true,
    fatal: 'key',
    upstreamStatus,
    detail,
  };
}

/** Seconds since the epoch, as OpenAI's `created`. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Joins a base URL (trailing slashes dropped) and a path. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

/**
 * The upstream body as SSE events, each yielded the moment its blank line arrives. A broken
 * connection or idle timeout becomes a retryable UpstreamError; breaking off the loop (client
 * gone) destroys the upstream body.
 */
export async function* sseEvents(res: UpstreamResponse, ctx: AdapterContext): AsyncGenerator<SseEvent> {
  const decoder = new SseDecoder();
  const iterator = res.body[Symbol.asyncIterator]();
  let ended = false;
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await iterator.next();
      } catch (err) {
        ended = true;
        throw transportError(err, ctx);
      }
      if (next.done) break;
      for (const ev of decoder.push(next.value)) yield ev;
    }
    ended = true;
    for (const ev of decoder.end()) yield ev;
  } finally {
    // Left early (last event seen, or the consumer stopped): an unread body would hold its
    // connection through backpressure until the idle timeout, so it is destroyed.
    if (!ended) await iterator.return?.();
  }
}

/** Parses a data: URL ("data:image/png;base64,…"); null when it is not one. */
export function parseDataUrl(url: string): { mimeType: string; data: string } | null {
  const m = /^data:([^;,]+)?((?:;[^;,]+)*?);base64,(.*)$/s.exec(url);
  if (!m) return null;
  return { mimeType: m[1] || 'application/octet-stream', data: m[3]!.replace(/\s+/g, '') };
}

/**
 * Waits for a stream's first part before handing the stream over, so that an error event an
 * upstream sends right after its 200 (Anthropic's overloaded_error, a Gemini error object)
 * fails `execute` itself, while the relay can still fail over to another channel.
 */
export async function primeStream<T>(parts: AsyncGenerator<T>): Promise<AsyncGenerator<T>> {
  const first = await parts.next();
  return (async function* () {
    try {
      if (first.done) return;
      yield first.value;
      yield* parts;
    } finally {
      // A consumer that stops at the first part never reached yield*: close the source here.
      await parts.return(undefined);
    }
  })();
}
