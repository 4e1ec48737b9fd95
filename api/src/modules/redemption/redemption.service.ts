import type { EntityManager } from '@mikro-orm/core';
import { generateTokenKey, hashTokenKey } from '@switchboard/shared/crypto';
import type { App } from '../../app.js';
import { AppError, badInput, notFound } from '../../common/errors.js';
import type { GraphqlContext } from '../../graphql/context.js';
import { TopUp } from '../top-up/top-up.entity.js';
import { User } from '../user/user.entity.js';
import { Redemption, type RedemptionStatus } from './redemption.entity.js';

type Ctx = Pick<GraphqlContext, 'em' | 'user' | 'ip'>;

export const MAX_CODES_PER_BATCH = 10_000;
const MAX_QUOTA = 10n ** 15n;
const INSERT_CHUNK = 500;

export interface GenerateInput {
  name: string;
  count: number;
  quota: bigint;
  expiresAt?: Date | null;
}

export interface RedemptionFilter {
  batchName?: string | null;
  status?: string | null;
}

/** "rc-" + 32 base62 characters (~190 bits): unguessable, so a plain SHA-256 finds it. */
export function generateRedemptionCode(): string {
  return `rc-${generateTokenKey().slice(3, 35)}`;
}

/**
 * Redemption codes. Stored only as SHA-256 hashes (plus a short prefix for display), like token
 * keys: a code is a bearer value worth money, so a leaked database or backup must not be
 * spendable, and the plain codes exist only in the reply (or job result) that generated them.
 */
export class RedemptionService {
  constructor(private readonly app: App) {}

  validate(input: GenerateInput): GenerateInput {
    const name = input.name.trim();
    if (!name || name.length > 128) throw badInput('name', 'Name must be 1–128 characters');
    if (!Number.isInteger(input.count) || input.count < 1 || input.count > MAX_CODES_PER_BATCH)
      throw badInput('count', `Between 1 and ${MAX_CODES_PER_BATCH} codes per batch`);
    if (input.quota <= 0n || input.quota > MAX_QUOTA)
      throw badInput('quota', 'Must be positive (at most 10^15)');
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now())
      throw badInput('expiresAt', 'Must be in the future');
    return { ...input, name };
  }

  /** Creates the codes; returns them in plain text (the only time they exist as such). */
  async generate(
    ctx: Ctx,
    raw: GenerateInput,
    onProgress: (done: number, total: number) => Promise<void> = async () => {},
  ): Promise<{ batchName: string; codes: string[] }> {
    const input = this.validate(raw);
    const codes: string[] = [];
    for (let done = 0; done < input.count; done += INSERT_CHUNK) {
      const chunk = Array.from(
        { length: Math.min(INSERT_CHUNK, input.count - done) },
        generateRedemptionCode,
      );
      await ctx.em.insertMany(
        Redemption,
        chunk.map((code) => ({
          codeHash: hashTokenKey(code),
          codePrefix: code.slice(0, 9),
          batchName: input.name,
          quota: input.quota,
          createdById: ctx.user!.id,
          expiresAt: input.expiresAt ?? null,
          status: 'unused' as const,
          createdAt: new Date(),
        })),
      );
      codes.push(...chunk);
      await onProgress(codes.length, input.count);
    }
    await this.app.services.audit.record(ctx, 'redemption.generate', 'redemption', null, null, {
      batchName: input.name,
      count: input.count,
      quota: input.quota,
      expiresAt: input.expiresAt ?? null,
    });
    return { batchName: input.name, codes };
  }

  async list(em: EntityManager, filter: RedemptionFilter, limit: number, offset: number) {
    const where = this.where(filter);
    const [items, total] = await em.findAndCount(Redemption, where, {
      orderBy: { id: 'desc' },
      limit: Math.min(Math.max(limit, 1), 1000),
      offset: Math.max(offset, 0),
    });
    return { items, total };
  }

  where(filter: RedemptionFilter) {
    const where: Record<string, unknown> = {};
    if (filter.batchName) where.batchName = filter.batchName;
    if (filter.status) {
      if (!['unused', 'used', 'disabled'].includes(filter.status))
        throw badInput('status', 'unused, used or disabled');
      where.status = filter.status as RedemptionStatus;
    }
    return where;
  }

  /** Disables unused codes; returns how many changed. */
  async disable(ctx: Ctx, ids: number[]): Promise<number> {
    const unique = [...new Set(ids)];
    if (!unique.length || unique.length > 10_000) throw badInput('ids', 'Name 1–10,000 codes');
    const changed = await ctx.em.nativeUpdate(
      Redemption,
      { id: { $in: unique }, status: 'unused' },
      { status: 'disabled' },
    );
    await this.app.services.audit.record(
      ctx,
      'redemption.disable',
      'redemption',
      unique.join(',').slice(0, 64),
      null,
      {
        ids: unique,
        disabled: changed,
      },
    );
    return changed;
  }

  /**
   * Redeems a code into the signed-in user's balance. The code is claimed with a conditional
   * UPDATE (status unused → used) in the same transaction as the balance and the TopUp row, so
   * of any number of concurrent attempts exactly one succeeds; the live Redis balance moves
   * after the commit.
   */
  async redeem(ctx: Ctx, code: string): Promise<{ quota: bigint; topUp: TopUp }> {
    const user = ctx.user!;
    const plain = code.trim();
    if (!/^rc-[A-Za-z0-9]{32}$/.test(plain)) throw badInput('code', 'This is not a redemption code');
    const hash = hashTokenKey(plain);
    const result = await ctx.em.transactional(async (em) => {
      const now = new Date();
      const claimed = await em.nativeUpdate(
        Redemption,
        {
          codeHash: hash,
          status: 'unused',
          $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }],
        },
        { status: 'used', redeemedById: user.id, redeemedAt: now },
      );
      if (!claimed) {
        const existing = await em.findOne(Redemption, { codeHash: hash });
        if (!existing) throw notFound('Redemption code');
        throw new AppError(
          'CONFLICT',
          existing.status === 'unused' ? 'This code has expired' : `This code is ${existing.status}`,
          'code',
        );
      }
      const redemption = await em.findOneOrFail(Redemption, { codeHash: hash });
      await em
        .getConnection()
        .execute(
          'UPDATE users SET quota = quota + CAST(? AS SIGNED) WHERE id = ?',
          [redemption.quota.toString(), user.id],
          'run',
          em.getTransactionContext(),
        );
      const topUp = em.create(TopUp, {
        userId: user.id,
        amount: redemption.quota,
        kind: 'redemption',
        reason: `redeemed code ${redemption.codePrefix}… (${redemption.batchName})`.slice(0, 255),
        actorId: user.id,
        redemptionId: redemption.id,
      });
      await em.flush();
      await this.app.services.audit.record(
        { em, user, ip: ctx.ip },
        'redemption.redeem',
        'redemption',
        redemption.id,
        null,
        { userId: user.id, quota: redemption.quota, batchName: redemption.batchName },
      );
      const fresh = await em.findOneOrFail(User, user.id, { refresh: true });
      return { quota: redemption.quota, topUp, balance: fresh.quota };
    });
    // Live balance: created from MySQL's pre-redemption value if Redis lost it, then INCRBY.
    await this.app.publisher.initUserQuota(user.id, result.balance - result.quota);
    await this.app.publisher.adjustUserQuota(user.id, result.quota);
    return { quota: result.quota, topUp: result.topUp };
  }
}
