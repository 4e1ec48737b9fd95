import type { UpstreamError } from '../contract.js';
import { type ErrorKind, upstreamError } from '../cn-common/error-kinds.js';
import { clientSafe, isRecord, parseJson, scrub } from '../upstream-http.js';

/**
 * DashScope errors: {"code": "InvalidApiKey", "message": "…", "request_id": "…"} with an HTTP
 * status (https://help.aliyun.com/zh/model-studio/error-code). `Arrearage` (the Alibaba Cloud
 * account is overdue) and `AccessDenied.Unpurchased` are account problems: the key is
 * disabled and the request fails over.
 */
function kindOf(code: string, status: number): ErrorKind {
  if (code === 'Arrearage' || code === 'AccessDenied.Unpurchased' || code === 'AllocationQuota.FreeTierOnly')
    return 'no_balance';
  if (code === 'InvalidApiKey' || code.startsWith('AccessDenied') || code === 'Model.AccessDenied')
    return 'auth';
  if (code.startsWith('Throttling') || code === 'LimitRequests' || status === 429) return 'rate_limit';
  if (code === 'DataInspectionFailed' || code === 'data_inspection_failed') return 'content_filter';
  if (
    /^(InternalError|SystemError|ServiceUnavailable|ModelServingError|ModelUnavailable|RequestTimeOut)/.test(
      code,
    )
  )
    return 'server';
  if (status === 401 || status === 403) return 'auth';
  if (status >= 500 || status === 0) return 'server';
  return 'bad_request';
}

export function qwenError(status: number, text: string, key: string): UpstreamError {
  const body = parseJson(text);
  const code = isRecord(body) && typeof body.code === 'string' ? body.code : '';
  const message = isRecord(body) && typeof body.message === 'string' ? body.message : text.slice(0, 300);
  const kind = kindOf(code, status);
  const detail = scrub(`qwen ${status} ${code}: ${message}`, key);
  return upstreamError(kind, status, detail, clientSafe(message, key));
}
