import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { GraphqlContext } from '../../graphql/context.js';
import { UsageLogConnection, UsageLogTotals } from './usage-log.connection.js';
import { UsageLogFilter } from './usage-log.input.js';
import { encodeCursor, scopeWhere, UsageLogService } from './usage-log.service.js';
import { UsageLogType } from './usage-log.type.js';

const service = new UsageLogService();

/**
 * Usage logs: customers read their own, sales their customers', admins everyone's. The full
 * filtered set downloads as CSV (with a totals row) from `GET /export/usage-logs.csv` with the
 * same filter fields as query parameters (see usage-log.export.ts).
 */
@Resolver(() => UsageLogType)
export class UsageLogResolver {
  @Authorized()
  @Query(() => UsageLogConnection, {
    description: 'Usage logs, newest first (Relay connection, keyset cursors)',
  })
  async usageLogs(
    @Ctx() ctx: GraphqlContext,
    @Arg('filter', () => UsageLogFilter, { nullable: true }) filter?: UsageLogFilter,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50, description: '1–1000' }) first = 50,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<UsageLogConnection> {
    const { rows, hasNextPage } = await service.page(ctx.em, ctx.user!, filter ?? {}, first, after ?? null);
    const edges = rows.map((node) => ({ cursor: encodeCursor(node), node }));
    return {
      edges: edges as UsageLogConnection['edges'],
      pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  @Authorized()
  @Query(() => UsageLogTotals, { description: 'Counts and sums over the filtered usage logs' })
  async usageLogTotals(
    @Ctx() ctx: GraphqlContext,
    @Arg('filter', () => UsageLogFilter, { nullable: true }) filter?: UsageLogFilter,
  ): Promise<UsageLogTotals> {
    return service.totals(ctx.em, await scopeWhere(ctx.em, ctx.user!, filter ?? {}));
  }
}
