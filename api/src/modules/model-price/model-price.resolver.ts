import { formatRatio, parseRatio, RATIO_SCALE, usdPerMillionFromRatio } from '@switchboard/shared/pricing';
import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphqlContext } from '../../graphql/context.js';
import { Role } from '../../graphql/roles.js';
import { ModelPrice } from './model-price.entity.js';
import { ModelPriceInput, ModelPriceType } from './model-price.type.js';

@Resolver(() => ModelPriceType)
export class ModelPriceResolver {
  @Authorized()
  @Query(() => [ModelPriceType], {
    description: 'Prices of every model (or those whose name contains `search`).',
  })
  async modelPrices(
    @Ctx() ctx: GraphqlContext,
    @Arg('search', () => String, { nullable: true }) search?: string,
  ): Promise<ModelPrice[]> {
    const where = search ? { model: { $like: `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } } : {};
    return ctx.em.find(ModelPrice, where, { orderBy: { model: 'asc' } });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ModelPriceType, { description: 'Creates or updates the price of a model.' })
  upsertModelPrice(@Arg('input', () => ModelPriceInput) input: ModelPriceInput, @Ctx() ctx: GraphqlContext) {
    return ctx.app.services.prices.upsert(ctx, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Int, {
    description: 'Deletes prices; requests for those models are then refused (unless defaultModelRatio).',
  })
  deleteModelPrices(@Arg('models', () => [String]) models: string[], @Ctx() ctx: GraphqlContext) {
    return ctx.app.services.prices.delete(ctx, models);
  }

  @FieldResolver(() => String, { description: 'Input price, USD per 1M tokens' })
  inputUsdPerMillion(@Root() p: ModelPrice): string {
    return usdPerMillionFromRatio(p.modelRatio);
  }

  @FieldResolver(() => String, { description: 'Output price, USD per 1M tokens' })
  outputUsdPerMillion(@Root() p: ModelPrice): string {
    return multiply(usdPerMillionFromRatio(p.modelRatio), p.completionRatio);
  }
}

/** Exact product of two decimal strings (9 decimals, truncated). */
function multiply(a: string, b: string): string {
  return formatRatio((parseRatio(a) * parseRatio(b)) / RATIO_SCALE);
}
