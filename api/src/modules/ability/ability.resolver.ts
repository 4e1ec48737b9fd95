import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { GraphqlContext } from '../../graphql/context.js';
import { hasRole } from '../../graphql/roles.js';
import { Ability } from './ability.entity.js';

@Resolver()
export class AbilityResolver {
  @Authorized()
  @Query(() => [String], {
    description:
      'Models an enabled channel serves for a group (customers: their own group; staff: any, default all groups).',
  })
  async availableModels(
    @Ctx() ctx: GraphqlContext,
    @Arg('group', () => String, { nullable: true }) group?: string,
  ): Promise<string[]> {
    const user = ctx.user!;
    const where: Record<string, unknown> = { enabled: true };
    if (!hasRole(user.role, 'sales')) where.group = user.group;
    else if (group) where.group = group;
    const rows = await ctx.em.find(Ability, where, { fields: ['model'] });
    return [...new Set(rows.map((r) => r.model))].sort();
  }
}
