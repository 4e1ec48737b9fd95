import { describe, expect, it } from 'vitest';
import { anthropicError } from './anthropic-error.js';

const body = (type: string, message: string) => JSON.stringify({ type: 'error', error: { type, message } });

describe('anthropicError classification', () => {
  it.each([
    [401, body('authentication_error', 'invalid x-api-key'), { status: 401, fatal: 'key', retryable: true }],
    [
      403,
      body('permission_error', 'Your API key does not have permission to use the specified resource.'),
      { status: 401, fatal: 'key', retryable: true },
    ],
    [402, body('billing_error', 'Payment required.'), { status: 503, fatal: 'key', retryable: true }],
    [
      413,
      body('request_too_large', 'Request exceeds the maximum allowed number of bytes.'),
      { status: 413, fatal: null, retryable: false },
    ],
    [404, body('not_found_error', 'model: claude-9'), { status: 404, fatal: null, retryable: false }],
    [
      429,
      body('rate_limit_error', 'Number of requests has exceeded your rate limit'),
      { status: 429, fatal: null, retryable: true },
    ],
    [529, body('overloaded_error', 'Overloaded'), { status: 503, fatal: null, retryable: true }],
    [500, body('api_error', 'Internal server error'), { status: 502, fatal: null, retryable: true }],
    [503, 'upstream connect error', { status: 503, fatal: null, retryable: true }],
  ])('%i %s', (status, text, expected) => {
    expect(anthropicError(status, text, 'sk-ant-secret-key').info).toMatchObject({
      ...expected,
      upstreamStatus: status,
    });
  });

  it('scrubs the key from detail and message', () => {
    const e = anthropicError(
      400,
      body('invalid_request_error', 'bad header sk-ant-secret-key'),
      'sk-ant-secret-key',
    );
    expect(JSON.stringify(e.info)).not.toContain('sk-ant-secret-key');
  });
});
