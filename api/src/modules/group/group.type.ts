import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Group', { description: 'A price tier; users and tokens name one, channels serve some' })
export class GroupType {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'Price multiplier, exact decimal string' })
  ratio!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType('ChannelRef')
export class ChannelRefType {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  status!: string;
}
