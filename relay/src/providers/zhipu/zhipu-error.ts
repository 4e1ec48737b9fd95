import type { UpstreamError } from '../contract.js';
import { type ErrorKind, upstreamError } from '../cn-common/error-kinds.js';
import { clientSafe, isRecord, parseJson, scrub } from '../upstream-http.js';

/**
 * Zhipu errors: {"error": {"code": "1113", "message": "…"}} with an HTTP status
 * (https://open.bigmodel.cn/dev/api/error-code/service-error). 1000–1004 are auth failures,
 * 1110–1121 account states (inactive, locked, in arrears: 1113), 1300–1305 content and rate
 * limits, 12xx bad requests.
 */
function kindOf(code: number, status: number): ErrorKind {
  if (code >= 1000 && code <= 1004) return 'auth';
  if (code === 1113 || code === 1110 || code === 1111 || code === 1112 || code === 1120 || code === 1121)
    return 'no_balance';
  if (code === 1301) return 'content_filter';
  if (code >= 1302 && code <= 1305) return 'rate_limit';
  if (code >= 1200 && code < 1300) return 'bad_request';
  if (code === 500 || status >= 500) return 'server';
  if (status === 401) return 'auth';
  if (status === 429) return 'rate_limit';
  return 'bad_request';
}

export function zhipuError(status: number, text: string, key: string): UpstreamError {
  const body = parseJson(text);
  const err = isRecord(body) && isRecord(body.error) ? body.error : {};
  const code = Number(err.code ?? 0);
  const message = typeof err.message === 'string' ? err.message : text.slice(0, 300);
  const detail = scrub(`zhipu ${status} ${err.code ?? ''}: ${message}`, key);
  return upstreamError(kindOf(code, status), status, detail, clientSafe(message, key));
}

/** Codes that mean the JWT itself was refused (expired, malformed): worth one re-sign. */
export function isZhipuTokenError(text: string): boolean {
  const body = parseJson(text);
  const code = isRecord(body) && isRecord(body.error) ? Number(body.error.code) : 0;
  return code === 1002 || code === 1003 || code === 1004;
}
