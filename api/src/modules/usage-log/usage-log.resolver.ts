import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { GraphqlContext } from '../../graphql/context.js';
import { hasRole } from '../../graphql/roles.js';
import { UsageLog } from './usage-log.entity.js';
import { UsageLogType } from './usage-log.type.js';

/**
 * A first, simple list of usage logs (newest first). The usage module replaces it with a
 * filtered keyset connection.
 */
@Resolver(() => UsageLogType)
export class UsageLogResolver {
  @Authorized()
  @Query(() => [UsageLogType], { description: 'Newest usage logs you may see (customers: their own).' })
  async usageLogs(
    @Ctx() ctx: GraphqlContext,
    @Arg('userId', () => Int, { nullable: true }) userId?: number,
    @Arg('tokenId', () => Int, { nullable: true }) tokenId?: number,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 50 }) limit = 50,
  ): Promise<UsageLog[]> {
    const actor = ctx.user!;
    const where: FilterQuery<UsageLog> = {};
    if (!hasRole(actor.role, 'sales')) where.userId = actor.id;
    else if (userId != null) where.userId = userId;
    if (tokenId != null) where.tokenId = tokenId;
    return ctx.em.find(UsageLog, where, {
      orderBy: { time: 'desc', id: 'desc' },
      limit: Math.min(Math.max(limit, 1), 500),
    });
  }
}
