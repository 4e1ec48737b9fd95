import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The mock's own JWT check for Zhipu's v4 auth: HS256 over "header.payload" with the secret
 * half of the "id.secret" key; header {"alg":"HS256","sign_type":"SIGN"}; payload
 * {api_key, exp, timestamp} in milliseconds. Written from the JWS spec (RFC 7515), not from
 * the adapter's signer.
 */
export function hs256Valid(token: string, key: Buffer | string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  const expected = createHmac('sha256', key).update(`${parts[0]}.${parts[1]}`).digest();
  const given = Buffer.from(parts[2]!, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export type JwtCheck =
  | { ok: true; apiKeyId: string }
  | { ok: false; code: '1001' | '1002' | '1003' | '1004' };

export function checkZhipuJwt(
  authorization: string | undefined,
  secrets: Map<string, string>,
  nowMs: number,
): JwtCheck {
  if (!authorization?.startsWith('Bearer ')) return { ok: false, code: '1001' };
  const token = authorization.slice(7);
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, code: '1002' };
  const header = decode(parts[0]!);
  const payload = decode(parts[1]!);
  if (!header || !payload || header.alg !== 'HS256' || header.sign_type !== 'SIGN')
    return { ok: false, code: '1002' };
  const id = payload.api_key;
  const secret = typeof id === 'string' ? secrets.get(id) : undefined;
  if (!secret || !hs256Valid(token, secret)) return { ok: false, code: '1004' };
  if (typeof payload.exp !== 'number' || typeof payload.timestamp !== 'number')
    return { ok: false, code: '1002' };
  // exp and timestamp are milliseconds; a seconds value would read as long expired.
  if (payload.exp <= nowMs) return { ok: false, code: '1003' };
  return { ok: true, apiKeyId: id as string };
}

function decode(part: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof v === 'object' && v !== null ? v : null;
  } catch {
    return null;
  }
}
