import type { UpstreamErrorInfo } from '../contract.js';
import { UpstreamError } from '../contract.js';
import { billingError, clientSafe, errorByStatus, isRecord, parseJson, scrub } from '../upstream-http.js';

/**
 * Anthropic error → UpstreamError. Body shape (https://docs.anthropic.com/en/api/errors):
 * {"type":"error","error":{"type":"rate_limit_error","message":"…"}}. 529 overloaded_error is
 * Anthropic's own "try later"; an exhausted credit balance arrives as a 400
 * invalid_request_error whose message names it, and must fail over, not reach the client.
 */
export function anthropicError(status: number, bodyText: string, key: string): UpstreamError {
  const body = parseJson(bodyText);
  const err = isRecord(body) && isRecord(body.error) ? body.error : {};
  const type = typeof err.type === 'string' ? err.type : '';
  const message = typeof err.message === 'string' ? err.message : bodyText.slice(0, 300);
  const detail = scrub(`anthropic ${status} ${type}: ${message}`, key);
  return new UpstreamError({ ...classify(status, type, message, detail, key), upstreamStatus: status });
}

/** An `event: error` inside a stream (status 200 already sent upstream). */
export function anthropicStreamError(data: unknown, key: string): UpstreamError {
  const err = isRecord(data) && isRecord(data.error) ? data.error : {};
  const type = typeof err.type === 'string' ? err.type : 'api_error';
  const statusByType: Record<string, number> = {
    overloaded_error: 529,
    rate_limit_error: 429,
    api_error: 500,
    invalid_request_error: 400,
    authentication_error: 401,
    permission_error: 403,
    not_found_error: 404,
    request_too_large: 413,
    billing_error: 402,
  };
  return anthropicError(statusByType[type] ?? 500, JSON.stringify(data), key);
}

function classify(
  status: number,
  type: string,
  message: string,
  detail: string,
  key: string,
): UpstreamErrorInfo {
  if (type === 'billing_error' || status === 402 || /credit balance|billing|purchase credits/i.test(message))
    return billingError(status, detail);
  if (type === 'authentication_error' || type === 'permission_error') return errorByStatus(401, '', detail);
  if (type === 'overloaded_error' || status === 529)
    return {
      ...errorByStatus(503, 'The upstream provider is overloaded.', detail),
      code: 'upstream_overloaded',
    };
  if (type === 'rate_limit_error') return { ...errorByStatus(429, 'Upstream rate limit reached.', detail) };
  if (type === 'request_too_large') return { ...errorByStatus(413, clientSafe(message, key), detail) };
  if (type === 'not_found_error') return { ...errorByStatus(404, clientSafe(message, key), detail) };
  if (type === 'invalid_request_error') return { ...errorByStatus(400, clientSafe(message, key), detail) };
  return errorByStatus(
    status,
    status >= 500 ? 'The upstream provider failed.' : clientSafe(message, key),
    detail,
  );
}
