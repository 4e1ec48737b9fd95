import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, ID, ObjectType } from 'type-graphql';

@ObjectType('JobStarted')
export class JobStartedType {
  @Field(() => ID, { description: 'Follow it with the jobProgress subscription' })
  jobId!: string;
}

@ObjectType('JobProgress')
export class JobProgressType {
  @Field(() => ID)
  jobId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'waiting, active, completed, failed, …' })
  state!: string;

  @Field(() => Float, { description: '0–100' })
  progress!: number;

  @Field(() => String, { nullable: true })
  message!: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Summary once completed (never secrets)' })
  result!: unknown;

  @Field(() => String, { nullable: true })
  failedReason!: string | null;
}
