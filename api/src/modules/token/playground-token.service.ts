import type { EntityManager } from '@mikro-orm/core';
import { generateTokenKey, hashTokenKey } from '@switchboard/shared/crypto';
import type { App } from '../../app.js';
import type { GraphqlContext } from '../../graphql/context.js';
import { Token } from './token.entity.js';

type Ctx = Pick<GraphqlContext, 'em' | 'user'>;

/** How long a playground token works. */
export const PLAYGROUND_TOKEN_TTL_MS = 15 * 60_000;
/** Live playground tokens per user (several console tabs); older ones are revoked. */
export const PLAYGROUND_TOKENS_PER_USER = 3;

/**
 * Short-lived tokens the console's playground uses to call /v1 as the signed-in user: billed to
 * that user's balance (unlimited token quota), the user's group and all its models, any address.
 * Stored like every token (hash in MySQL, record in Redis); never listed nor exported.
 */
export class PlaygroundTokenService {
  constructor(private readonly app: App) {}

  async create(ctx: Ctx): Promise<{ key: string; expiresAt: Date }> {
    const user = ctx.user!;
    const key = generateTokenKey();
    const expiresAt = new Date(Date.now() + PLAYGROUND_TOKEN_TTL_MS);
    const token = ctx.em.create(Token, {
      user,
      name: 'playground',
      keyHash: hashTokenKey(key),
      keyPrefix: key.slice(0, 7),
      playground: true,
      unlimited: true,
      expiresAt,
    });
    await ctx.em.flush();
    await this.app.publisher.syncTokens(ctx.em, [token]);
    await this.revokeStale(ctx.em, user.id);
    return { key, expiresAt };
  }

  /** The user's expired playground tokens and those beyond the newest few. */
  private async revokeStale(em: EntityManager, userId: number): Promise<void> {
    const tokens = await em.find(Token, { user: userId, playground: true }, { orderBy: { id: 'desc' } });
    const now = Date.now();
    const stale = tokens.filter(
      (t, i) => i >= PLAYGROUND_TOKENS_PER_USER || (t.expiresAt != null && t.expiresAt.getTime() <= now),
    );
    await this.remove(em, stale);
  }

  /** Deletes every expired playground token (maintenance job). Returns how many. */
  async pruneExpired(now = new Date()): Promise<number> {
    let count = 0;
    for (;;) {
      const em = this.app.orm.em.fork();
      const batch = await em.find(
        Token,
        { playground: true, expiresAt: { $lte: now } },
        { orderBy: { id: 'asc' }, limit: 500, fields: ['id', 'keyHash', 'user'] },
      );
      if (!batch.length) return count;
      count += await this.remove(em, batch);
      if (batch.length < 500) return count;
    }
  }

  private async remove(em: EntityManager, tokens: Pick<Token, 'id' | 'keyHash' | 'user'>[]): Promise<number> {
    if (!tokens.length) return 0;
    // MySQL first: a Redis record without a row is re-deleted by the next run, never the reverse.
    const n = await em.nativeDelete(Token, { id: { $in: tokens.map((t) => t.id) }, playground: true });
    await this.app.publisher.deleteTokens(
      tokens.map((t) => ({ id: t.id, keyHash: t.keyHash, userId: t.user.id })),
    );
    return n;
  }
}
