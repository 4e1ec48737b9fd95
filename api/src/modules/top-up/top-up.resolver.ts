import { Arg, Authorized, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { forbidden } from '../../common/errors.js';
import type { GraphqlContext } from '../../graphql/context.js';
import { hasRole } from '../../graphql/roles.js';
import { canSeeUsage, staffOtherThan } from '../usage-log/usage-log.service.js';
import { User } from '../user/user.entity.js';
import { TopUp } from './top-up.entity.js';
import { TopUpType } from './top-up.type.js';

@ObjectType('TopUpPage')
class TopUpPage {
  @Field(() => [TopUpType])
  items!: TopUpType[];

  @Field(() => Int)
  total!: number;
}

/** Balance changes other than usage (top-ups, adjustments, redemptions), scoped like usage. */
@Resolver(() => TopUpType)
export class TopUpResolver {
  @Authorized()
  @Query(() => TopUpPage, { description: 'Newest first; customers see their own' })
  async topUps(
    @Ctx() ctx: GraphqlContext,
    @Arg('userId', () => Int, { nullable: true }) userId?: number,
    @Arg('kind', () => String, { nullable: true, description: 'topup, adjustment or redemption' })
    kind?: string,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit = 50,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset = 0,
  ): Promise<TopUpPage> {
    const actor = ctx.user!;
    const where: Record<string, unknown> = {};
    if (userId != null && userId !== actor.id) {
      const target = hasRole(actor.role, 'sales') ? await ctx.em.findOne(User, userId) : null;
      if (!target || !canSeeUsage(actor, target)) throw forbidden('You may not read this user’s top-ups');
      where.userId = userId;
    } else if (userId != null || !hasRole(actor.role, 'sales')) {
      where.userId = actor.id;
    } else if (!hasRole(actor.role, 'admin')) {
      const hidden = await staffOtherThan(ctx.em, actor.id);
      if (hidden.length) where.userId = { $nin: hidden };
    }
    if (kind) where.kind = kind;
    const [items, total] = await ctx.em.findAndCount(TopUp, where, {
      orderBy: { createdAt: 'desc', id: 'desc' },
      limit: Math.min(Math.max(limit, 1), 500),
      offset: Math.max(offset, 0),
    });
    return { items: items as TopUpType[], total };
  }
}
