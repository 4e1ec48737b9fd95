import { Field, InputType, Int } from 'type-graphql';
import { BigIntScalar } from '../../graphql/scalars.js';

@InputType()
export class TokenFieldsInput {
  @Field(() => Date, { nullable: true, description: 'null = never expires' })
  expiresAt?: Date | null;

  @Field(() => Boolean, { nullable: true })
  unlimited?: boolean;

  @Field(() => [String], { nullable: true, description: 'Allowed models; null or [] = all of the group' })
  models?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'IPv4/IPv6 CIDRs; null or [] = any address' })
  ipWhitelist?: string[] | null;

  @Field(() => String, { nullable: true, description: 'null = the owner’s group' })
  group?: string | null;

  @Field(() => Int, { nullable: true })
  rpm?: number;

  @Field(() => Int, { nullable: true })
  tpm?: number;

  @Field(() => String, { nullable: true, description: 'none, daily or monthly' })
  quotaReset?: string;

  @Field(() => BigIntScalar, { nullable: true, description: 'Remaining quota restored by each reset' })
  resetAmount?: bigint;
}

@InputType()
export class CreateTokenInput extends TokenFieldsInput {
  @Field(() => String)
  name!: string;

  @Field(() => Int, { nullable: true, description: 'Owner; default yourself (staff may name a customer)' })
  userId?: number;

  @Field(() => BigIntScalar, { nullable: true, description: 'Remaining quota; ignored when unlimited' })
  remainQuota?: bigint;
}

@InputType()
export class UpdateTokenInput extends TokenFieldsInput {
  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true, description: 'enabled or disabled' })
  status?: string;

  @Field(() => BigIntScalar, {
    nullable: true,
    description: 'New remaining quota (the live value moves by the difference)',
  })
  remainQuota?: bigint;
}
