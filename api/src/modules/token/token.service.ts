import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { generateTokenKey, hashTokenKey } from '@switchboard/shared/crypto';
import type { App } from '../../app.js';
import { canonicalCidr } from '../../common/client-ip.js';
import { badInput, forbidden, notFound } from '../../common/errors.js';
import type { GraphqlContext } from '../../graphql/context.js';
import { hasRole } from '../../graphql/roles.js';
import { Group } from '../group/group.entity.js';
import { canManageUser } from '../user/user.access.js';
import { User } from '../user/user.entity.js';
import { QUOTA_RESETS, type QuotaReset, Token } from './token.entity.js';
import type { CreateTokenInput, TokenFieldsInput, UpdateTokenInput } from './token.input.js';

type Ctx = Pick<GraphqlContext, 'em' | 'user' | 'ip'>;

export interface TokenFilter {
  userId?: number | null;
  search?: string | null;
  status?: string | null;
}

/**
 * Customer tokens. MySQL is the source of truth for settings; every change rewrites the token's
 * Redis record (what the relay checks) and moves its live quota by the difference.
 */
export class TokenService {
  constructor(private readonly app: App) {}

  async create(ctx: Ctx, input: CreateTokenInput): Promise<{ token: Token; key: string }> {
    const owner = await this.owner(ctx, input.userId ?? ctx.user!.id);
    const key = generateTokenKey();
    const token = ctx.em.create(Token, {
      user: owner,
      name: this.name(input.name),
      keyHash: hashTokenKey(key),
      keyPrefix: key.slice(0, 7),
    });
    await this.applyFields(ctx.em, token, input);
    if (!token.unlimited) token.remainQuota = this.quota(input.remainQuota ?? 0n, 'remainQuota');
    await ctx.em.flush();
    await this.app.services.audit.record(ctx, 'token.create', 'token', token.id, null, auditView(token));
    await this.app.publisher.syncTokens(ctx.em, [token]);
    return { token, key };
  }

  async update(ctx: Ctx, id: number, input: UpdateTokenInput): Promise<Token> {
    const token = await this.get(ctx, id);
    const before = auditView(token);
    const wasUnlimited = token.unlimited;
    const oldRemain = token.remainQuota;
    if (input.name != null) token.name = this.name(input.name);
    if (input.status != null) {
      if (input.status !== 'enabled' && input.status !== 'disabled')
        throw badInput('status', 'enabled or disabled');
      token.status = input.status;
    }
    await this.applyFields(ctx.em, token, input);
    if (input.remainQuota != null) token.remainQuota = this.quota(input.remainQuota, 'remainQuota');
    await ctx.em.flush();
    await this.app.services.audit.record(ctx, 'token.update', 'token', token.id, before, auditView(token));
    // Limited before and after: move the live value by the admin's change, keeping the relay's
    // charges made meanwhile. Switching to limited starts it at remainQuota (SET NX in sync).
    if (!wasUnlimited && !token.unlimited) {
      await this.app.publisher.adjustTokenQuota(token.user.id, token.id, token.remainQuota - oldRemain);
    }
    await this.app.publisher.syncTokens(ctx.em, [token]);
    return token;
  }

  /** New key for the same token; the old key stops working at once. */
  async regenerate(ctx: Ctx, id: number): Promise<{ token: Token; key: string }> {
    const token = await this.get(ctx, id);
    const oldHash = token.keyHash;
    const key = generateTokenKey();
    token.keyHash = hashTokenKey(key);
    token.keyPrefix = key.slice(0, 7);
    await ctx.em.flush();
    await this.app.services.audit.record(ctx, 'token.regenerate', 'token', token.id, null, {
      keyPrefix: token.keyPrefix,
    });
    await this.app.redis.del(this.app.keys.token(oldHash));
    await this.app.publisher.syncTokens(ctx.em, [token]);
    await this.app.redis.publish(
      this.app.keys.configChannel,
      JSON.stringify({ kind: 'tokens', keyHashes: [oldHash] }),
    );
    return { token, key };
  }

  async delete(ctx: Ctx, ids: number[]): Promise<number> {
    const tokens: Token[] = [];
    for (const id of new Set(ids)) tokens.push(await this.get(ctx, id));
    for (const t of tokens) {
      await this.app.services.audit.record(ctx, 'token.delete', 'token', t.id, auditView(t), null);
      ctx.em.remove(t);
    }
    await ctx.em.flush();
    await this.app.publisher.deleteTokens(
      tokens.map((t) => ({ id: t.id, keyHash: t.keyHash, userId: t.user.id })),
    );
    return tokens.length;
  }

  /** A token the signed-in user may manage, or NOT_FOUND (never reveal others' tokens exist). */
  async get(ctx: Ctx, id: number): Promise<Token> {
    const token = await ctx.em.findOne(Token, { id, playground: false }, { populate: ['user'] });
    if (!token || !canManageUser(ctx.user!, token.user)) throw notFound(`Token ${id}`);
    return token;
  }

