import { type EntityManager, type FilterQuery, raw } from '@mikro-orm/core';
import type { App } from '../../app.js';
import { AppError, badInput, forbidden, notFound } from '../../common/errors.js';
import type { GraphqlContext } from '../../graphql/context.js';
import { hashPassword, validatePassword, verifyPassword } from '../auth/password.js';
import { Group } from '../group/group.entity.js';
import { AccessToken } from '../access-token/access-token.entity.js';
import { resolveOptions } from '../option/option.definitions.js';
import { Option } from '../option/option.entity.js';
import { Token } from '../token/token.entity.js';
import { TopUp, type TopUpKind } from '../top-up/top-up.entity.js';
import { assignableRoles, canManageUser } from './user.access.js';
import { USER_ROLES, User, type UserRole } from './user.entity.js';
import type { CreateUserInput, UpdateUserInput } from './user.input.js';

type Ctx = Pick<GraphqlContext, 'em' | 'user' | 'ip'>;

const USERNAME = /^[A-Za-z0-9_.@-]{3,64}$/;
const QUOTA_MAX = 9_000_000_000_000_000_000n;

export interface UserFilter {
  search?: string | null;
  role?: string | null;
  status?: string | null;
}

/** Users and customers; balance changes go to MySQL, Redis (live) and a TopUp row together. */
export class UserService {
  constructor(private readonly app: App) {}

  async create(ctx: Ctx, input: CreateUserInput): Promise<User> {
    const actor = ctx.user!;
    const username = input.username.trim();
    if (!USERNAME.test(username)) {
      throw badInput('username', '3–64 characters: letters, digits, "_", ".", "@" or "-"');
    }
    validatePassword(input.password);
    const role = this.role(actor, input.role ?? 'user');
    if (await ctx.em.count(User, { username }))
      throw new AppError('CONFLICT', 'Username is taken', 'username');
    const options = resolveOptions(await ctx.em.find(Option, {}));
    const quota = input.quota ?? BigInt(options.newUserQuota);
    this.checkQuota(quota, 'quota');
    const user = ctx.em.create(User, {
      username,
      passwordHash: await hashPassword(input.password),
      role,
      group: await this.group(ctx.em, input.group ?? 'default'),
      quota,
      rpm: this.limit(input.rpm ?? 0, 'rpm'),
      tpm: this.limit(input.tpm ?? 0, 'tpm'),
      displayName: this.text(input.displayName, 'displayName', 128),
      email: this.email(input.email),
      createdById: actor.id,
    });
    await ctx.em.flush();
    if (quota > 0n) {
      ctx.em.create(TopUp, {
        userId: user.id,
        amount: quota,
        kind: 'topup',
        reason: 'initial balance',
        actorId: actor.id,
      });
    }
    await this.app.services.audit.record(ctx, 'user.create', 'user', user.id, null, auditView(user));
    await this.app.publisher.initUserQuota(user.id, quota);
    return user;
  }

  async update(ctx: Ctx, id: number, input: UpdateUserInput): Promise<User> {
    const actor = ctx.user!;
    const user = await this.get(ctx, id);
    const self = user.id === actor.id;
    const before = auditView(user);
    let tokensChanged = false;
    // Customers may edit their own profile and password only.
    const staffOnly: (keyof UpdateUserInput)[] = ['role', 'group', 'quota', 'rpm', 'tpm', 'status'];
    if (self && actor.role !== 'root' && staffOnly.some((k) => input[k] != null)) {
      throw forbidden('You cannot change your own role, group, balance, limits or status');
    }
    if (input.password != null) {
      // Your own password changes only with the current one (changePassword), so a stolen
      // session alone cannot take the account over.
      if (self) throw badInput('password', 'Use changePassword to change your own password');
      validatePassword(input.password);
      user.passwordHash = await hashPassword(input.password);
      // Staff chose it, so staff know it: the user picks its own at the next sign-in.
      user.mustChangePassword = true;
    }
    if (input.role != null && input.role !== user.role) {
      if (user.role === 'root') throw forbidden('The root user’s role cannot change');
      user.role = this.role(actor, input.role);
    }
    if (input.group != null && input.group !== user.group) {
      user.group = await this.group(ctx.em, input.group);
      tokensChanged = true;
    }
    if (input.rpm != null) {
      user.rpm = this.limit(input.rpm, 'rpm');
      tokensChanged = true;
    }
    if (input.tpm != null) {
      user.tpm = this.limit(input.tpm, 'tpm');
      tokensChanged = true;
    }
    if (input.status != null && input.status !== user.status) {
      if (input.status !== 'enabled' && input.status !== 'disabled')
        throw badInput('status', 'enabled or disabled');
      if (user.role === 'root') throw forbidden('The root user cannot be disabled');
      user.status = input.status;
      tokensChanged = true;
    }
    if (input.displayName !== undefined) user.displayName = this.text(input.displayName, 'displayName', 128);
    if (input.email !== undefined) user.email = this.email(input.email);
    await ctx.em.flush();
    if (input.status === 'disabled' || (input.password != null && !self)) {
      // A password reset by staff or a disabled account: the user's console sessions end now.
      await ctx.em.nativeDelete(AccessToken, { user: user.id, kind: 'session' });
    }
    await this.app.services.audit.record(ctx, 'user.update', 'user', user.id, before, auditView(user));
    if (tokensChanged) await this.app.publisher.syncUserTokens(ctx.em, user.id);
    if (input.quota != null) {
      await this.setQuota(ctx, user, input.quota, input.quotaReason ?? 'balance set');
      return this.app.orm.em.fork().findOneOrFail(User, user.id);
    }
    return user;
  }

