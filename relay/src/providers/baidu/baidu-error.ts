import type { UpstreamError } from '../contract.js';
import { type ErrorKind, upstreamError } from '../cn-common/error-kinds.js';
import { clientSafe, scrub } from '../upstream-http.js';

/**
 * Qianfan (wenxinworkshop) errors arrive as {"error_code": n, "error_msg": "…"}, usually with
 * HTTP 200. Codes from https://cloud.baidu.com/doc/WENXINWORKSHOP/s/tlmyncueh:
 * 17 "daily request limit" means a paid API without billing or an account in arrears, 19 the
 * total quota used up: both are account problems (disable the key, fail over); 18 and
 * 336501/336502 are QPS/RPM/TPM limits; 110/111 a bad or expired access token.
 */
const KIND_BY_CODE: Record<number, ErrorKind> = {
  1: 'server',
  2: 'server',
  3: 'bad_request',
  4: 'rate_limit',
  6: 'auth',
  13: 'auth',
  14: 'auth',
  15: 'server',
  17: 'no_balance',
  18: 'rate_limit',
  19: 'no_balance',
  100: 'auth',
  110: 'auth',
  111: 'auth',
  336000: 'server',
  336001: 'bad_request',
  336002: 'bad_request',
  336003: 'bad_request',
  336004: 'auth',
  336005: 'bad_request',
  336006: 'bad_request',
  336007: 'bad_request',
  336100: 'server',
  336101: 'bad_request',
  336102: 'bad_request',
  336103: 'bad_request',
  336104: 'bad_request',
  336105: 'bad_request',
  336501: 'rate_limit',
  336502: 'rate_limit',
  336503: 'content_filter',
};

export const BAIDU_TOKEN_ERRORS = new Set([110, 111]);

export function baiduError(code: number, message: string, httpStatus: number, key: string): UpstreamError {
  const kind: ErrorKind = KIND_BY_CODE[code] ?? (httpStatus >= 500 ? 'server' : 'bad_request');
  const detail = scrub(`baidu error_code ${code}: ${message}`, key);
  return upstreamError(
    kind,
    httpStatus === 200 ? statusOf(kind) : httpStatus,
    detail,
    clientSafe(message, key),
  );
}

/** Baidu answers errors with HTTP 200; keep a status that says what happened for health. */
function statusOf(kind: ErrorKind): number {
  if (kind === 'auth') return 401;
  if (kind === 'rate_limit') return 429;
  if (kind === 'server') return 500;
  if (kind === 'no_balance') return 402;
  return 400;
}
