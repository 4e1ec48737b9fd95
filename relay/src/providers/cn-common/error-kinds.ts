import type { UpstreamErrorInfo } from '../contract.js';
import { UpstreamError } from '../contract.js';
import { billingError, errorByStatus } from '../upstream-http.js';

/**
 * The classes a provider's own error codes fall into. Each provider folder maps its codes to
 * one of these; this file turns a class into the flags the pipeline acts on.
 */
export type ErrorKind = 'auth' | 'rate_limit' | 'no_balance' | 'bad_request' | 'content_filter' | 'server';

export function upstreamError(
  kind: ErrorKind,
  upstreamStatus: number,
  detail: string,
  clientMessage: string,
): UpstreamError {
  return new UpstreamError(infoOf(kind, upstreamStatus, detail, clientMessage));
}

function infoOf(kind: ErrorKind, upstreamStatus: number, detail: string, message: string): UpstreamErrorInfo {
  switch (kind) {
    case 'auth':
      return { ...errorByStatus(401, '', detail), upstreamStatus };
    case 'no_balance':
      return billingError(upstreamStatus, detail);
    case 'rate_limit':
      return { ...errorByStatus(429, 'Upstream rate limit reached.', detail), upstreamStatus };
    case 'content_filter':
      return {
        ...errorByStatus(400, message || 'The upstream provider refused the content.', detail),
        code: 'content_filter',
        upstreamStatus,
      };
    case 'bad_request':
      return {
        ...errorByStatus(400, message || 'The upstream provider rejected the request.', detail),
        upstreamStatus,
      };
    case 'server':
      return {
        ...errorByStatus(
          upstreamStatus >= 500 ? upstreamStatus : 502,
          'The upstream provider failed.',
          detail,
        ),
        upstreamStatus,
      };
  }
}
