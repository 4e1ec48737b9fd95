import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkZhipuJwt, hs256Valid } from './jwt.js';

describe('mock zhipu JWT verifier', () => {
  it('accepts the HS256 worked example of RFC 7515 appendix A.1, and nothing altered', () => {
    const k = Buffer.from(
      'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow',
      'base64url',
    );
    const jws =
      'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9' +
      '.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ' +
      '.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    expect(hs256Valid(jws, k)).toBe(true);
    expect(hs256Valid(jws.replace('.eyJpc3', '.eyJpc4'), k)).toBe(false);
    expect(hs256Valid(jws, Buffer.from('other key'))).toBe(false);
  });

  // Tokens built by hand here, following Zhipu's documented layout.
  const secrets = new Map([['kid', 'ksecret']]);
  const make = (header: object, payload: object, secret = 'ksecret') => {
    const h = Buffer.from(JSON.stringify(header)).toString('base64url');
    const p = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `Bearer ${h}.${p}.${createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url')}`;
  };
  const header = { alg: 'HS256', sign_type: 'SIGN' };
  const now = 1_700_000_000_000;

  it('checks key id, signature, header and exp in milliseconds', () => {
    expect(
      checkZhipuJwt(make(header, { api_key: 'kid', exp: now + 1000, timestamp: now }), secrets, now),
    ).toEqual({
      ok: true,
      apiKeyId: 'kid',
    });
    expect(
      checkZhipuJwt(make(header, { api_key: 'kid', exp: now - 1, timestamp: now }), secrets, now),
    ).toEqual({
      ok: false,
      code: '1003',
    });
    // exp in seconds is in the past when read as milliseconds.
    expect(
      checkZhipuJwt(make(header, { api_key: 'kid', exp: now / 1000 + 60, timestamp: now }), secrets, now).ok,
    ).toBe(false);
    expect(
      checkZhipuJwt(make(header, { api_key: 'kid', exp: now + 1000, timestamp: now }, 'wrong'), secrets, now),
    ).toEqual({
      ok: false,
      code: '1004',
    });
    expect(
      checkZhipuJwt(
        make({ alg: 'HS256', typ: 'JWT' }, { api_key: 'kid', exp: now + 1000, timestamp: now }),
        secrets,
        now,
      ),
    ).toEqual({
      ok: false,
      code: '1002',
    });
    expect(checkZhipuJwt(undefined, secrets, now)).toEqual({ ok: false, code: '1001' });
  });
});
