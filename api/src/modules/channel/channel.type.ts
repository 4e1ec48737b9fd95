import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BigIntScalar } from '../../graphql/scalars.js';
import { Role } from '../../graphql/roles.js';
import { Secret } from '../../graphql/secret.js';

@ObjectType('ChannelKey', { description: 'A channel key as anyone may see it: masked' })
export class ChannelKeyType {
  @Field(() => Int)
  index!: number;

  @Field(() => String, { description: 'e.g. "sk-…abcd"' })
  masked!: string;

  @Field(() => Boolean)
  disabled!: boolean;
}

@ObjectType('ChannelTimeouts')
export class ChannelTimeoutsType {
  @Field(() => Int)
  connectMs!: number;

  @Field(() => Int)
  firstByteMs!: number;

  @Field(() => Int)
  streamIdleMs!: number;
}

@ObjectType('Channel')
export class ChannelType {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  type!: string;

  @Field(() => String)
  name!: string;

  /** Secret field: masked keys, still admin only. */
  @Secret(Role.ADMIN)
  @Field(() => [ChannelKeyType], { description: 'Keys, masked. Full keys are never returned.' })
  maskedKeys!: ChannelKeyType[];

  @Field(() => String)
  baseUrl!: string;

  @Field(() => [String])
  models!: string[];

  @Field(() => [String])
  groups!: string[];

  @Field(() => Int)
  priority!: number;

  @Field(() => Int)
  weight!: number;

  @Field(() => GraphQLJSONObject)
  modelMapping!: Record<string, string>;

  /** Secret field: extra headers may carry credentials. */
  @Secret(Role.ADMIN)
  @Field(() => GraphQLJSONObject)
  headers!: Record<string, string>;

  @Field(() => [String])
  passthroughHeaders!: string[];

  @Field(() => ChannelTimeoutsType)
  timeouts!: ChannelTimeoutsType;

  @Field(() => String)
  keyStrategy!: string;

  @Field(() => Boolean)
  streamUsage!: boolean;

  @Field(() => Boolean)
  autoTest!: boolean;

  @Field(() => Boolean)
  autoDisable!: boolean;

  @Secret(Role.ADMIN)
  @Field(() => GraphQLJSONObject)
  config!: Record<string, unknown>;

  @Field(() => String, { description: 'enabled, manually_disabled or auto_disabled' })
  status!: string;

  @Field(() => String, { nullable: true })
  statusReason!: string | null;

  @Field(() => Int, { nullable: true })
  responseTimeMs!: number | null;

  @Field(() => Date, { nullable: true })
  lastTestAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Upstream balance in USD, when the provider reports one',
  })
  balanceUsd!: string | null;

  @Field(() => Date, { nullable: true })
  balanceUpdatedAt!: Date | null;

  @Field(() => BigIntScalar)
  usedQuota!: bigint;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType('ChannelTestResult')
export class ChannelTestResultType {
  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => String)
  model!: string;

  @Field(() => Int)
  latencyMs!: number;

  @Field(() => Int, { description: 'Upstream HTTP status; 0 = no answer' })
  status!: number;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => Boolean, { description: 'The failure disqualifies the key (invalid key, no balance)' })
  fatal!: boolean;
}