  /** Tokens visible to the signed-in user, filtered. */
  async list(
    ctx: Ctx,
    filter: TokenFilter,
    limit = 100,
    offset = 0,
  ): Promise<{ items: Token[]; total: number }> {
    const where = this.scope(ctx, filter);
    const [items, total] = await ctx.em.findAndCount(Token, where, {
      orderBy: { id: 'desc' },
      limit: Math.min(Math.max(limit, 1), 1000),
      offset: Math.max(offset, 0),
      populate: ['user'],
    });
    return { items, total };
  }

  scope(ctx: Ctx, filter: TokenFilter): FilterQuery<Token> {
    const actor = ctx.user!;
    // Playground tokens are the console's own short-lived keys: never listed nor exported.
    const and: FilterQuery<Token>[] = [{ playground: false }];
    if (filter.userId != null) and.push({ user: filter.userId });
    if (filter.status) and.push({ status: filter.status as Token['status'] });
    if (filter.search) {
      const like = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      and.push({ $or: [{ name: { $like: like } }, { keyPrefix: { $like: like } }] });
    }
    // Ownership: customers see their own; sales their own and customers'; admins everything but
    // root's and other admins'; root everything.
    if (actor.role === 'user') and.push({ user: actor.id });
    else if (actor.role === 'sales') and.push({ $or: [{ user: actor.id }, { user: { role: 'user' } }] });
    else if (actor.role === 'admin')
      and.push({ $or: [{ user: actor.id }, { user: { role: { $in: ['sales', 'user'] } } }] });
    return { $and: and };
  }

  private async owner(ctx: Ctx, userId: number): Promise<User> {
    const actor = ctx.user!;
    if (userId !== actor.id && !hasRole(actor.role, 'sales'))
      throw forbidden('You can only create tokens for yourself');
    const owner = userId === actor.id ? actor : await ctx.em.findOne(User, userId);
    if (!owner || !canManageUser(actor, owner)) throw notFound(`User ${userId}`);
    return owner;
  }

  private name(value: string): string {
    const name = value.trim();
    if (!name || name.length > 128) throw badInput('name', 'Name must be 1–128 characters');
    return name;
  }

  private quota(value: bigint, field: string): bigint {
    if (value < 0n) throw badInput(field, 'Must not be negative');
    return value;
  }

  private async applyFields(em: EntityManager, token: Token, input: TokenFieldsInput): Promise<void> {
    if (input.expiresAt !== undefined) {
      if (input.expiresAt && input.expiresAt.getTime() <= Date.now())
        throw badInput('expiresAt', 'Must be in the future');
      token.expiresAt = input.expiresAt;
    }
    if (input.unlimited != null) token.unlimited = input.unlimited;
    if (input.models !== undefined) {
      const models = [...new Set((input.models ?? []).map((m) => m.trim()).filter(Boolean))];
      if (models.some((m) => m.length > 191)) throw badInput('models', 'Model name too long');
      token.models = models.length ? models : null;
    }
    if (input.ipWhitelist !== undefined) {
      const list = (input.ipWhitelist ?? []).map((entry) => {
        const cidr = canonicalCidr(entry);
        if (!cidr) throw badInput('ipWhitelist', `"${entry}" is not an IPv4/IPv6 address or CIDR`);
        return cidr;
      });
      if (list.length > 256) throw badInput('ipWhitelist', 'At most 256 entries');
      token.ipWhitelist = list.length ? [...new Set(list)] : null;
    }
    if (input.group !== undefined) {
      const g = input.group?.trim() || null;
      if (g && !(await em.count(Group, { name: g }))) throw badInput('group', `Unknown group "${g}"`);
      token.group = g;
    }
    if (input.rpm != null) token.rpm = this.limit(input.rpm, 'rpm');
    if (input.tpm != null) token.tpm = this.limit(input.tpm, 'tpm');
    if (input.quotaReset != null) {
      if (!QUOTA_RESETS.includes(input.quotaReset as QuotaReset)) {
        throw badInput('quotaReset', `Must be one of ${QUOTA_RESETS.join(', ')}`);
      }
      token.quotaReset = input.quotaReset as QuotaReset;
    }
    if (input.resetAmount != null) token.resetAmount = this.quota(input.resetAmount, 'resetAmount');
    if (token.quotaReset !== 'none' && token.unlimited) {
      throw badInput('quotaReset', 'An unlimited token has no quota to reset');
    }
    if (token.quotaReset !== 'none' && token.resetAmount <= 0n) {
      throw badInput('resetAmount', 'Give the quota each reset restores');
    }
  }

  private limit(value: number, field: string): number {
    if (!Number.isInteger(value) || value < 0 || value > 100_000_000)
      throw badInput(field, 'Must be 0 (none) or a positive integer');
    return value;
  }
}

function auditView(t: Token): Record<string, unknown> {
  const { user, keyHash: _hash, ...rest } = t;
  return { ...rest, userId: user.id };
}
