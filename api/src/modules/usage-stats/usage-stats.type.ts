import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { BigIntScalar } from '../../graphql/scalars.js';

@InputType('UsageStatsRange', { description: 'Local calendar days in an IANA zone, both inclusive' })
export class UsageStatsRange {
  @Field(() => String, { description: 'First day, YYYY-MM-DD' })
  from!: string;

  @Field(() => String, { description: 'Last day, YYYY-MM-DD (inclusive)' })
  to!: string;

  @Field(() => String, { defaultValue: 'UTC', description: 'IANA zone, e.g. Asia/Kolkata' })
  timeZone!: string;

  @Field(() => Int, { nullable: true })
  userId?: number | null;

  @Field(() => Int, { nullable: true })
  tokenId?: number | null;

  @Field(() => Int, { nullable: true })
  channelId?: number | null;

  @Field(() => String, { nullable: true })
  model?: string | null;
}

@ObjectType('UsageFigures', { description: 'Sums over a set of requests' })
export class UsageFigures {
  @Field(() => Float)
  requests!: number;

  @Field(() => Float)
  errors!: number;

  @Field(() => BigIntScalar)
  promptTokens!: bigint;

  @Field(() => BigIntScalar)
  completionTokens!: bigint;

  @Field(() => BigIntScalar)
  quota!: bigint;

  @Field(() => Float, { description: 'Mean latency of the requests, ms' })
  avgLatencyMs!: number;
}

@ObjectType('DailyModelUsage')
export class DailyModelUsage extends UsageFigures {
  @Field(() => String, { description: 'Local day, YYYY-MM-DD' })
  day!: string;

  @Field(() => String)
  model!: string;
}

@ObjectType('ChannelUsage')
export class ChannelUsage extends UsageFigures {
  @Field(() => Int, { description: '0 = requests that reached no channel' })
  channelId!: number;

  @Field(() => String, { nullable: true })
  channelName!: string | null;
}

@ObjectType('CustomerUsage')
export class CustomerUsage extends UsageFigures {
  @Field(() => Int)
  userId!: number;

  @Field(() => String, { nullable: true })
  username!: string | null;
}

@ObjectType('TokenUsage')
export class TokenUsage extends UsageFigures {
  @Field(() => Int)
  tokenId!: number;

  @Field(() => String, { nullable: true })
  tokenName!: string | null;

  @Field(() => Int)
  userId!: number;
}

@ObjectType('UserBalance')
export class UserBalance {
  @Field(() => ID)
  userId!: number;

  @Field(() => String)
  username!: string;

  @Field(() => BigIntScalar, { description: 'MySQL balance (converges from usage)' })
  quota!: bigint;

  @Field(() => BigIntScalar, { nullable: true, description: 'Live balance the relay enforces (Redis)' })
  liveQuota!: bigint | null;

  @Field(() => BigIntScalar)
  usedQuota!: bigint;

  @Field(() => Float)
  requestCount!: number;
}

@ObjectType('TokenBalance')
export class TokenBalance {
  @Field(() => ID)
  tokenId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => Int)
  userId!: number;

  @Field(() => Boolean)
  unlimited!: boolean;

  @Field(() => BigIntScalar)
  remainQuota!: bigint;

  @Field(() => BigIntScalar)
  usedQuota!: bigint;
}

@ObjectType('ChannelBalance')
export class ChannelBalance {
  @Field(() => ID)
  channelId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  status!: string;

  @Field(() => BigIntScalar)
  usedQuota!: bigint;

  @Field(() => String, { nullable: true, description: 'Upstream balance in USD as last reported' })
  balanceUsd!: string | null;

  @Field(() => Date, { nullable: true })
  balanceUpdatedAt!: Date | null;
}

@ObjectType('Balances', { description: 'Dashboard: balances you may see (channels for admins only)' })
export class Balances {
  @Field(() => [UserBalance])
  users!: UserBalance[];

  @Field(() => [TokenBalance])
  tokens!: TokenBalance[];

  @Field(() => [ChannelBalance])
  channels!: ChannelBalance[];
}
