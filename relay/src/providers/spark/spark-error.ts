import type { UpstreamError } from '../contract.js';
import { type ErrorKind, upstreamError } from '../cn-common/error-kinds.js';
import { clientSafe, scrub } from '../upstream-http.js';

/**
 * Spark answers errors inside the WebSocket: a frame whose `header.code` is not 0
 * (https://www.xfyun.cn/doc/spark/Web.html#_3-请求结果). 11200 (no licence for the feature or
 * the volume bought is used up) and 11201 (daily volume exceeded) are account limits: the key
 * is disabled and the request fails over; 11202/11203 are per-second and concurrency limits;
 * 10013/10014/10019 content review.
 */
function kindOf(code: number): ErrorKind {
  if (code === 11200 || code === 11201) return 'no_balance';
  if (code === 11202 || code === 11203) return 'rate_limit';
  if (code === 10013 || code === 10014 || code === 10019) return 'content_filter';
  if (code === 10313 || code === 10314 || code === 11003) return 'auth';
  if (code === 10907 || (code >= 10160 && code <= 10165)) return 'bad_request';
  return 'server';
}

const STATUS: Record<ErrorKind, number> = {
  auth: 401,
  rate_limit: 429,
  no_balance: 402,
  bad_request: 400,
  content_filter: 400,
  server: 500,
};

export function sparkError(code: number, message: string, sid: string, key: string): UpstreamError {
  const kind = kindOf(code);
  const detail = scrub(`spark code ${code} (sid ${sid}): ${message}`, key);
  return upstreamError(kind, STATUS[kind], detail, clientSafe(message, key));
}

/** The handshake refused: 401 bad signature / unknown key, 403 date too far off or no access. */
export function sparkHandshakeError(status: number, body: string, key: string): UpstreamError {
  const detail = scrub(`spark handshake ${status}: ${body.slice(0, 300)}`, key);
  if (status === 401 || status === 403) return upstreamError('auth', status, detail, '');
  if (status === 429) return upstreamError('rate_limit', status, detail, '');
  if (status >= 500) return upstreamError('server', status, detail, '');
  return upstreamError('bad_request', status, detail, '');
}

/** A reply that says success but carries no text: an upstream fault, not an empty answer. */
export function sparkEmptyReply(sid: string): UpstreamError {
  return upstreamError(
    'server',
    502,
    `spark: success reply with empty content (sid ${sid})`,
    'The upstream provider returned an empty answer.',
  );
}
