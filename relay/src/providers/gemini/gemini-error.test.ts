import { describe, expect, it } from 'vitest';
import { geminiError } from './gemini-error.js';

const body = (code: number, status: string, message: string, details: unknown[] = []) =>
  JSON.stringify({ error: { code, message, status, details } });

describe('geminiError classification', () => {
  it.each([
    [
      400,
      body(400, 'INVALID_ARGUMENT', 'API key expired. Please renew the API key.'),
      { status: 401, fatal: 'key', retryable: true },
    ],
    [
      403,
      body(403, 'PERMISSION_DENIED', 'Your API key was reported as leaked. Please use another API key.'),
      { status: 401, fatal: 'key', retryable: true },
    ],
    [
      400,
      body(400, 'FAILED_PRECONDITION', 'User location is not supported for the API use.'),
      { status: 503, fatal: 'channel', retryable: true },
    ],
    [
      400,
      body(
        400,
        'FAILED_PRECONDITION',
        'Gemini API free tier is not available in your country. Please enable billing on your project in Google AI Studio.',
      ),
      { status: 503, fatal: 'key', retryable: true },
    ],
    [
      429,
      body(429, 'RESOURCE_EXHAUSTED', 'Resource has been exhausted (e.g. check quota).'),
      { status: 429, fatal: null, retryable: true },
    ],
    [
      404,
      body(404, 'NOT_FOUND', 'models/gemini-9 is not found for API version v1beta'),
      { status: 404, fatal: null, retryable: false },
    ],
    [
      504,
      body(504, 'DEADLINE_EXCEEDED', 'Deadline expired before operation could complete.'),
      { status: 504, fatal: null, retryable: true },
    ],
    [502, '<html>Bad Gateway</html>', { status: 502, fatal: null, retryable: true }],
  ])('%i %s', (status, text, expected) => {
    expect(geminiError(status, text, 'AIzaSecretKey123').info).toMatchObject({
      ...expected,
      upstreamStatus: status,
    });
  });

  it('keeps the key out of the detail and URLs out of the client message', () => {
    const e = geminiError(
      400,
      body(
        400,
        'INVALID_ARGUMENT',
        'Bad request for key AIzaSecretKey123, see https://internal.example/x?key=AIzaSecretKey123',
      ),
      'AIzaSecretKey123',
    );
    expect(e.info.detail).not.toContain('AIzaSecretKey123');
    expect(e.info.message).not.toContain('AIzaSecretKey123');
    expect(e.info.message).not.toContain('internal.example');
    expect(e.info.message).not.toContain('10.1.2.3');
    expect(e.info.status).toBe(400);
  });
});
