import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalRequest, canonicalUri, signingKey, stringToSign, verifySigV4 } from './verify-sigv4.js';

/**
 * The mock's SigV4 verifier against AWS's own worked examples (fixed credentials, fixed
 * time), so that the mock is known right independently of the relay's signer.
 */
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const secrets = { secretFor: (id: string) => (id === 'AKIDEXAMPLE' ? SECRET : undefined) };
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('verifySigV4 against AWS worked examples', () => {
  it('IAM ListUsers (AWS General Reference, "Signature Version 4 signing process")', () => {
    const req = {
      method: 'GET',
      target: '/?Action=ListUsers&Version=2010-05-08',
      headers: {
        host: 'iam.amazonaws.com',
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        'x-amz-date': '20150830T123600Z',
      },
      body: '',
    };
    const canonical = canonicalRequest(req, ['content-type', 'host', 'x-amz-date'], EMPTY_SHA256);
    expect(canonical).toBe(
      [
        'GET',
        '/',
        'Action=ListUsers&Version=2010-05-08',
        'content-type:application/x-www-form-urlencoded; charset=utf-8',
        'host:iam.amazonaws.com',
        'x-amz-date:20150830T123600Z',
        '',
        'content-type;host;x-amz-date',
        EMPTY_SHA256,
      ].join('\n'),
    );
    const sts = stringToSign('20150830T123600Z', '20150830/us-east-1/iam/aws4_request', canonical);
    expect(sts.split('\n')[3]).toBe('f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59');
    const key = signingKey(SECRET, '20150830', 'us-east-1', 'iam');
    expect(key.toString('hex')).toBe('c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9');
    const signature = createHmac('sha256', key).update(sts).digest('hex');
    expect(signature).toBe('5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7');

    const authorization = `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=${signature}`;
    expect(verifySigV4({ ...req, headers: { ...req.headers, authorization } }, secrets)).toEqual({
      ok: true,
      accessKeyId: 'AKIDEXAMPLE',
      region: 'us-east-1',
      service: 'iam',
    });
  });

  it('get-vanilla (AWS SigV4 test suite)', () => {
    const headers = {
      host: 'example.amazonaws.com',
      'x-amz-date': '20150830T123600Z',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    };
    expect(verifySigV4({ method: 'GET', target: '/', headers, body: '' }, secrets).ok).toBe(true);
  });

  it('refuses a changed body, a changed header, a wrong secret, an unknown key, a stale date', () => {
    const base = {
      method: 'GET',
      target: '/',
      headers: {
        host: 'example.amazonaws.com',
        'x-amz-date': '20150830T123600Z',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
      },
      body: '',
    };
    expect(verifySigV4({ ...base, body: 'x' }, secrets)).toMatchObject({
      ok: false,
      error: 'InvalidSignatureException',
    });
    expect(
      verifySigV4({ ...base, headers: { ...base.headers, host: 'evil.example' } }, secrets),
    ).toMatchObject({ ok: false, error: 'InvalidSignatureException' });
    expect(verifySigV4(base, { secretFor: () => 'other' })).toMatchObject({
      ok: false,
      error: 'InvalidSignatureException',
    });
    expect(verifySigV4(base, { secretFor: () => undefined })).toMatchObject({
      ok: false,
      error: 'UnrecognizedClientException',
    });
    expect(
      verifySigV4(base, secrets, { now: new Date('2015-08-30T13:36:00Z'), maxSkewMs: 300_000 }),
    ).toMatchObject({ ok: false, error: 'InvalidSignatureException' });
  });

  it('canonical URI encodes each path segment once more (Bedrock model ids with ":")', () => {
    expect(canonicalUri('/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse')).toBe(
      '/model/anthropic.claude-3-haiku-20240307-v1%253A0/converse',
    );
  });
});
