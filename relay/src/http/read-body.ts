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
  if (encoding === 'identity' && declared > limit) throw tooLarge(limit);
  let source: AsyncIterable<Buffer> = req;
  if (encoding !== 'identity') {
    const decoder = decompressor(encoding);
    req.pipe(decoder);
    source = decoder;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of source) {
      size += chunk.length;
      if (size > limit) throw tooLarge(limit);
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof RelayError) throw err;
    throw new RelayError('invalid_request', 'The request body could not be read or decompressed.');
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
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
