import { Field, ID, InputType, Int } from 'type-graphql';

@InputType('UsageLogFilter', { description: 'All fields optional; combined with AND' })
export class UsageLogFilter {
  @Field(() => Date, { nullable: true, description: 'Inclusive' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Exclusive' })
  to?: Date | null;

  @Field(() => Int, { nullable: true })
  userId?: number | null;

  @Field(() => Int, { nullable: true })
  tokenId?: number | null;

  @Field(() => String, { nullable: true, description: 'The model the client asked for' })
  model?: string | null;

  @Field(() => Int, { nullable: true })
  channelId?: number | null;

  @Field(() => String, { nullable: true, description: 'success, partial, aborted or failed' })
  status?: string | null;

  @Field(() => ID, { nullable: true })
  requestId?: string | null;
}
