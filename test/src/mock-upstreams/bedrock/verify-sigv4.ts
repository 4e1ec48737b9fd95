import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The mock's own AWS Signature Version 4 check (AWS General Reference, "Create a signed AWS API
 * request"), written apart from the relay's signer and tested against AWS's worked examples.
 * It rebuilds the canonical request from what actually arrived — method, raw path, query,
 * the signed headers' values, the body's hash — derives the signing key from the secret it
 * knows for the access key id, and compares signatures.
 */
export interface SigV4Secrets {
  /** Secret access key by access key id. */
  secretFor(accessKeyId: string): string | undefined;
  /** Session tokens the mock accepts for temporary credentials, by access key id. */
  sessionTokenFor?(accessKeyId: string): string | undefined;
}

export interface SigV4Request {
  method: string;
  /** The request target as received (path and query, still percent-encoded). */
  target: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer | string;
}

export type SigV4Result =
  | { ok: true; accessKeyId: string; region: string; service: string }
  | {
      ok: false;
      /** AWS's error type for it: unknown key, bad signature, or missing/expired auth. */
      error:
        | 'UnrecognizedClientException'
        | 'InvalidSignatureException'
        | 'MissingAuthenticationTokenException'
        | 'ExpiredTokenException';
      message: string;
    };

const sha256Hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** RFC 3986 unreserved characters stay; everything else is %XX, upper-case hex. */
function uriEncode(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-._~]/.test(c)) out += c;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * Canonical URI: every path segment URI-encoded once more (all services but S3), so a path
 * that arrived as `/model/a%3A0/converse` is signed as `/model/a%253A0/converse`.
 */
export function canonicalUri(rawPath: string): string {
  if (rawPath === '' || rawPath === '/') return '/';
  return rawPath
    .split('/')
    .map((segment) => uriEncode(segment))
    .join('/');
}

export function canonicalQuery(rawQuery: string): string {
  if (!rawQuery) return '';
  const pairs = rawQuery
    .split('&')
    .filter(Boolean)
    .map((p) => {
      const i = p.indexOf('=');
      const k = decodeURIComponent(i < 0 ? p : p.slice(0, i));
      const v = i < 0 ? '' : decodeURIComponent(p.slice(i + 1).replace(/\+/g, '%20'));
      return [uriEncode(k), uriEncode(v)] as const;
    });
  pairs.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

function headerValue(v: string | string[] | undefined): string {
  const joined = Array.isArray(v) ? v.join(',') : (v ?? '');
  return joined.trim().replace(/\s+/g, ' ');
}

export function canonicalRequest(req: SigV4Request, signedHeaders: string[], payloadHash: string): string {
  const q = req.target.indexOf('?');
  const path = q < 0 ? req.target : req.target.slice(0, q);
  const query = q < 0 ? '' : req.target.slice(q + 1);
  const lower: Record<string, string | string[] | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) lower[k.toLowerCase()] = v;
  const canonicalHeaders = signedHeaders.map((h) => `${h}:${headerValue(lower[h])}\n`).join('');
  return [
    req.method.toUpperCase(),
    canonicalUri(path),
    canonicalQuery(query),
    canonicalHeaders,
    signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
}

export function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  const kDate = hmac(`AWS4${secret}`, date);
  const kRegion = hmac(kDate, region);
  const kService = hmac(kRegion, service);
  return hmac(kService, 'aws4_request');
}

export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonical)].join('\n');
}

/** Verifies the Authorization header of a received request. */
export function verifySigV4(
  req: SigV4Request,
  secrets: SigV4Secrets,
  opts: { now?: Date; maxSkewMs?: number } = {},
): SigV4Result {
  const h: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) h[k.toLowerCase()] = headerValue(v);
  const auth = h.authorization ?? '';
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (!m)
    return {
      ok: false,
      error: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
    };
  const [, accessKeyId, date, region, service, signed, signature] = m as unknown as string[];
  const secret = secrets.secretFor(accessKeyId!);
  if (secret === undefined)
    return {
      ok: false,
      error: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    };
  const expectedToken = secrets.sessionTokenFor?.(accessKeyId!);
  if (expectedToken !== undefined && h['x-amz-security-token'] !== expectedToken)
    return {
      ok: false,
      error: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    };
  const amzDate = h['x-amz-date'] ?? '';
  const signedHeaders = signed!.split(';');
  if (!signedHeaders.includes('host') || !/^\d{8}T\d{6}Z$/.test(amzDate) || !amzDate.startsWith(date!))
    return {
      ok: false,
      error: 'InvalidSignatureException',
      message: 'The request signature we calculated does not match the signature you provided.',
    };
  if (opts.maxSkewMs !== undefined) {
    const at = Date.parse(
      `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
    );
    if (Math.abs((opts.now ?? new Date()).getTime() - at) > opts.maxSkewMs)
      return { ok: false, error: 'InvalidSignatureException', message: 'Signature expired.' };
  }
  const payloadHash = h['x-amz-content-sha256'] ?? sha256Hex(req.body);
  if (payloadHash !== sha256Hex(req.body))
    return {
      ok: false,
      error: 'InvalidSignatureException',
      message: 'The request signature we calculated does not match the signature you provided.',
    };
  const canonical = canonicalRequest(req, signedHeaders, payloadHash);
  const scope = `${date}/${region}/${service}/aws4_request`;
  const expected = createHmac('sha256', signingKey(secret, date!, region!, service!))
    .update(stringToSign(amzDate, scope, canonical))
    .digest();
  if (!timingSafeEqual(expected, Buffer.from(signature!, 'hex')))
    return {
      ok: false,
      error: 'InvalidSignatureException',
      message: 'The request signature we calculated does not match the signature you provided.',
    };
  return { ok: true, accessKeyId: accessKeyId!, region: region!, service: service! };
}
