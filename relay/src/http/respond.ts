import type { ServerResponse } from 'node:http';
import { RelayError } from './relay-error.js';

/** Writes a JSON body (a Buffer is sent as-is, without re-serializing). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: Buffer | string | object,
  headers: Record<string, string> = {},
): void {
  const payload = Buffer.isBuffer(body) ? body : typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

/** Answers with OpenAI's error object; retry hints per status. */
export function sendError(res: ServerResponse, err: RelayError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const headers: Record<string, string> = { ...err.headers };
  if ((err.status === 429 || err.status === 503) && !headers['retry-after']) headers['retry-after'] = '1';
  if (err.code === 'insufficient_quota') headers['x-should-retry'] = 'false';
  sendJson(res, err.status, err.body(), headers);
}

export function internalError(): RelayError {
  return new RelayError('internal_error', 'The server had an error while processing your request.');
}
