import type { UpstreamErrorInfo } from '../contract.js';
import { UpstreamError } from '../contract.js';
import { billingError, clientSafe, errorByStatus, isRecord, parseJson, scrub } from '../upstream-http.js';

/**
 * Google API error → UpstreamError. Shape (https://ai.google.dev/gemini-api/docs/troubleshooting):
 * {"error":{"code":429,"message":"…","status":"RESOURCE_EXHAUSTED","details":[…]}}.
 * Quirks: an invalid key is a 400 INVALID_ARGUMENT with reason API_KEY_INVALID, not a 401; a
 * 429 is either a per-minute limit (retry elsewhere) or an exhausted daily/prepaid quota or a
 * project without billing, which must disable the key and fail over.
 */
export function geminiError(status: number, bodyText: string, key: string): UpstreamError {
  const body = parseJson(bodyText);
  const err = isRecord(body) && isRecord(body.error) ? body.error : isRecord(body) ? body : {};
  return geminiErrorFrom(status, err, bodyText, key);
}

/** An error object found inside a stream (`data: {"error":{…}}`). */
export function geminiErrorFrom(
  status: number,
  err: Record<string, unknown>,
  bodyText: string,
  key: string,
): UpstreamError {
  const code = typeof err.code === 'number' ? err.code : status;
  const grpc = typeof err.status === 'string' ? err.status : '';
  const message = typeof err.message === 'string' ? err.message : bodyText.slice(0, 300);
  const details = JSON.stringify(err.details ?? []);
  const detail = scrub(`gemini ${code} ${grpc}: ${message} ${details === '[]' ? '' : details}`.trim(), key);
  return new UpstreamError({
    ...classify(code, grpc, message, details, detail, key),
    upstreamStatus: status,
  });
}

function classify(
  code: number,
  grpc: string,
  message: string,
  details: string,
  detail: string,
  key: string,
): UpstreamErrorInfo {
  if (/API_KEY_INVALID|API_KEY_EXPIRED|API key not valid|API key expired/i.test(`${message} ${details}`))
    return errorByStatus(401, '', detail);
  // The relay's egress region is not served: no key on this channel will work from here.
  if (/location is not supported/i.test(message))
    return {
      ...errorByStatus(503, 'The upstream channel is unavailable from this region.', detail),
      fatal: 'channel',
    };
  if (
    /prepayment credits are depleted|billing (?:is )?not (?:enabled|active)|enable billing|billing account|limit: 0\b/i.test(
      message,
    )
  )
    return billingError(code, detail);
  if (code === 429 || grpc === 'RESOURCE_EXHAUSTED') {
    // A daily quota will not come back within this request: treat like an empty balance.
    if (/PerDay|per_day|PerProjectPerDay/i.test(details)) return billingError(code, detail);
    return errorByStatus(429, 'Upstream rate limit reached.', detail);
  }
  if (code === 401 || code === 403 || grpc === 'UNAUTHENTICATED' || grpc === 'PERMISSION_DENIED')
    return errorByStatus(401, '', detail);
  if (code === 404 || grpc === 'NOT_FOUND') return errorByStatus(404, clientSafe(message, key), detail);
  if (code === 503 || grpc === 'UNAVAILABLE')
    return {
      ...errorByStatus(503, 'The upstream provider is overloaded.', detail),
      code: 'upstream_overloaded',
    };
  if (code === 504 || grpc === 'DEADLINE_EXCEEDED')
    return errorByStatus(408, 'The upstream provider timed out.', detail);
  if (code >= 500 || grpc === 'INTERNAL')
    return errorByStatus(Math.max(code, 500), 'The upstream provider failed.', detail);
  return errorByStatus(code, clientSafe(message, key), detail);
}
