import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { GraphqlContext } from '../../graphql/context.js';
import { Role } from '../../graphql/roles.js';
import { UsageStatsService } from './usage-stats.service.js';
import {
  Balances,
  ChannelUsage,
  CustomerUsage,
  DailyModelUsage,
  TokenUsage,
  UsageStatsRange,
} from './usage-stats.type.js';

const stats = (ctx: GraphqlContext) => new UsageStatsService(ctx.app);

/** Statistics from the 15-minute roll-ups, and the balances dashboard. */
@Resolver()
export class UsageStatsResolver {
  @Authorized()
  @Query(() => [DailyModelUsage], { description: 'Per local day × model, in any IANA time zone' })
  usageByDay(@Ctx() ctx: GraphqlContext, @Arg('range', () => UsageStatsRange) range: UsageStatsRange) {
    return stats(ctx).byDayAndModel(ctx.em, ctx.user!, range);
  }

  @Authorized(Role.ADMIN)
  @Query(() => [ChannelUsage], { description: 'Per channel over the range' })
  usageByChannel(@Ctx() ctx: GraphqlContext, @Arg('range', () => UsageStatsRange) range: UsageStatsRange) {
    return stats(ctx).byChannel(ctx.em, ctx.user!, range);
  }

  @Authorized(Role.SALES)
  @Query(() => [CustomerUsage], { description: 'Customers by quota used over the range' })
  topCustomers(
    @Ctx() ctx: GraphqlContext,
    @Arg('range', () => UsageStatsRange) range: UsageStatsRange,
    @Arg('limit', () => Int, { defaultValue: 10 }) limit: number,
  ) {
    return stats(ctx).topCustomers(ctx.em, ctx.user!, range, limit);
  }

  @Authorized()
  @Query(() => [TokenUsage], { description: 'Tokens by quota used over the range (customers: their own)' })
  topTokens(
    @Ctx() ctx: GraphqlContext,
    @Arg('range', () => UsageStatsRange) range: UsageStatsRange,
    @Arg('limit', () => Int, { defaultValue: 10 }) limit: number,
  ) {
    return stats(ctx).topTokens(ctx.em, ctx.user!, range, limit);
  }

  @Authorized()
  @Query(() => Balances, { description: 'Balances of users, tokens and (admins) channels' })
  balances(
    @Ctx() ctx: GraphqlContext,
    @Arg('userId', () => Int, { nullable: true }) userId: number | null,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
  ) {
    return stats(ctx).balances(ctx.em, ctx.user!, userId ?? null, limit);
  }
}
