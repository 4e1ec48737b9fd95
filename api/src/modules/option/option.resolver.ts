import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphqlContext } from '../../graphql/context.js';
import { Role } from '../../graphql/roles.js';
import { OptionType } from './option.type.js';

@Resolver(() => OptionType)
export class OptionResolver {
  @Authorized(Role.ROOT)
  @Query(() => [OptionType], { description: 'System settings (root only).' })
  options(@Ctx() ctx: GraphqlContext): Promise<OptionType[]> {
    return ctx.app.services.options.list(ctx.em);
  }

  @Authorized(Role.ROOT)
  @Mutation(() => OptionType, {
    description: 'Sets a system setting (root only); relay settings reach the relays at once.',
  })
  setOption(
    @Arg('key', () => String) key: string,
    @Arg('value', () => GraphQLJSON, { nullable: true }) value: unknown,
    @Ctx() ctx: GraphqlContext,
  ) {
    return ctx.app.services.options.set(ctx, key, value ?? null);
  }
}