  async delete(ctx: Ctx, ids: number[]): Promise<number> {
    const users: User[] = [];
    for (const id of new Set(ids)) {
      const u = await this.get(ctx, id);
      if (u.id === ctx.user!.id) throw forbidden('You cannot delete yourself');
      if (u.role === 'root') throw forbidden('The root user cannot be deleted');
      users.push(u);
    }
    for (const u of users) {
      const tokens = await ctx.em.find(Token, { user: u.id });
      await this.app.services.audit.record(ctx, 'user.delete', 'user', u.id, auditView(u), null);
      ctx.em.remove(u);
      await ctx.em.flush();
      await this.app.publisher.deleteTokens(
        tokens.map((t) => ({ id: t.id, keyHash: t.keyHash, userId: u.id })),
      );
      await this.app.publisher.deleteUser(u.id);
    }
    return users.length;
  }

  /**
   * Adds `delta` to a balance: MySQL, the live Redis value (INCRBY, so concurrent relay charges
   * are kept), a TopUp row and the audit log. Used by top-ups, adjustments and redemptions.
   */
  async changeQuota(
    ctx: Ctx,
    userId: number,
    delta: bigint,
    kind: TopUpKind,
    reason: string,
    extra: { redemptionId?: number; actorId?: number | null } = {},
  ): Promise<TopUp> {
    const why = reason.trim();
    if (!why || why.length > 255) throw badInput('reason', 'Give a reason (1–255 characters)');
    if (delta === 0n) throw badInput('amount', 'Must not be zero');
    this.checkQuota(delta < 0n ? -delta : delta, 'amount');
    const user = await ctx.em.findOne(User, userId);
    if (!user) throw notFound(`User ${userId}`);
    await ctx.em.nativeUpdate(
      User,
      { id: userId },
      { quota: raw('quota + CAST(? AS SIGNED)', [delta.toString()]) },
    );
    const topUp = ctx.em.create(TopUp, {
      userId,
      amount: delta,
      kind,
      reason: why,
      actorId: extra.actorId === undefined ? (ctx.user?.id ?? null) : extra.actorId,
      redemptionId: extra.redemptionId ?? null,
    });
    await ctx.em.flush();
    const quotaNow = await this.mysqlQuota(userId);
    await this.app.services.audit.record(ctx, `user.quota.${kind}`, 'user', userId, null, {
      amount: delta,
      reason: why,
      quota: quotaNow,
    });
    // Where Redis lost the key, start it from MySQL's value before this change.
    await this.app.publisher.initUserQuota(userId, quotaNow - delta);
    await this.app.publisher.adjustUserQuota(userId, delta);
    return topUp;
  }

  /** Sets the live balance to `target`; MySQL and the records move by the same difference. */
  private async setQuota(ctx: Ctx, user: User, target: bigint, reason: string): Promise<void> {
    this.checkQuota(target, 'quota');
    const key = this.app.keys.userQuota(this.app.publisher.shard(user.id), user.id);
    // SET … GET swaps atomically, so a relay charge between read and write cannot be lost; the
    // difference is computed here with BigInt (Lua numbers are doubles, inexact above 2^53).
    const previous = await this.app.redis.set(key, target.toString(), 'GET');
    const delta = target - BigInt(previous ?? user.quota.toString());
    if (delta === 0n) return;
    await ctx.em.nativeUpdate(
      User,
      { id: user.id },
      { quota: raw('quota + CAST(? AS SIGNED)', [delta.toString()]) },
    );
    ctx.em.create(TopUp, {
      userId: user.id,
      amount: delta,
      kind: 'adjustment',
      reason,
      actorId: ctx.user!.id,
    });
    await ctx.em.flush();
    await ctx.em.refresh(user);
    await this.app.services.audit.record(ctx, 'user.quota.set', 'user', user.id, null, {
      amount: delta,
      reason,
      quota: target,
    });
  }

