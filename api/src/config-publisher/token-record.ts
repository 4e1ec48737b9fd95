import type { TokenRecord } from '@switchboard/shared/relay-config';
import type { Token } from '../modules/token/token.entity.js';
import type { User } from '../modules/user/user.entity.js';

/** What the relay needs to admit a request with this token (see shared TokenRecord). */
export function toTokenRecord(t: Token, owner: User): TokenRecord {
  return {
    id: t.id,
    userId: owner.id,
    name: t.name,
    status: t.status,
    userStatus: owner.status,
    expiresAt: t.expiresAt ? t.expiresAt.getTime() : null,
    unlimited: t.unlimited,
    models: t.models?.length ? t.models : null,
    ipWhitelist: t.ipWhitelist?.length ? t.ipWhitelist : null,
    group: t.group ?? owner.group,
    rpm: t.rpm,
    tpm: t.tpm,
    userRpm: owner.rpm,
    userTpm: owner.tpm,
    playground: t.playground,
  };
}
