import { createHash } from 'node:crypto';
import type { AdapterContext } from '../contract.js';
import { upstreamError } from '../cn-common/error-kinds.js';
import { isRecord, joinUrl, parseJson, readText, scrub, sendUpstream } from '../upstream-http.js';

/**
 * Baidu AI Cloud OAuth (client_credentials): the channel key "APIKey|SecretKey" buys an
 * access_token valid for 30 days (expires_in 2592000). Tokens are cached per key and base URL
 * and replaced a day before they lapse, so a long-running relay never sends an expired one;
 * a token the server still rejects (error_code 110/111) is dropped and fetched again once.
 * https://cloud.baidu.com/doc/WENXINWORKSHOP/s/Ilkkrb0i5
 */
const REFRESH_EARLY_MS = 24 * 3600 * 1000;

export function baiduTokenCacheKey(ctx: AdapterContext): string {
  const digest = createHash('sha256').update(ctx.key).digest('hex').slice(0, 32);
  return `baidu:token:${ctx.channel.baseUrl}:${digest}`;
}

export async function baiduAccessToken(ctx: AdapterContext): Promise<string> {
  return ctx.cache.get(baiduTokenCacheKey(ctx), () => fetchToken(ctx));
}

export function forgetBaiduAccessToken(ctx: AdapterContext): void {
  ctx.cache.delete(baiduTokenCacheKey(ctx));
}

async function fetchToken(ctx: AdapterContext): Promise<{ value: string; expiresAt: number }> {
  const [apiKey, secretKey] = ctx.key.split('|');
  if (!apiKey || !secretKey)
    throw upstreamError('auth', 0, 'baidu: channel key is not "APIKey|SecretKey"', '');
  const query = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: apiKey,
    client_secret: secretKey,
  });
  const res = await sendUpstream(ctx, joinUrl(ctx.channel.baseUrl, `/oauth/2.0/token?${query}`), {
    method: 'POST',
    headers: { accept: 'application/json' },
  });
  const text = await readText(res, ctx);
  const body = parseJson(text);
  if (res.statusCode === 200 && isRecord(body) && typeof body.access_token === 'string') {
    const ttlMs = (typeof body.expires_in === 'number' ? body.expires_in : 2_592_000) * 1000;
    const early = ttlMs > 2 * REFRESH_EARLY_MS ? REFRESH_EARLY_MS : ttlMs / 10;
    return { value: body.access_token, expiresAt: Date.now() + ttlMs - early };
  }
  const detail = scrub(`baidu oauth ${res.statusCode}: ${text.slice(0, 300)}`, ctx.key);
  // invalid_client / unknown client id / Client authentication failed: the key pair is wrong.
  if (res.statusCode >= 500) throw upstreamError('server', res.statusCode, detail, '');
  if (res.statusCode === 429) throw upstreamError('rate_limit', 429, detail, '');
  throw upstreamError('auth', res.statusCode, detail, '');
}
