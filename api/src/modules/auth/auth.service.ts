import type { EntityManager } from '@mikro-orm/core';
import { hashTokenKey } from '@switchboard/shared/crypto';
import type { App } from '../../app.js';
import { AppError, badInput, notFound } from '../../common/errors.js';
import { AccessToken } from '../access-token/access-token.entity.js';
import { User } from '../user/user.entity.js';
import { LoginRateLimit } from './login-rate-limit.js';
import { dummyHash, verifyPassword } from './password.js';
import { generateSecret } from './secret-token.js';

export const SESSION_PREFIX = 'sbs_';
export const PERSONAL_PREFIX = 'sbp_';
export const SESSION_COOKIE = 'sb_session';

export interface IssuedToken {
  token: AccessToken;
  plain: string;
}

export class AuthService {
  private readonly rateLimit: LoginRateLimit;

  constructor(private readonly app: App) {
    this.rateLimit = new LoginRateLimit(app);
  }

  async login(
    em: EntityManager,
    username: string,
    password: string,
    ip: string | null,
  ): Promise<IssuedToken> {
    const name = username.trim();
    if (!name) throw badInput('username', 'Username is required');
    await this.rateLimit.check(name, ip);
    const user = await em.findOne(User, { username: name });
    // Verify against a dummy hash for unknown users so timing does not reveal who exists.
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
    if (!user || !ok || user.status !== 'enabled') {
      await this.rateLimit.failed(name, ip);
      throw new AppError('UNAUTHENTICATED', 'Wrong username or password, or the account is disabled');
    }
    await this.rateLimit.succeeded(name);
    user.lastLoginAt = new Date();
    const expiresAt = new Date(Date.now() + this.app.env.SESSION_TTL_HOURS * 3_600_000);
    return this.issue(em, user, 'session', 'login', expiresAt);
  }

  async issue(
    em: EntityManager,
    user: User,
    kind: 'session' | 'personal',
    name: string,
    expiresAt: Date | null,
  ): Promise<IssuedToken> {
    const secret = generateSecret(kind === 'session' ? SESSION_PREFIX : PERSONAL_PREFIX);
    const token = em.create(AccessToken, {
      user,
      name,
      kind,
      tokenHash: secret.hash,
      prefix: secret.display,
      expiresAt,
    });
    await em.flush();
    return { token, plain: secret.plain };
  }

  /** The user behind a bearer token or session cookie, or null when it is unknown/expired/disabled. */
  async authenticate(em: EntityManager, plain: string): Promise<{ user: User; token: AccessToken } | null> {
    if (!plain.startsWith(SESSION_PREFIX) && !plain.startsWith(PERSONAL_PREFIX)) return null;
    const token = await em.findOne(AccessToken, { tokenHash: hashTokenKey(plain) }, { populate: ['user'] });
    if (!token) return null;
    if (token.expiresAt && token.expiresAt.getTime() <= Date.now()) return null;
    if (token.user.status !== 'enabled') return null;
    // Write lastUsedAt at most once a minute per token.
    if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
      await em.nativeUpdate(AccessToken, { id: token.id }, { lastUsedAt: new Date() });
    }
    return { user: token.user, token };
  }

  async revoke(em: EntityManager, userId: number, tokenId: number): Promise<void> {
    const n = await em.nativeDelete(AccessToken, { id: tokenId, user: userId });
    if (!n) throw notFound('Access token');
  }
}
