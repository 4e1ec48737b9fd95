import { Field, ObjectType } from 'type-graphql';
import { UserType } from '../user/user.type.js';

@ObjectType('LoginPayload')
export class LoginPayload {
  @Field(() => String, {
    description: 'Bearer token for `Authorization: Bearer …`; also set as an httpOnly session cookie',
  })
  accessToken!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => UserType)
  user!: UserType;
}
