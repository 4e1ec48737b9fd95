import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BigIntScalar } from '../../graphql/scalars.js';

@ObjectType('Token', { description: 'A customer API key for /v1. The key itself is never shown again.' })
export class TokenType {
  @Field(() => ID)
  id!: number;

  @Field(() => Int)
  userId!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'First characters of the key, e.g. "sk-AbCd"' })
  keyPrefix!: string;

  @Field(() => String, { description: 'enabled or disabled' })
  status!: string;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => Boolean)
  unlimited!: boolean;

  @Field(() => BigIntScalar, { description: 'Remaining quota (MySQL; liveRemainQuota is the relay’s value)' })
  remainQuota!: bigint;

  @Field(() => BigIntScalar)
  usedQuota!: bigint;

  @Field(() => [String], { nullable: true, description: 'Allowed models; null = all of the group' })
  models!: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Allowed client CIDRs; null = any' })
  ipWhitelist!: string[] | null;

  @Field(() => String, { nullable: true, description: 'null = the owner’s group' })
  group!: string | null;

  @Field(() => Int)
  rpm!: number;

  @Field(() => Int)
  tpm!: number;

  @Field(() => String, { description: 'none, daily or monthly' })
  quotaReset!: string;

  @Field(() => BigIntScalar)
  resetAmount!: bigint;

  @Field(() => Date, { nullable: true })
  lastResetAt!: Date | null;

  @Field(() => Date, { nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType('CreatedToken')
export class CreatedTokenType {
  @Field(() => String, { description: 'The full key. Shown only in this reply; only its hash is stored.' })
  key!: string;

  @Field(() => TokenType)
  token!: TokenType;
}

@ObjectType('PlaygroundToken', {
  description: 'A short-lived key for the console playground, billed to the signed-in user.',
})
export class PlaygroundTokenType {
  @Field(() => String, { description: 'The full key. Shown only in this reply; only its hash is stored.' })
  key!: string;

  @Field(() => Date)
  expiresAt!: Date;
}
