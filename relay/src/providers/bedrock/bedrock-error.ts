import type { UpstreamErrorInfo } from '../contract.js';
import { UpstreamError } from '../contract.js';
import { billingError, clientSafe, errorByStatus, isRecord, parseJson, scrub } from '../upstream-http.js';

/**
 * Bedrock Runtime error → UpstreamError. Errors are restJson1: the type in the
 * `x-amzn-ErrorType` header ("ThrottlingException:http://…") or the body's `__type`, the text
 * in `{"message": …}`; inside a ConverseStream they are `:message-type: exception` frames
 * whose `:exception-type` is the same name in lower camel case.
 */
export function bedrockErrorType(header: string | string[] | undefined, body: unknown): string {
  const raw =
    (Array.isArray(header) ? header[0] : header) ??
    (isRecord(body) && typeof body.__type === 'string' ? body.__type : '') ??
    '';
  const name = raw.split(':')[0]!.split('#').at(-1)!;
  return name ? name[0]!.toUpperCase() + name.slice(1) : '';
}

export function bedrockError(
  status: number,
  errorType: string,
  bodyText: string,
  key: string,
): UpstreamError {
  const body = parseJson(bodyText);
  const message =
    isRecord(body) && typeof (body.message ?? body.Message) === 'string'
      ? String(body.message ?? body.Message)
      : bodyText.slice(0, 300);
  const detail = scrub(`bedrock ${status} ${errorType}: ${message}`, key);
  return new UpstreamError({ ...classify(status, errorType, message, detail, key), upstreamStatus: status });
}

const AUTH = new Set([
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'IncompleteSignatureException',
  'MissingAuthenticationTokenException',
  'ExpiredTokenException',
  'InvalidClientTokenId',
]);

function classify(
  status: number,
  type: string,
  message: string,
  detail: string,
  key: string,
): UpstreamErrorInfo {
  if (
    type === 'AccessDeniedException' &&
    /INVALID_PAYMENT_INSTRUMENT|payment|billing|suspended/i.test(message)
  )
    return billingError(status, detail);
  // "Signature expired" is our clock, not the key: retry, keep the key.
  if (type === 'InvalidSignatureException' && /expired/i.test(message))
    return {
      ...errorByStatus(502, 'The upstream provider refused the request time.', detail),
      retryable: true,
    };
  if (AUTH.has(type) || type === 'AccessDeniedException') return errorByStatus(401, '', detail);
  switch (type) {
    case 'ThrottlingException':
    case 'ServiceQuotaExceededException':
      return errorByStatus(429, 'Upstream rate limit reached.', detail);
    case 'ModelNotReadyException':
      return {
        ...errorByStatus(429, 'The upstream model is not ready yet.', detail),
        code: 'model_not_ready',
      };
    case 'ServiceUnavailableException':
      return {
        ...errorByStatus(503, 'The upstream provider is unavailable.', detail),
        code: 'upstream_overloaded',
      };
    case 'ModelTimeoutException':
      return errorByStatus(408, 'The upstream model timed out.', detail);
    case 'InternalServerException':
    case 'ModelStreamErrorException':
    case 'ModelErrorException':
      return errorByStatus(
        Math.max(500, status === 424 ? 502 : status),
        'The upstream provider failed.',
        detail,
      );
    case 'ValidationException':
      return errorByStatus(400, clientSafe(message, key), detail);
    case 'ResourceNotFoundException':
      return errorByStatus(404, clientSafe(message, key), detail);
  }
  return errorByStatus(
    status,
    status >= 500 ? 'The upstream provider failed.' : clientSafe(message, key),
    detail,
  );
}
