import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BigIntScalar } from '../../graphql/scalars.js';

@ObjectType('UsageLog')
export class UsageLogType {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  requestId!: string;

  @Field(() => Date)
  time!: Date;

  @Field(() => Int)
  userId!: number;

  @Field(() => Int)
  tokenId!: number;

  @Field(() => Int, { nullable: true })
  channelId!: number | null;

  @Field(() => String)
  endpoint!: string;

  @Field(() => String)
  model!: string;

  @Field(() => String, { nullable: true })
  upstreamModel!: string | null;

  @Field(() => String)
  group!: string;

  @Field(() => Int)
  promptTokens!: number;

  @Field(() => Int)
  completionTokens!: number;

  @Field(() => Int)
  cachedTokens!: number;

  @Field(() => Int)
  cacheWriteTokens!: number;

  @Field(() => Int)
  reasoningTokens!: number;

  @Field(() => BigIntScalar)
  quota!: bigint;

  @Field(() => Int)
  latencyMs!: number;

  @Field(() => Int, { nullable: true })
  ttftMs!: number | null;

  @Field(() => Boolean)
  stream!: boolean;

  @Field(() => String)
  status!: string;

  @Field(() => Int)
  httpStatus!: number;

  @Field(() => String, { nullable: true })
  errorMessage!: string | null;

  @Field(() => String, { nullable: true })
  clientIp!: string | null;

  @Field(() => Boolean)
  usageEstimated!: boolean;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Each try: channelId, status, latencyMs, error' })
  attempts!: unknown;
}
