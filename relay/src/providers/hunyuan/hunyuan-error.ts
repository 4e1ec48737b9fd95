import type { UpstreamError } from '../contract.js';
import { type ErrorKind, upstreamError } from '../cn-common/error-kinds.js';
import { clientSafe, scrub } from '../upstream-http.js';

/**
 * Tencent Cloud errors: {"Response": {"Error": {"Code", "Message"}, "RequestId"}} with HTTP
 * 200 (https://cloud.tencent.com/document/api/1729/101845). Arrears, exhausted resource packs
 * and a stopped or unactivated service are account problems (disable the key, fail over);
 * an expired signature is our clock, not the key, so it is retried without disabling.
 */
function kindOf(code: string): ErrorKind {
  if (/Arrears|ResourcePackExhausted|ServiceNotActivated|ServiceStop|InsufficientBalance/i.test(code))
    return 'no_balance';
  if (code.startsWith('ResourceInsufficient') || code.startsWith('ResourceUnavailable')) return 'no_balance';
  if (/Sensitive|ContentSecurity|Illegal|Moderation/i.test(code)) return 'content_filter';
  if (code === 'AuthFailure.SignatureExpire') return 'server';
  if (
    code.startsWith('AuthFailure') ||
    code.startsWith('UnauthorizedOperation') ||
    code.startsWith('OperationDenied')
  )
    return 'auth';
  if (
    code.startsWith('RequestLimitExceeded') ||
    code.startsWith('LimitExceeded') ||
    code === 'FailedOperation.EngineServerLimitExceeded'
  )
    return 'rate_limit';
  if (code.startsWith('InternalError') || code.startsWith('FailedOperation') || code === 'ServiceUnavailable')
    return 'server';
  return 'bad_request';
}

const STATUS: Record<ErrorKind, number> = {
  auth: 401,
  rate_limit: 429,
  no_balance: 402,
  bad_request: 400,
  content_filter: 400,
  server: 500,
};

export function hunyuanError(code: string, message: string, requestId: string, key: string): UpstreamError {
  const kind = kindOf(code);
  const detail = scrub(`hunyuan ${code} (RequestId ${requestId}): ${message}`, key);
  return upstreamError(kind, STATUS[kind], detail, clientSafe(message, key));
}
