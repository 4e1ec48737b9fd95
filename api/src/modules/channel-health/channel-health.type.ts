import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('ChannelHealthEvent', {
  description: 'A live channel fact: status change, test result, cool-down or disabled key (fields by kind)',
})
export class ChannelHealthEventType {
  @Field(() => String, { description: 'status, test, cooldown or key-disabled' })
  kind!: string;

  @Field(() => Int)
  channelId!: number;

  @Field(() => Date)
  at!: Date;

  @Field(() => String, { nullable: true, description: 'status: enabled, manually_disabled or auto_disabled' })
  status?: string | null;

  @Field(() => String, { nullable: true })
  reason?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'test: passed?' })
  ok?: boolean | null;

  @Field(() => Float, { nullable: true, description: 'test: response time, ms' })
  latencyMs?: number | null;

  @Field(() => String, { nullable: true, description: 'test: why it failed' })
  error?: string | null;

  @Field(() => Date, { nullable: true, description: 'cooldown: until when' })
  until?: Date | null;

  @Field(() => Int, { nullable: true, description: 'key-disabled: which key' })
  keyIndex?: number | null;
}
