import { Field, InputType, Int } from 'type-graphql';
import { BigIntScalar } from '../../graphql/scalars.js';

@InputType()
export class CreateUserInput {
  @Field(() => String)
  username!: string;

  @Field(() => String, { description: 'At least 8 characters' })
  password!: string;

  @Field(() => String, {
    nullable: true,
    description: 'user (default), sales, admin — up to what your role may give',
  })
  role?: string;

  @Field(() => String, { nullable: true, description: 'Default: "default"' })
  group?: string;

  @Field(() => BigIntScalar, {
    nullable: true,
    description: 'Starting balance; default the newUserQuota option',
  })
  quota?: bigint;

  @Field(() => Int, { nullable: true })
  rpm?: number;

  @Field(() => Int, { nullable: true })
  tpm?: number;

  @Field(() => String, { nullable: true })
  displayName?: string;

  @Field(() => String, { nullable: true })
  email?: string;
}

@InputType()
export class UpdateUserInput {
  @Field(() => String, { nullable: true })
  password?: string;

  @Field(() => String, { nullable: true })
  role?: string;

  @Field(() => String, { nullable: true })
  group?: string;

  @Field(() => BigIntScalar, {
    nullable: true,
    description: 'Sets the balance to this amount (recorded as an adjustment with quotaReason)',
  })
  quota?: bigint;

  @Field(() => String, {
    nullable: true,
    description: 'Why the balance was set (audit log and top-up record)',
  })
  quotaReason?: string;

  @Field(() => Int, { nullable: true })
  rpm?: number;

  @Field(() => Int, { nullable: true })
  tpm?: number;

  @Field(() => String, { nullable: true, description: 'enabled or disabled' })
  status?: string;

  @Field(() => String, { nullable: true })
  displayName?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;
}
