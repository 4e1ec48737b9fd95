import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphqlContext } from '../../graphql/context.js';
import { Role } from '../../graphql/roles.js';
import { BigIntScalar } from '../../graphql/scalars.js';
import { OptionType } from './option.type.js';

@Resolver(() => OptionType)
export class OptionResolver {
  @Authorized(Role.ROOT)
  @Query(() => [OptionType], { description: 'System settings (root only).' })
  options(@Ctx() ctx: GraphqlContext): Promise<OptionType[]> {
    return ctx.app.services.options.list(ctx.em);
  }

  /**
   * Every role sees money (balances, costs, top-ups in USD), so every signed-in console needs
   * the conversion rate; the other options stay root-only.
   */
  @Authorized()
  @Query(() => BigIntScalar, {
    description: 'Quota units per USD (the quotaPerUsd option): how the console converts money.',
  })
  quotaPerUsd(@Ctx() ctx: GraphqlContext): Promise<string> {
    return ctx.app.services.options.quotaPerUsd(ctx.em);
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
