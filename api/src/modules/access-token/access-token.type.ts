import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('AccessToken', { description: 'A bearer token for this API (login session or personal token)' })
export class AccessTokenType {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'session or personal' })
  kind!: string;

  @Field(() => String, { description: 'First characters, for recognising it' })
  prefix!: string;

  @Field(() => Date, { nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  expiresAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('IssuedAccessToken')
export class IssuedAccessTokenType {
  @Field(() => String, { description: 'The token itself. Shown only now; store it safely.' })
  token!: string;

  @Field(() => AccessTokenType)
  accessToken!: AccessTokenType;
}
