import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { BigIntScalar } from '../../graphql/scalars.js';

@ObjectType('ModelPrice', {
  description: 'One-API ratios (1 = USD 0.002 / 1K input tokens), plus the same prices in USD per 1M tokens',
})
export class ModelPriceType {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  model!: string;

  @Field(() => String)
  modelRatio!: string;

  @Field(() => String)
  completionRatio!: string;

  @Field(() => String, { description: 'Multiplier of the input price for cached input tokens' })
  cachedRatio!: string;

  @Field(() => String, { description: 'Multiplier of the input price for cache-write input tokens' })
  cacheWriteRatio!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Multiplier for reasoning tokens; null = completionRatio',
  })
  reasoningRatio!: string | null;

  @Field(() => BigIntScalar, { description: 'Fixed quota per call, added to the token cost' })
  perCallQuota!: bigint;

  @Field(() => GraphQLJSONObject, { description: '"size|quality" → quota per image; "*" as fallback' })
  imagePrices!: Record<string, string>;

  @Field(() => BigIntScalar, { nullable: true })
  audioPerMinuteQuota!: bigint | null;

  @Field(() => BigIntScalar, { nullable: true })
  audioPer1kCharsQuota!: bigint | null;

  @Field(() => Int)
  defaultMaxOutputTokens!: number;

  @Field(() => Date)
  updatedAt!: Date;
}

@InputType()
export class ModelPriceInput {
  @Field(() => String)
  model!: string;

  @Field(() => String, { nullable: true, description: 'Give this or inputUsdPerMillion' })
  modelRatio?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Input price in USD per 1M tokens (ratio = price ÷ 2)',
  })
  inputUsdPerMillion?: string;

  @Field(() => String, { nullable: true, description: 'Give this or outputUsdPerMillion; default 1' })
  completionRatio?: string;

  @Field(() => String, { nullable: true, description: 'Output price in USD per 1M tokens' })
  outputUsdPerMillion?: string;

  @Field(() => String, { nullable: true })
  cachedRatio?: string;

  @Field(() => String, { nullable: true })
  cacheWriteRatio?: string;

  @Field(() => String, { nullable: true })
  reasoningRatio?: string | null;

  @Field(() => BigIntScalar, { nullable: true })
  perCallQuota?: bigint;

  @Field(() => GraphQLJSONObject, { nullable: true })
  imagePrices?: Record<string, unknown>;

  @Field(() => BigIntScalar, { nullable: true })
  audioPerMinuteQuota?: bigint | null;

  @Field(() => BigIntScalar, { nullable: true })
  audioPer1kCharsQuota?: bigint | null;

  @Field(() => Int, { nullable: true })
  defaultMaxOutputTokens?: number;
}
