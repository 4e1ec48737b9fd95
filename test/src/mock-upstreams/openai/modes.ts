/**
 * Behaviours the mock OpenAI upstream can be told to show: per server (`setMode`), per
 * upstream key (`setMode(mode, { key })`), or per request with the `x-mock-mode` header
 * (`error=rate_limit,delayMs=50`). Request header beats key, key beats server.
 */
export type MockError =
  /** 429 rate_limit_exceeded with retry-after. */
  | 'rate_limit'
  /** 500 server_error. */
  | 'server_error'
  /** 503 overloaded. */
  | 'unavailable'
  /** 401 invalid_api_key (the key is wrong). */
  | 'invalid_api_key'
  /** 429 insufficient_quota (the upstream account has no balance). */
  | 'insufficient_quota'
  /** 403 account deactivated. */
  | 'deactivated'
  /** The TCP connection is destroyed before any response. */
  | 'reset';

export interface MockMode {
  error?: MockError;
  /** Wait before sending headers. */
  delayMs?: number;
  /** Stream: pause `pauseMs` after this many content chunks. */
  pauseAfterChunks?: number;
  pauseMs?: number;
  /** Stream: wait between chunks. */
  chunkDelayMs?: number;
  /** Leave usage out of replies (and the usage chunk out of streams). */
  noUsage?: boolean;
  /** Stream: destroy the connection after this many content chunks. */
  dropAfterChunks?: number;
}

export function parseModeHeader(value: string | string[] | undefined): MockMode | null {
  if (!value) return null;
  const text = Array.isArray(value) ? value.join(',') : value;
  const mode: MockMode = {};
  for (const part of text.split(',')) {
    const [k, v = ''] = part.split('=').map((s) => s.trim());
    if (!k) continue;
    if (k === 'error') mode.error = v as MockError;
    else if (k === 'noUsage') mode.noUsage = v !== 'false';
    else if (k in numericKeys) (mode as Record<string, number>)[k] = Number(v);
  }
  return mode;
}

const numericKeys = { delayMs: 1, pauseAfterChunks: 1, pauseMs: 1, chunkDelayMs: 1, dropAfterChunks: 1 };

export interface MockErrorReply {
  status: number;
  headers: Record<string, string>;
  body: { error: { message: string; type: string; param: string | null; code: string | null } };
}

/** Error bodies exactly as OpenAI sends them. */
export function errorReply(error: Exclude<MockError, 'reset'>): MockErrorReply {
  const e = (status: number, message: string, type: string, code: string | null, headers = {}) => ({
    status,
    headers,
    body: { error: { message, type, param: null, code } },
  });
  switch (error) {
    case 'rate_limit':
      return e(
        429,
        'Rate limit reached for gpt-4o in organization org-mock on requests per min (RPM): Limit 3, Used 3, Requested 1.',
        'requests',
        'rate_limit_exceeded',
        { 'retry-after': '1', 'x-ratelimit-remaining-requests': '0' },
      );
    case 'server_error':
      return e(
        500,
        'The server had an error while processing your request. Sorry about that!',
        'server_error',
        null,
      );
    case 'unavailable':
      return e(503, 'The engine is currently overloaded, please try again later.', 'server_error', null);
    case 'invalid_api_key':
      return invalidKey('sk-mock…');
    case 'insufficient_quota':
      return e(
        429,
        'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
        'insufficient_quota',
        'insufficient_quota',
      );
    case 'deactivated':
      return e(
        403,
        'Your account is not active, please check your billing details on our website.',
        'invalid_request_error',
        'account_deactivated',
      );
  }
}

export function invalidKey(shownKey: string): MockErrorReply {
  return {
    status: 401,
    headers: {},
    body: {
      error: {
        message: `Incorrect API key provided: ${shownKey}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_api_key',
      },
    },
  };
}
