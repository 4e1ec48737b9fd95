import { createHash, createHmac } from 'node:crypto';
import type { AdapterContext } from '../contract.js';
import { upstreamError } from '../cn-common/error-kinds.js';

/**
 * Zhipu open platform v4 auth (https://open.bigmodel.cn/dev/api/http-call/http-auth): the key
 * "id.secret" signs a JWT, HS256 with the header {"alg":"HS256","sign_type":"SIGN"} and the
 * payload {api_key: id, exp, timestamp}, both times in milliseconds. A token lives one hour
 * and is cached per key; the credential cache drops it a minute before `exp`.
 */
const TOKEN_TTL_MS = 3600 * 1000;

export function zhipuJwtCacheKey(ctx: AdapterContext): string {
  return `zhipu:jwt:${createHash('sha256').update(ctx.key).digest('hex').slice(0, 32)}`;
}

export async function zhipuToken(ctx: AdapterContext): Promise<string> {
  return ctx.cache.get(zhipuJwtCacheKey(ctx), async () => {
    const now = Date.now();
    return { value: signZhipuJwt(ctx.key, now, now + TOKEN_TTL_MS), expiresAt: now + TOKEN_TTL_MS };
  });
}

export function signZhipuJwt(key: string, timestampMs: number, expMs: number): string {
  const dot = key.indexOf('.');
  if (dot <= 0 || dot === key.length - 1)
    throw upstreamError('auth', 0, 'zhipu: channel key is not "id.secret"', '');
  const id = key.slice(0, dot);
  const secret = key.slice(dot + 1);
  const header = b64url(JSON.stringify({ alg: 'HS256', sign_type: 'SIGN' }));
  const payload = b64url(JSON.stringify({ api_key: id, exp: expMs, timestamp: timestampMs }));
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

function b64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
