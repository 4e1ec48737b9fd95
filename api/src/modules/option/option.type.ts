import { GraphQLJSON } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';

@ObjectType('SystemOption', { description: 'A system setting with its type-checked value' })
export class OptionType {
  @Field(() => String)
  key!: string;

  @Field(() => GraphQLJSON, { nullable: true })
  value!: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  defaultValue!: unknown;

  @Field(() => String)
  description!: string;

  @Field(() => Boolean, { description: 'Sent to the relay workers' })
  relay!: boolean;
}
