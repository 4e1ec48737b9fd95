import { describe, expect, it } from 'vitest';
import { parseAuthorization, sparkSignature, verifySparkUrl } from './verify-url.js';

// iFlytek's worked example (general URL authentication doc): APISecret, APIKey, date and path
// below, with the signature and authorization the doc gives for them.
const DOC = {
  apiKey: 'addd2272b6d8b7c8abdd79531420ca3b',
  apiSecret: 'MjlmNzkzNmZkMDQ2OTc0ZDdmNGE2ZTZi',
  host: 'spark-api.xf-yun.com',
  date: 'Fri, 05 May 2023 10:43:39 GMT',
  path: '/v1.1/chat',
  signature: 'z5gHdu3pxVV4ADMyk467wOWDQ9q6BQzR3nfMTjc/DaQ=',
  authorization:
    'YXBpX2tleT0iYWRkZDIyNzJiNmQ4YjdjOGFiZGQ3OTUzMTQyMGNhM2IiLCBhbGdvcml0aG09ImhtYWMtc2hhMjU2IiwgaGVhZGVycz0iaG9zdCBkYXRlIHJlcXVlc3QtbGluZSIsIHNpZ25hdHVyZT0iejVnSGR1M3B4VlY0QURNeWs0Njd3T1dEUTlxNkJRelIzbmZNVGpjL0RhUT0i',
};

describe('mock spark URL verifier', () => {
  const secrets = new Map([[DOC.apiKey, DOC.apiSecret]]);
  const when = Date.parse(DOC.date);
  const query = (over: Record<string, string> = {}) =>
    new URLSearchParams({ authorization: DOC.authorization, date: DOC.date, host: DOC.host, ...over });

  it('computes the documented signature and reads the documented authorization', () => {
    expect(sparkSignature(DOC.apiSecret, DOC.host, DOC.date, DOC.path)).toBe(DOC.signature);
    expect(parseAuthorization(Buffer.from(DOC.authorization, 'base64').toString())).toEqual({
      api_key: DOC.apiKey,
      algorithm: 'hmac-sha256',
      headers: 'host date request-line',
      signature: DOC.signature,
    });
  });

  it('accepts the documented URL at its date and refuses any change', () => {
    expect(verifySparkUrl(query(), DOC.path, DOC.host, secrets, when + 10_000)).toEqual({
      ok: true,
      apiKey: DOC.apiKey,
    });
    expect(verifySparkUrl(query(), '/v3.5/chat', DOC.host, secrets, when)).toMatchObject({
      ok: false,
      status: 401,
    });
    expect(
      verifySparkUrl(query({ host: 'evil.example' }), DOC.path, 'evil.example', secrets, when),
    ).toMatchObject({ status: 401 });
    expect(verifySparkUrl(query(), DOC.path, 'other-host', secrets, when)).toMatchObject({ status: 401 });
    expect(verifySparkUrl(query(), DOC.path, DOC.host, new Map([[DOC.apiKey, 'x']]), when)).toMatchObject({
      status: 401,
    });
  });

  it('refuses a date more than 300 s away with 403', () => {
    expect(verifySparkUrl(query(), DOC.path, DOC.host, secrets, when + 301_000)).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(verifySparkUrl(query(), DOC.path, DOC.host, secrets, when - 301_000)).toMatchObject({
      ok: false,
      status: 403,
    });
  });
});
