import { hashTokenKey } from '@switchboard/shared/crypto';
import { type TokenRecord, tokenRecordSchema } from '@switchboard/shared/relay-config';
import type { RedisKeys } from '@switchboard/shared/redis-keys';
import { RelayError } from '../http/relay-error.js';
import type { RedisClient } from '../redis.js';
import { inRanges, parseCidrs } from './client-ip.js';
import { Lru } from './lru.js';

export interface AuthedToken {
  keyHash: string;
  record: TokenRecord;
  /** Parsed IP whitelist (null = any). */
  whitelist: ReturnType<typeof parseCidrs> | null;
  models: Set<string> | null;
}

const NEGATIVE_TTL_MS = 2_000;

/**
 * Finds the token for a bearer key: SHA-256 of the key → in-process LRU → Redis hash
 * `token(keyHash)` field `d`. A miss also checks that the config snapshot exists, so an
 * emptied Redis (being rebuilt by the api) answers 503, never 401.
 */
export class TokenAuthenticator {
  private readonly cache: Lru<AuthedToken | null>;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    size: number,
    private readonly ttlMs: number,
  ) {
    this.cache = new Lru(size);
  }

  invalidate(keyHashes: string[] | null): void {
    if (keyHashes === null) this.cache.clear();
    else for (const h of keyHashes) this.cache.delete(h);
  }

  async authenticate(
    authorization: string | undefined,
    apiKeyHeader?: string | string[],
  ): Promise<AuthedToken> {
    const key = bearer(authorization) ?? (typeof apiKeyHeader === 'string' ? apiKeyHeader.trim() : null);
    if (!key)
      throw new RelayError(
        'invalid_api_key',
        'You did not provide an API key. Send it as "Authorization: Bearer sk-...".',
      );
    const keyHash = hashTokenKey(key);
    let token = this.cache.get(keyHash);
    if (token === undefined) {
      const [data, snapshotExists] = await Promise.all([
        this.redis.hget(this.keys.token(keyHash), 'd'),
        this.redis.exists(this.keys.configSnapshot),
      ]);
      if (!snapshotExists)
        throw new RelayError('not_ready', 'The gateway is loading its configuration. Retry shortly.', {
          'retry-after': '2',
        });
      token = data ? toAuthed(keyHash, data) : null;
      this.cache.set(keyHash, token, token ? this.ttlMs : NEGATIVE_TTL_MS);
    }
    if (!token) throw new RelayError('invalid_api_key', 'Incorrect API key provided.');
    const r = token.record;
    if (r.status !== 'enabled' || r.userStatus !== 'enabled')
      throw new RelayError('token_disabled', 'This API key or its account is disabled.');
    if (r.expiresAt !== null && r.expiresAt <= Date.now())
      throw new RelayError('token_expired', 'This API key has expired.');
    return token;
  }
}

export function checkIp(token: AuthedToken, ip: string): void {
  if (token.whitelist && !inRanges(ip, token.whitelist))
    throw new RelayError('ip_not_allowed', `This API key may not be used from ${ip}.`);
}

export function modelAllowed(token: AuthedToken, model: string): boolean {
  return token.models === null || token.models.has(model);
}

function toAuthed(keyHash: string, data: string): AuthedToken | null {
  const parsed = tokenRecordSchema.safeParse(JSON.parse(data));
  if (!parsed.success) return null;
  const record = parsed.data;
  return {
    keyHash,
    record,
    whitelist: record.ipWhitelist && record.ipWhitelist.length > 0 ? parseCidrs(record.ipWhitelist) : null,
    models: record.models ? new Set(record.models) : null,
  };
}

function bearer(h: string | undefined): string | null {
  if (!h) return null;
  const m = /^Bearer\s+(.+)$/i.exec(h.trim());
  return m ? m[1]!.trim() : null;
}
