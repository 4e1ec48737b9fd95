import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BigIntScalar } from '../../graphql/scalars.js';

/** A user as GraphQL shows it (the entity minus its password hash). */
@ObjectType('User')
export class UserType {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  username!: string;

  @Field(() => String, { description: 'root, admin, sales or user' })
  role!: string;

  @Field(() => String)
  group!: string;

  @Field(() => BigIntScalar, {
    description: 'Balance in quota units (MySQL; see liveQuota for the relay’s value)',
  })
  quota!: bigint;

  @Field(() => BigIntScalar)
  usedQuota!: bigint;

  @Field(() => Number, { description: 'Requests served (counter; may exceed 2^31)' })
  requestCount!: number;

  @Field(() => Int, { description: 'Requests per minute across all tokens; 0 = no limit' })
  rpm!: number;

  @Field(() => Int, { description: 'Tokens per minute across all tokens; 0 = no limit' })
  tpm!: number;

  @Field(() => String, { description: 'enabled or disabled' })
  status!: string;

  @Field(() => String, { nullable: true })
  displayName!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => Boolean, {
    description:
      'The password was generated at first start or reset by staff; the user should change it (changePassword).',
  })
  mustChangePassword!: boolean;

  @Field(() => Date, { nullable: true })
  lastLoginAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;
}
