import { createHash, createHmac } from 'node:crypto';

/**
 * AWS Signature Version 4 for Bedrock Runtime requests (service `bedrock`): the canonical
 * request over method, path (each segment encoded once more), query, the signed headers and
 * the body's SHA-256; the signing key chained from the secret through date, region, service.
 * The signing key depends only on (secret, day, region), so it is kept per day.
 */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** "AccessKeyId|SecretAccessKey" or "AccessKeyId|SecretAccessKey|SessionToken". */
export function parseAwsKey(key: string): AwsCredentials | null {
  const parts = key.split('|').map((p) => p.trim());
  if ((parts.length !== 2 && parts.length !== 3) || parts.some((p) => !p)) return null;
  return { accessKeyId: parts[0]!, secretAccessKey: parts[1]!, sessionToken: parts[2] };
}

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

const keyCache = new Map<string, Buffer>();

function signingKey(secret: string, day: string, region: string, service: string): Buffer {
  const id = `${sha256Hex(secret)}|${day}|${region}|${service}`;
  let key = keyCache.get(id);
  if (!key) {
    key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), service), 'aws4_request');
    if (keyCache.size > 1000) keyCache.clear();
    keyCache.set(id, key);
  }
  return key;
}

/**
 * Headers to send with the request: x-amz-date, x-amz-content-sha256, the session token if
 * any, and Authorization. `url` is the exact URL that will be sent (path already encoded once).
 */
export function signAwsRequest(input: {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string;
  credentials: AwsCredentials;
  region: string;
  service: string;
  now?: Date;
}): Record<string, string> {
  const amzDate = (input.now ?? new Date())
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const payloadHash = sha256Hex(input.body);
  const headers: Record<string, string> = {
    ...Object.fromEntries(Object.entries(input.headers).map(([k, v]) => [k.toLowerCase(), v])),
    host: input.url.host,
    'x-amz-date': amzDate,
    'x-amz-content-sha256': payloadHash,
  };
  if (input.credentials.sessionToken) headers['x-amz-security-token'] = input.credentials.sessionToken;
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((n) => `${n}:${headers[n]!.trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonicalPath = input.url.pathname.split('/').map(encodeSegment).join('/') || '/';
  const query = [...input.url.searchParams]
    .map(([k, v]) => [encodeSegment(k), encodeSegment(v)] as const)
    .sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonical = [input.method, canonicalPath, query, canonicalHeaders, names.join(';'), payloadHash].join(
    '\n',
  );
  const scope = `${day}/${input.region}/${input.service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonical)].join('\n');
  const signature = createHmac(
    'sha256',
    signingKey(input.credentials.secretAccessKey, day, input.region, input.service),
  )
    .update(toSign)
    .digest('hex');
  const { host: _host, ...toSend } = headers;
  return {
    ...toSend,
    authorization: `AWS4-HMAC-SHA256 Credential=${input.credentials.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
  };
}
