import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalRequestOf, type Tc3Input, verifyTc3 } from './verify-tc3.js';

// Tencent Cloud's worked example for signature v3 (CVM DescribeInstances, 2019-02-25): its
// SecretKey, timestamp, body and headers, and the hashes and signature the doc gives.
const DOC_SECRET_KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
const DOC_BODY = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';
const DOC_SIGNATURE = '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168';
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function docRequest(signature = DOC_SIGNATURE, over: Record<string, string> = {}): Tc3Input {
  return {
    method: 'POST',
    path: '/',
    query: '',
    body: DOC_BODY,
    headers: {
      authorization: `TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`,
      'content-type': 'application/json; charset=utf-8',
      host: 'cvm.tencentcloudapi.com',
      'x-tc-action': 'DescribeInstances',
      'x-tc-timestamp': '1551113065',
      'x-tc-version': '2017-03-12',
      'x-tc-region': 'ap-guangzhou',
      ...over,
    },
  };
}

describe('mock hunyuan TC3 verifier', () => {
  const secrets = new Map([['AKIDEXAMPLE', DOC_SECRET_KEY]]);
  const at = 1551113065 * 1000;

  it('rebuilds the documented payload hash and canonical request hash', () => {
    expect(sha(DOC_BODY)).toBe('35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064');
    expect(sha(canonicalRequestOf(docRequest(), ['content-type', 'host']))).toBe(
      '5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
    );
  });

  it('accepts the documented signature and refuses altered requests', () => {
    expect(verifyTc3(docRequest(), secrets, at + 30_000)).toEqual({ ok: true, secretId: 'AKIDEXAMPLE' });
    expect(verifyTc3({ ...docRequest(), body: DOC_BODY.replace('1', '2') }, secrets, at)).toMatchObject({
      code: 'AuthFailure.SignatureFailure',
    });
    expect(
      verifyTc3(docRequest(DOC_SIGNATURE, { 'content-type': 'application/json' }), secrets, at),
    ).toMatchObject({
      code: 'AuthFailure.SignatureFailure',
    });
    expect(verifyTc3(docRequest(DOC_SIGNATURE.replace('72', '27')), secrets, at)).toMatchObject({
      code: 'AuthFailure.SignatureFailure',
    });
    expect(verifyTc3(docRequest(), new Map(), at)).toMatchObject({ code: 'AuthFailure.SecretIdNotFound' });
  });

  it('refuses a timestamp more than five minutes away', () => {
    expect(verifyTc3(docRequest(), secrets, at + 301_000)).toMatchObject({
      code: 'AuthFailure.SignatureExpire',
    });
  });
});
