import { Field, Float, ObjectType } from 'type-graphql';
import { BigIntScalar } from '../../graphql/scalars.js';
import { UsageLogType } from './usage-log.type.js';

@ObjectType('UsageLogEdge')
export class UsageLogEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => UsageLogType)
  node!: UsageLogType;
}

@ObjectType('PageInfo')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType('UsageLogConnection', { description: 'Newest first; keyset cursors on (time, id)' })
export class UsageLogConnection {
  @Field(() => [UsageLogEdge])
  edges!: UsageLogEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType('UsageLogTotals', { description: 'Aggregates of the filtered rows' })
export class UsageLogTotals {
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
}
