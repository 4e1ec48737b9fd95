import { errors as undiciErrors } from 'undici';
import { UpstreamError } from '../contract.js';

/**
 * Maps an OpenAI-style error reply (or a transport failure) to an UpstreamError: what the
 * client may see, whether another channel may succeed, and whether the key is dead. An
 * upstream's own `insufficient_quota` is the channel's problem, never reported as the
 * client's: the client would read it as its own balance.
 */
export function mapOpenAIError(status: number, bodyText: string): UpstreamError {
  let type = '';
  let code = '';
  let message = '';
  try {
    const parsed = JSON.parse(bodyText) as {
      error?: { type?: unknown; code?: unknown; message?: unknown } | string;
    };
    const e = parsed.error;
    if (typeof e === 'string') message = e;
    else if (e) {
      type = String(e.type ?? '');
      code = String(e.code ?? '');
      message = String(e.message ?? '');
    }
  } catch {
    message = bodyText.slice(0, 200);
  }
  const detail = `${status} ${code || type} ${message}`.slice(0, 500);
  const safe = sanitizeUpstreamMessage(message);

  const deadKey =
    status === 401 ||
    // Payment Required: the account has no balance (DeepSeek, OpenRouter).
    status === 402 ||
    code === 'invalid_api_key' ||
    code === 'account_deactivated' ||
    code === 'insufficient_quota' ||
    type === 'insufficient_quota' ||
    code === 'billing_not_active' ||
    (status === 403 && /deactivat|suspend|banned|billing/i.test(message));
  if (deadKey) {
    return new UpstreamError({
      status: 503,
      type: 'server_error',
      code: 'upstream_error',
      message:
        'The upstream provider refused this channel (credentials or account); it was taken out of service.',
      retryable: true,
      fatal: 'key',
      upstreamStatus: status,
      detail,
    });
  }
  if (status === 429) {
    return new UpstreamError({
      status: 429,
      type: 'rate_limit_error',
      code: 'upstream_rate_limited',
      message: 'The upstream provider is rate limiting this request. Retry shortly.',
      retryable: true,
      fatal: null,
      upstreamStatus: status,
      detail,
    });
  }
  if (status >= 500 || status === 408 || status === 409) {
    return new UpstreamError({
      status: status === 503 ? 503 : 502,
      type: 'server_error',
      code: 'upstream_error',
      message: 'The upstream provider failed to answer this request.',
      retryable: true,
      fatal: null,
      upstreamStatus: status,
      detail,
    });
  }
  // The request itself was refused (bad parameter, unknown model…): say why, safely.
  return new UpstreamError({
    status: status === 404 ? 404 : status === 413 ? 413 : 400,
    type: type && type !== 'server_error' ? type : 'invalid_request_error',
    code: code || null,
    message: safe || `The upstream provider refused the request (status ${status}).`,
    retryable: false,
    fatal: null,
    upstreamStatus: status,
    detail,
  });
}

/**
 * The HTTP status an error sent inside a 200 stream stands for: the one it names (vLLM and
 * OpenRouter put it in `code`), else what its type, code or message say, else a server error.
 */
const STREAM_ERROR_HINTS: ReadonlyArray<[RegExp, number]> = [
  [/insufficient_quota|billing|insufficient.{0,20}(?:balance|credit|fund)|payment required/i, 402],
  [/invalid_api_key|incorrect api key|invalid api key|authentication|unauthori[sz]ed/i, 401],
  [/rate.?limit|too many requests/i, 429],
  [/overload|capacity|unavailable|busy/i, 503],
];

function streamErrorStatus(error: unknown): number {
  const e = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  for (const v of [e.status, e.code]) {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{3}$/.test(v) ? Number(v) : 0;
    if (n >= 400 && n <= 599) return n;
  }
  const text =
    typeof error === 'object' ? `${e.type ?? ''} ${e.code ?? ''} ${e.message ?? ''}` : String(error);
  for (const [re, status] of STREAM_ERROR_HINTS) if (re.test(text)) return status;
  return 500;
}

/**
 * An error an upstream sends as an SSE event after answering 200 (`data: {"error":{…}}`, or a
 * Responses API `event: error`), classified as the HTTP error reply it stands for; null when
 * the event is not an error. Cheap for ordinary chunks: they are not parsed.
 */
export function mapOpenAIStreamError(event: string | null, data: string): UpstreamError | null {
  if (!data.includes('"error"')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const body = parsed as Record<string, unknown>;
  const error = body.error ?? (event === 'error' || body.type === 'error' ? body : null);
  if (error === null || error === undefined || error === false) return null;
  const mapped = mapOpenAIError(streamErrorStatus(error), JSON.stringify({ error }));
  return new UpstreamError({
    ...mapped.info,
    detail: `stream error event: ${mapped.info.detail}`.slice(0, 500),
  });
}

/** Transport failures: connect errors, resets, timeouts. All retryable on another channel. */
export function mapTransportError(err: unknown): UpstreamError {
  const e = err as { name?: string; code?: string; message?: string };
  const timeout =
    err instanceof undiciErrors.HeadersTimeoutError ||
    err instanceof undiciErrors.BodyTimeoutError ||
    err instanceof undiciErrors.ConnectTimeoutError ||
    e.code === 'UND_ERR_CONNECT_TIMEOUT' ||
    e.code === 'UND_ERR_HEADERS_TIMEOUT' ||
    e.code === 'UND_ERR_BODY_TIMEOUT';
  return new UpstreamError({
    status: timeout ? 504 : 502,
    type: 'server_error',
    code: timeout ? 'upstream_timeout' : 'upstream_error',
    message: timeout
      ? 'The upstream provider did not answer in time.'
      : 'The upstream provider could not be reached.',
    retryable: true,
    fatal: null,
    upstreamStatus: 0,
    detail: `${e.code ?? e.name ?? 'error'}: ${e.message ?? String(err)}`.slice(0, 500),
  });
}

/** Strips what must not reach a client: keys, URLs (signed or internal), host addresses. */
export function sanitizeUpstreamMessage(message: string): string {
  return message
    .replace(/\b(sk|rk|pk|ak)-[A-Za-z0-9_\-*.…]{3,}/g, '$1-***')
    .replace(/\bAIza[0-9A-Za-z_-]{10,}/g, '***')
    .replace(/\b[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s"'<>)]+/g, '[url]')
    .replace(/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, '[host]')
    .replace(/\b(?:[a-z0-9-]+\.)+(?:internal|local|lan|corp|svc|cluster)\b(?::\d+)?/gi, '[host]')
    .slice(0, 1000);
}
