import type { IncomingMessage } from 'node:http';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { RelayError } from './relay-error.js';

/**
 * Reads the request body, decompressing gzip/deflate/br, and enforces the size limit on the
 * decompressed bytes (a small compressed body must not expand past it).
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding === 'identity') {
    if (declared > limit) {
      discardRest(req, limit);
      throw tooLarge(limit);
    }
    return readPlain(req, limit);
  }
  const source = decompressor(encoding);
  req.pipe(source);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of source) {
      size += chunk.length;
      if (size > limit) throw tooLarge(limit);
      chunks.push(chunk);
    }
  } catch (err) {
    req.unpipe(source);
    discardRest(req, limit);
    if (err instanceof RelayError) throw err;
    throw unreadable();
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}

/**
 * The common case, without an async iterator: for-await over a stream costs a promise per
 * chunk plus end-of-stream bookkeeping, a measurable share of a small request's CPU.
 */
function readPlain(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (err: RelayError | null) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
      if (err) reject(err);
      else resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        done(tooLarge(limit));
        discardRest(req, limit);
      } else chunks.push(chunk);
    };
    const onEnd = () => done(null);
    const onError = () => done(unreadable());
    // Closed before the end (client gone mid-body).
    const onClose = () => {
      if (!req.complete) done(unreadable());
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/**
 * After a refusal, the rest of the body is read and dropped instead of the connection being
 * cut: a socket closed while the client still sends answers its data with a reset, which can
 * make the client lose the 413 before reading it. Bounded (an endless body is cut once
 * `max(limit, DISCARD_MIN)` more bytes came); Node's own request timeout bounds a slow one.
 */
const DISCARD_MIN = 16 * 1024 * 1024;

function discardRest(req: IncomingMessage, limit: number): void {
  if (req.complete || req.destroyed) return;
  let left = Math.max(limit, DISCARD_MIN);
  req.on('data', (chunk: Buffer) => {
    left -= chunk.length;
    if (left < 0) req.destroy();
  });
  req.resume();
}

function unreadable(): RelayError {
  return new RelayError('invalid_request', 'The request body could not be read or decompressed.');
}

function decompressor(encoding: string) {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
  }
  throw new RelayError('invalid_request', `Unsupported Content-Encoding "${encoding}".`, {}, 415);
}

function tooLarge(limit: number): RelayError {
  return new RelayError('request_too_large', `The request body exceeds the limit of ${limit} bytes.`);
}
