import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { toId } from '../../common/errors.js';
import type { GraphqlContext } from '../../graphql/context.js';
import { Role } from '../../graphql/roles.js';
import { Secret } from '../../graphql/secret.js';
import { Ability } from '../ability/ability.entity.js';
import { Channel } from '../channel/channel.entity.js';
import { Group } from './group.entity.js';
import { ChannelRefType, GroupType } from './group.type.js';

@Resolver(() => GroupType)
export class GroupResolver {
  @Authorized()
  @Query(() => [GroupType])
  groups(@Ctx() ctx: GraphqlContext): Promise<Group[]> {
    return ctx.em.find(Group, {}, { orderBy: { name: 'asc' } });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => GroupType)
  createGroup(
    @Arg('name', () => String) name: string,
    @Arg('ratio', () => String) ratio: string,
    @Arg('description', () => String, { nullable: true }) description: string | null,
    @Ctx() ctx: GraphqlContext,
  ) {
    return ctx.app.services.groups.create(ctx, name, ratio, description);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => GroupType)
  updateGroup(
    @Arg('id', () => ID) id: string,
    @Arg('ratio', () => String, { nullable: true }) ratio: string | null,
    @Arg('description', () => String, { nullable: true }) description: string | undefined,
    @Ctx() ctx: GraphqlContext,
  ) {
    return ctx.app.services.groups.update(ctx, toId(id), ratio, description);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'Deletes a group nothing refers to any more.' })
  deleteGroup(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext) {
    return ctx.app.services.groups.delete(ctx, toId(id));
  }

  @Secret(Role.ADMIN)
  @FieldResolver(() => [ChannelRefType], { description: 'Channels that serve this group' })
  async channels(@Root() g: Group, @Ctx() ctx: GraphqlContext): Promise<ChannelRefType[]> {
    const rows = await ctx.em.find(Ability, { group: g.name }, { fields: ['channel'] });
    const ids = [...new Set(rows.map((r) => r.channel.id))];
    if (!ids.length) return [];
    return ctx.em.find(Channel, { id: { $in: ids } }, { orderBy: { id: 'asc' } });
  }
}
