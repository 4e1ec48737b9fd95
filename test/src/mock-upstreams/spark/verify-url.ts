import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The mock's own check of an iFlytek HMAC-signed URL, written from the authentication doc
 * (https://www.xfyun.cn/doc/spark/general_url_authentication.html): the `authorization`
 * query parameter is base64 of `api_key="…", algorithm="hmac-sha256", headers="host date
 * request-line", signature="…"`, where signature = base64(HMAC-SHA256(APISecret,
 * "host: <host>\ndate: <date>\nGET <path> HTTP/1.1")); `date` must be within 300 s.
 * Answers like the real gateway: 401 on a bad signature, 403 on a bad date.
 */
export type UrlCheck = { ok: true; apiKey: string } | { ok: false; status: 401 | 403; message: string };

export function sparkSignature(apiSecret: string, host: string, date: string, path: string): string {
  return createHmac('sha256', apiSecret)
    .update(`host: ${host}\ndate: ${date}\nGET ${path} HTTP/1.1`)
    .digest('base64');
}

export function verifySparkUrl(
  query: URLSearchParams,
  path: string,
  requestHost: string | undefined,
  secrets: Map<string, string>,
  nowMs: number,
): UrlCheck {
  const authorization = query.get('authorization');
  const date = query.get('date');
  const host = query.get('host');
  if (!authorization || !date || !host) return { ok: false, status: 401, message: 'Unauthorized' };
  const when = Date.parse(date);
  if (Number.isNaN(when) || Math.abs(nowMs - when) > 300_000)
    return {
      ok: false,
      status: 403,
      message:
        'HMAC signature cannot be verified, a valid date or x-date header is required for HMAC Authentication',
    };
  if (requestHost !== undefined && requestHost !== host)
    return { ok: false, status: 401, message: 'HMAC signature does not match' };
  const fields = parseAuthorization(Buffer.from(authorization, 'base64').toString('utf8'));
  const secret = fields.api_key ? secrets.get(fields.api_key) : undefined;
  if (!secret) return { ok: false, status: 401, message: 'HMAC signature does not match' };
  if (fields.algorithm !== 'hmac-sha256' || fields.headers !== 'host date request-line' || !fields.signature)
    return { ok: false, status: 401, message: 'HMAC signature does not match' };
  const expected = Buffer.from(sparkSignature(secret, host, date, path), 'base64');
  const given = Buffer.from(fields.signature, 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, status: 401, message: 'HMAC signature does not match' };
  return { ok: true, apiKey: fields.api_key! };
}

/** `a="x", b="y"` → {a: "x", b: "y"}. */
export function parseAuthorization(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([a-z_]+)="([^"]*)"/g)) out[m[1]!] = m[2]!;
  return out;
}
