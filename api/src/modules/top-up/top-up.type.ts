import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BigIntScalar } from '../../graphql/scalars.js';

@ObjectType('TopUp', { description: 'A change of a user’s balance that is not usage' })
export class TopUpType {
  @Field(() => ID)
  id!: number;

  @Field(() => Int)
  userId!: number;

  @Field(() => BigIntScalar, { description: 'Signed quota delta' })
  amount!: bigint;

  @Field(() => String, { description: 'topup, adjustment or redemption' })
  kind!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => Int, { nullable: true })
  actorId!: number | null;

  @Field(() => Date)
  createdAt!: Date;
}
