import type { ServerResponse } from 'node:http';
import type { AdapterResult, StreamPart } from '../providers/contract.js';
import { UpstreamError } from '../providers/contract.js';
import { RelayError } from './relay-error.js';
import { sendJson } from './respond.js';

type Stream = Extract<AdapterResult, { kind: 'stream' }>;
type Binary = Extract<AdapterResult, { kind: 'binary' }>;

export function deliverJson(
  res: ServerResponse,
  result: Extract<AdapterResult, { kind: 'json' }>,
  headers: Record<string, string>,
): void {
  sendJson(res, result.status, result.body, headers);
}

export async function deliverBinary(
  res: ServerResponse,
  result: Binary,
  headers: Record<string, string>,
): Promise<void> {
  if (Buffer.isBuffer(result.body)) {
    res.writeHead(result.status, {
      'content-type': result.contentType,
      'content-length': result.body.length,
      ...headers,
    });
    res.end(result.body);
    return;
  }
  res.writeHead(result.status, { 'content-type': result.contentType, ...headers });
  for await (const chunk of result.body) {
    // Client gone: leaving the loop destroys the upstream body; the caller records it aborted.
    if (res.destroyed) throw new Error('client disconnected');
    if (!res.write(chunk)) await drained(res);
  }
  res.end();
}

export interface StreamOutcome {
  status: 'success' | 'partial' | 'aborted' | 'failed';
  ttftMs: number | null;
  error: string | null;
}

/**
 * Writes an SSE stream as it comes: one write per event, no buffering, keep-alive comments
 * during silences. An error after the start goes out as an SSE error event (the official SDK
 * raises it); a client that goes away aborts the upstream through `signal`.
 */
export async function deliverStream(
  res: ServerResponse,
  result: Stream,
  headers: Record<string, string>,
  opts: { t0: number; keepAliveMs: number; signal: AbortSignal; responsesApi: boolean },
): Promise<StreamOutcome> {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    ...headers,
  });
  res.flushHeaders();
  let ttftMs: number | null = null;
  let last = performance.now();
  let timer: NodeJS.Timeout | null = null;
  if (opts.keepAliveMs > 0) {
    timer = setInterval(
      () => {
        if (performance.now() - last >= opts.keepAliveMs && !res.writableEnded && !res.destroyed) {
          res.write(': keep-alive\n\n');
          last = performance.now();
        }
      },
      Math.max(50, Math.floor(opts.keepAliveMs / 2)),
    );
    timer.unref();
  }
  try {
    for await (const part of result.parts) {
      if (ttftMs === null) ttftMs = Math.round(performance.now() - opts.t0);
      // Client gone while the upstream still sends: a write would return false and no 'drain'
      // would ever come. Returning ends the loop, which returns `parts` (upstream body destroyed).
      if (res.destroyed) return { status: 'aborted', ttftMs, error: 'client disconnected' };
      if (!res.write(frame(part))) await drained(res);
      last = performance.now();
    }
    res.end();
    return { status: 'success', ttftMs, error: null };
  } catch (err) {
    if (opts.signal.aborted || res.destroyed) {
      return { status: 'aborted', ttftMs, error: 'client disconnected' };
    }
    const e =
      err instanceof UpstreamError
        ? { message: err.info.message, type: err.info.type, param: null, code: err.info.code }
        : err instanceof RelayError
          ? err.body().error
          : {
              message: 'The upstream stream failed.',
              type: 'server_error',
              param: null,
              code: 'upstream_error',
            };
    const detail = err instanceof UpstreamError ? err.info.detail : String(err);
    if (!res.writableEnded) {
      res.write(
        opts.responsesApi
          ? `event: error\ndata: ${JSON.stringify({ type: 'error', code: e.code, message: e.message, param: null, error: e })}\n\n`
          : `data: ${JSON.stringify({ error: e })}\n\n`,
      );
      res.end();
    }
    return { status: ttftMs === null ? 'failed' : 'partial', ttftMs, error: detail.slice(0, 300) };
  } finally {
    if (timer) clearInterval(timer);
  }
}

function frame(part: StreamPart): string {
  return part.event ? `event: ${part.event}\ndata: ${part.data}\n\n` : `data: ${part.data}\n\n`;
}

/**
 * Resolves on 'drain', or once the response is closed (neither event comes again after that:
 * a closed response would otherwise leave its writer waiting for ever).
 */
function drained(res: ServerResponse): Promise<void> {
  if (res.destroyed || res.writableEnded || res.closed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