  /**
   * The balance as stored now. Read in a fork: `em.refresh` after a raw update returns the
   * bigint column as a string (MikroORM 6.6), and the managed entity must stay clean so a
   * later flush never writes back a stale balance over the usage writer's updates.
   */
  private async mysqlQuota(userId: number): Promise<bigint> {
    return (await this.app.orm.em.fork().findOneOrFail(User, userId)).quota;
  }

  /** A user the signed-in user may manage, or NOT_FOUND. */
  async get(ctx: Ctx, id: number): Promise<User> {
    const user = await ctx.em.findOne(User, id);
    if (!user || !canManageUser(ctx.user!, user)) throw notFound(`User ${id}`);
    return user;
  }

  async list(
    ctx: Ctx,
    filter: UserFilter,
    limit = 50,
    offset = 0,
  ): Promise<{ items: User[]; total: number }> {
    const actor = ctx.user!;
    const and: FilterQuery<User>[] = [];
    if (filter.search) {
      const like = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      and.push({
        $or: [{ username: { $like: like } }, { displayName: { $like: like } }, { email: { $like: like } }],
      });
    }
    if (filter.role) and.push({ role: filter.role as UserRole });
    if (filter.status) and.push({ status: filter.status as User['status'] });
    if (actor.role === 'sales') and.push({ $or: [{ id: actor.id }, { role: 'user' }] });
    else if (actor.role === 'admin')
      and.push({ $or: [{ id: actor.id }, { role: { $in: ['sales', 'user'] } }] });
    else if (actor.role === 'user') and.push({ id: actor.id });
    const [items, total] = await ctx.em.findAndCount(User, and.length ? { $and: and } : {}, {
      orderBy: { id: 'asc' },
      limit: Math.min(Math.max(limit, 1), 500),
      offset: Math.max(offset, 0),
    });
    return { items, total };
  }

  /** Changes your password and ends your other console sessions (personal tokens stay). */
  async changeOwnPassword(
    ctx: Ctx & { accessTokenId: number | null },
    current: string,
    next: string,
  ): Promise<void> {
    const user = ctx.user!;
    if (!(await verifyPassword(user.passwordHash, current)))
      throw badInput('currentPassword', 'Wrong password');
    validatePassword(next, 'newPassword');
    user.passwordHash = await hashPassword(next);
    user.mustChangePassword = false;
    await ctx.em.flush();
    await ctx.em.nativeDelete(AccessToken, {
      user: user.id,
      kind: 'session',
      ...(ctx.accessTokenId ? { id: { $ne: ctx.accessTokenId } } : {}),
    });
    await this.app.services.audit.record(ctx, 'user.password', 'user', user.id, null, null);
  }

  private role(actor: User, value: string): UserRole {
    if (!USER_ROLES.includes(value as UserRole)) throw badInput('role', `One of ${USER_ROLES.join(', ')}`);
    if (!assignableRoles(actor).includes(value as UserRole))
      throw forbidden(`Your role cannot give the role "${value}"`);
    return value as UserRole;
  }

  private async group(em: EntityManager, name: string): Promise<string> {
    const g = name.trim();
    if (!(await em.count(Group, { name: g }))) throw badInput('group', `Unknown group "${g}"`);
    return g;
  }

  private limit(value: number, field: string): number {
    if (!Number.isInteger(value) || value < 0 || value > 100_000_000)
      throw badInput(field, 'Must be 0 (none) or a positive integer');
    return value;
  }

  private checkQuota(value: bigint, field: string): void {
    if (value < 0n) throw badInput(field, 'Must not be negative');
    if (value > QUOTA_MAX) throw badInput(field, 'Too large');
  }

  private text(value: string | null | undefined, field: string, max: number): string | null {
    const v = value?.trim() || null;
    if (v && v.length > max) throw badInput(field, `At most ${max} characters`);
    return v;
  }

  private email(value: string | null | undefined): string | null {
    const v = this.text(value, 'email', 255);
    if (v && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) throw badInput('email', 'Not an email address');
    return v;
  }
}

function auditView(u: User): Record<string, unknown> {
  const { passwordHash: _hash, ...rest } = u;
  return rest;
}
