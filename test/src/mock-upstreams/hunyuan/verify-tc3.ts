import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The mock's own TC3-HMAC-SHA256 check (Tencent Cloud API 3.0 signature v3,
 * https://cloud.tencent.com/document/api/1729/101843): rebuilds the canonical request from
 * the headers and body it received, derives the signing key from the SecretKey of the
 * SecretId in the Credential, and compares signatures. Errors use Tencent's codes.
 */
export type Tc3Check = { ok: true; secretId: string } | { ok: false; code: string; message: string };

export interface Tc3Input {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const sha256hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s, 'utf8').digest();

export function canonicalRequestOf(input: Tc3Input, signedHeaders: string[]): string {
  const headerLines = signedHeaders
    .map(
      (name) =>
        `${name}:${String(input.headers[name] ?? '')
          .trim()
          .toLowerCase()}\n`,
    )
    .join('');
  return [
    input.method,
    input.path,
    input.query,
    headerLines,
    signedHeaders.join(';'),
    sha256hex(input.body),
  ].join('\n');
}

export function tc3Signature(secretKey: string, date: string, service: string, stringToSign: string): string {
  const secretDate = hmac(`TC3${secretKey}`, date);
  const secretService = hmac(secretDate, service);
  const secretSigning = hmac(secretService, 'tc3_request');
  return createHmac('sha256', secretSigning).update(stringToSign, 'utf8').digest('hex');
}

export function verifyTc3(input: Tc3Input, secrets: Map<string, string>, nowMs: number): Tc3Check {
  const auth = String(input.headers.authorization ?? '');
  const m =
    /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (!m)
    return {
      ok: false,
      code: 'AuthFailure.InvalidAuthorization',
      message: 'Authorization header is malformed.',
    };
  const [, secretId, date, service, signedList, signature] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const signed = signedList.split(';');
  if (!signed.includes('content-type') || !signed.includes('host'))
    return {
      ok: false,
      code: 'AuthFailure.InvalidAuthorization',
      message: 'SignedHeaders must include content-type and host.',
    };
  const timestamp = Number(input.headers['x-tc-timestamp']);
  if (!Number.isInteger(timestamp) || Math.abs(nowMs / 1000 - timestamp) > 300)
    return {
      ok: false,
      code: 'AuthFailure.SignatureExpire',
      message: 'Signature expired. Timestamp and server time differ by more than 5 minutes.',
    };
  if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date)
    return {
      ok: false,
      code: 'AuthFailure.SignatureFailure',
      message: 'The credential date does not match the timestamp.',
    };
  const secretKey = secrets.get(secretId);
  if (!secretKey)
    return { ok: false, code: 'AuthFailure.SecretIdNotFound', message: 'The SecretId is not found.' };
  const stringToSign = [
    'TC3-HMAC-SHA256',
    String(timestamp),
    `${date}/${service}/tc3_request`,
    sha256hex(canonicalRequestOf(input, signed)),
  ].join('\n');
  const expected = Buffer.from(tc3Signature(secretKey, date, service, stringToSign), 'hex');
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return {
      ok: false,
      code: 'AuthFailure.SignatureFailure',
      message: 'The provided credentials could not be validated.',
    };
  return { ok: true, secretId };
}
