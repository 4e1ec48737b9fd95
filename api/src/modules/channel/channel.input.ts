import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';

@InputType()
export class ChannelTimeoutsInput {
  @Field(() => Int, { nullable: true, description: 'TCP/TLS connect, ms' })
  connectMs?: number;

  @Field(() => Int, { nullable: true, description: 'Until response headers (non-stream: whole body), ms' })
  firstByteMs?: number;

  @Field(() => Int, { nullable: true, description: 'Longest silence inside a stream, ms' })
  streamIdleMs?: number;
}

/** Fields shared by create and update; all optional (absent = default on create, unchanged on update). */
@InputType()
export class ChannelFieldsInput {
  @Field(() => String, { nullable: true, description: 'Empty or absent: the provider’s default base URL' })
  baseUrl?: string | null;

  @Field(() => [String], { nullable: true, description: 'Groups this channel serves' })
  groups?: string[];

  @Field(() => Int, { nullable: true, description: 'Higher tiers are tried first' })
  priority?: number;

  @Field(() => Int, { nullable: true, description: 'Weighted random share inside a priority tier' })
  weight?: number;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'requested model → upstream model' })
  modelMapping?: Record<string, unknown>;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Extra headers sent upstream' })
  headers?: Record<string, unknown>;

  @Field(() => [String], { nullable: true, description: 'Client headers copied upstream' })
  passthroughHeaders?: string[];

  @Field(() => ChannelTimeoutsInput, { nullable: true })
  timeouts?: ChannelTimeoutsInput;

  @Field(() => String, { nullable: true, description: 'round_robin or random' })
  keyStrategy?: string;

  @Field(() => Boolean, { nullable: true, description: 'Ask OpenAI-type upstreams for usage in streams' })
  streamUsage?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Include in scheduled tests' })
  autoTest?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Let the relay disable it on fatal errors' })
  autoDisable?: boolean;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Provider-specific settings' })
  config?: Record<string, unknown>;
}

@InputType()
export class CreateChannelInput extends ChannelFieldsInput {
  @Field(() => String, { description: 'Provider type (see `providers`)' })
  type!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: 'One or more keys; several are rotated per keyStrategy' })
  keys!: string[];

  @Field(() => [String], { description: 'Model names customers ask for' })
  models!: string[];
}

@InputType()
export class UpdateChannelInput extends ChannelFieldsInput {
  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => [String], { nullable: true, description: 'Model names customers ask for' })
  models?: string[];

  @Field(() => [String], { nullable: true, description: 'Replaces every key' })
  keys?: string[];

  @Field(() => [String], { nullable: true, description: 'Appends keys' })
  addKeys?: string[];

  @Field(() => [Int], { nullable: true, description: 'Removes keys by index' })
  removeKeyIndexes?: number[];

  @Field(() => [Int], { nullable: true, description: 'Key indexes to keep but not use' })
  disabledKeys?: number[];
}
