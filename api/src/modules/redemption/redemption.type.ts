import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { BigIntScalar } from '../../graphql/scalars.js';
import { TopUpType } from '../top-up/top-up.type.js';

@ObjectType('Redemption', {
  description: 'A redemption code (the code itself is never stored, only its hash)',
})
export class RedemptionType {
  @Field(() => ID)
  id!: number;

  @Field(() => String, { description: 'First characters of the code, for recognition' })
  codePrefix!: string;

  @Field(() => String)
  batchName!: string;

  @Field(() => BigIntScalar)
  quota!: bigint;

  @Field(() => String, { description: 'unused, used or disabled' })
  status!: string;

  @Field(() => Int)
  createdById!: number;

  @Field(() => Int, { nullable: true })
  redeemedById!: number | null;

  @Field(() => Date, { nullable: true })
  redeemedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('RedemptionPage')
export class RedemptionPage {
  @Field(() => [RedemptionType])
  items!: RedemptionType[];

  @Field(() => Int)
  total!: number;
}

@InputType('GenerateRedemptionsInput')
export class GenerateRedemptionsInput {
  @Field(() => String, { description: 'Batch name' })
  name!: string;

  @Field(() => Int, { description: 'How many codes (1–10,000)' })
  count!: number;

  @Field(() => BigIntScalar, { description: 'Quota each code is worth' })
  quota!: bigint;

  @Field(() => Date, { nullable: true })
  expiresAt?: Date | null;
}

@ObjectType('GeneratedRedemptions', { description: 'The plain codes: shown in this reply only' })
export class GeneratedRedemptionsType {
  @Field(() => String)
  batchName!: string;

  @Field(() => [String])
  codes!: string[];
}

@ObjectType('RedeemResult')
export class RedeemResultType {
  @Field(() => BigIntScalar, { description: 'Quota added to your balance' })
  quota!: bigint;

  @Field(() => TopUpType)
  topUp!: TopUpType;
}
